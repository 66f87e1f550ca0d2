// What the API shows of nodes: the capture list items and /status, with their
// JSON encodings (TiCDC's cdc/api/v2/model.go names).
#pragma once

#include <cstdint>
#include <string>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

namespace cdc::model {

inline constexpr std::string_view default_cluster_id = "default";

/// Liveness of a capture: it only ever goes from alive to stopping.
enum class liveness : std::uint8_t { alive = 0, stopping = 1 };

/// One item of GET /api/v2/captures.
struct capture_view {
  std::string id;
  bool is_owner = false;
  std::string address;
  std::string cluster_id{default_cluster_id};

  friend bool operator==(const capture_view&, const capture_view&) = default;
};

/// GET /api/v2/status.
struct server_status {
  std::string version;
  std::string git_hash;
  std::string id;
  std::string cluster_id{default_cluster_id};
  std::int64_t pid = 0;
  bool is_owner = false;
  liveness live = liveness::alive;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const capture_view& x);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const server_status& x);

/// The same JSON as serializing value_from(x), written straight into a
/// string (GET /api/v2/status is the hottest read there is).
std::string to_json_text(const server_status& x);

} // namespace cdc::model
