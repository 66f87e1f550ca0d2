// A changefeed as the cluster keeps it: the durable record (TiCDC's
// ChangeFeedInfo) and its progress (ChangeFeedStatus).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "model/changefeed/state.hpp"
#include "model/changefeed/views.hpp"
#include "model/config/replica_config.hpp"
#include "model/tso.hpp"

namespace cdc::model {

/// (namespace, id): what identifies a changefeed.
struct changefeed_key {
  std::string namespace_;
  std::string id;

  /// "namespace/id", as TiCDC prints it in messages.
  std::string display() const { return namespace_ + "/" + id; }

  friend bool operator==(const changefeed_key&, const changefeed_key&) = default;
  friend auto operator<=>(const changefeed_key&, const changefeed_key&) = default;
};

/// The durable part of a changefeed: what create and update write.
struct changefeed_info {
  changefeed_key key;
  std::uint64_t upstream_id = 0;
  std::string sink_uri; ///< as given (unmasked); mask before showing
  std::chrono::system_clock::time_point create_time{};
  tso_t start_ts = 0;
  tso_t target_ts = 0; ///< 0: no target
  /// Shared and immutable: feeds created from the same body share it, and a
  /// view or a processor holds it without copying.
  std::shared_ptr<const config::replica_config> config;
  feed_state state = feed_state::normal;
  std::optional<running_error> error;
  std::string creator_version;
  /// Bumped by every write, so readers can tell one version from the next.
  std::uint64_t epoch = 0;
};

/// The progress of a changefeed (persisted in batches, not per event).
struct changefeed_progress {
  tso_t checkpoint_ts = 0;
  tso_t resolved_ts = 0;
  /// Commit TS of the last row written to the sink (GET .../synced); kept
  /// in memory only, as TiCDC keeps it.
  tso_t last_synced_ts = 0;
  /// Nonzero while none of the feed's tables has a change to write up to
  /// this TSO: until then its checkpoint and resolved TS follow the
  /// upstream's resolved TS without a report (see at()). In memory only.
  tso_t follow_through = 0;

  /// The progress when the upstream is resolved up to `resolved`.
  changefeed_progress at(tso_t resolved) const noexcept {
    auto out = *this;
    if (follow_through != 0) {
      auto reached = resolved < follow_through ? resolved : follow_through;
      out.checkpoint_ts = checkpoint_ts < reached ? reached : checkpoint_ts;
      out.resolved_ts = resolved_ts < out.checkpoint_ts ? out.checkpoint_ts : resolved_ts;
    }
    return out;
  }
};

} // namespace cdc::model
