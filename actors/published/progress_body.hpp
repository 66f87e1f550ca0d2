// A changefeed's GET body (its detail, or its item of the list) serialized
// once, with where its progress fields sit in the text. A feed that follows
// the upstream reads at a new checkpoint whenever the resolved TS moves;
// writing its body then costs a copy and a few numbers, not a JSON tree.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/changefeed/info.hpp"

namespace cdc::actors {

class progress_body {
public:
  progress_body() = default;
  /// `json` was serialized from `made_at`. The fields found are the top
  /// level's last "checkpoint_ts", "checkpoint_tso", "resolved_ts" and
  /// "checkpoint_time" (model/changefeed/views.cpp writes them after the
  /// config, which holds no such key).
  progress_body(std::string json, const model::changefeed_progress& made_at);

  /// The body as it reads at `p` appended to `out`.
  void append_at(std::string& out, const model::changefeed_progress& p) const;
  std::string at(const model::changefeed_progress& p) const;
  /// The size at the progress it was made at (a good reserve() hint).
  std::size_t size() const noexcept { return json_.size(); }

private:
  enum class field { checkpoint, resolved, checkpoint_time };
  struct hole {
    std::size_t at = 0, length = 0;
    field what = field::checkpoint;
  };
  void find(std::string_view key, field what);

  std::string json_;
  model::changefeed_progress made_at_;
  std::vector<hole> holes_; // by position
};

} // namespace cdc::actors
