// The requests a scenario sends, one connection at a time: which operation
// comes next (drawn from the blend, or the next step of a churn cycle) and
// its method, target and body. Pure: the runner only moves bytes.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "tools/load/op_mix.hpp"

namespace cdc::load {

struct request_spec {
  op kind = op::status;
  const char* method = "GET";
  std::string target;
  std::string body; ///< empty: no body
  /// The changefeed a churn step (create, pause, update, resume, remove)
  /// changes, for the history; empty for reads.
  std::string feed;
};

/// Builds targets and bodies; `replica_config_json` is a compact JSON object
/// or empty (then creates carry no replica_config).
class request_builder {
public:
  request_builder(std::string prefix, std::string sink_uri, std::string replica_config_json);

  std::string feed_id(std::uint64_t index) const;
  request_spec create(std::uint64_t index) const;
  request_spec status() const;
  request_spec list() const;
  request_spec get(std::uint64_t index) const;
  request_spec processors() const;
  request_spec pause(std::uint64_t index) const;
  /// Sets target_ts to a far-future TSO that differs per `round`, so every
  /// update really changes the feed (an unchanged one is refused).
  request_spec update(std::uint64_t index, std::uint64_t round) const;
  request_spec resume(std::uint64_t index) const;
  request_spec remove(std::uint64_t index) const;

private:
  std::string prefix_;
  /// `{"changefeed_id":"` ... `","sink_uri":...}`: the create body around the ID.
  std::string create_head_;
  std::string create_tail_;
};

/// The steps of one changefeed's churn cycle, in order.
enum class churn_step : std::uint8_t { pause, update, resume, remove, create };

op op_of(churn_step s) noexcept;
churn_step after(churn_step s) noexcept;

/// Shared by the connections of one run: which create comes next.
struct create_counter {
  explicit create_counter(std::uint64_t total_) : total(total_) {}
  const std::uint64_t total;
  std::atomic<std::uint64_t> next{0};
};

/// What one connection sends next. Not thread-safe: one per connection.
class request_source {
public:
  /// A source of creates: takes indices from `creates` until all are taken;
  /// `indices` (if given) maps the counter to feed indices (a setup that
  /// only makes the missing feeds).
  static request_source creating(std::shared_ptr<const request_builder> b, std::shared_ptr<create_counter> creates,
                                 std::shared_ptr<const std::vector<std::uint64_t>> indices = nullptr);

  /// A source drawing from `mix` over `feeds` changefeeds. Churn steps go to
  /// the feeds this connection owns (index % connections == connection), so
  /// no two connections step the same feed; without any, churn draws a get.
  static request_source mixing(std::shared_ptr<const request_builder> b, op_mix mix, std::uint64_t feeds,
                               std::size_t connection, std::size_t connections, std::uint64_t seed);

  /// The next request, or nullopt when this source has nothing left to do.
  std::optional<request_spec> next();

  /// The feeds this connection churns (for tests).
  const std::vector<std::uint64_t>& owned() const noexcept { return owned_; }

private:
  request_source() = default;
  request_spec churn();

  std::shared_ptr<const request_builder> build_;
  // creating
  std::shared_ptr<create_counter> creates_;
  std::shared_ptr<const std::vector<std::uint64_t>> indices_;
  // mixing
  std::optional<op_mix> mix_;
  std::uint64_t feeds_ = 0;
  std::vector<std::uint64_t> owned_;
  std::vector<churn_step> steps_;   ///< next step per owned feed
  std::vector<std::uint64_t> rounds_; ///< completed cycles per owned feed
  std::size_t turn_ = 0;            ///< owned feed whose cycle is under way
  std::mt19937_64 random_;
};

} // namespace cdc::load
