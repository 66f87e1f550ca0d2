// Changefeed metadata that outlives owners: info on every write, progress in
// batches. In memory for now; the embedded durable store replaces the map
// behind this same interface.
#pragma once

#include <map>

#include "actors/messages.hpp"

namespace cdc::actors {

struct meta_store_state {
  static inline const char* name = "meta-store";

  meta_store_state() = default;

  // -- constants --------------------------------------------------------------

  /// How often pending progress is written and the GC safepoint is updated.
  static constexpr auto flush_interval = std::chrono::milliseconds(200);

  // -- member variables -------------------------------------------------------

  struct record {
    model::changefeed_info info;
    model::changefeed_progress progress;
  };
  std::map<model::changefeed_key, record> records;
  /// Told the lowest checkpoint of every feed that blocks GC.
  upstream_actor upstream;

  /// The service GC safepoint the feeds need: just below the lowest
  /// checkpoint of every feed that is not finished; nullopt with none.
  std::optional<model::tso_t> service_safepoint() const;
};

meta_store_actor::behavior_type meta_store(meta_store_actor::stateful_pointer<meta_store_state> self,
                                           upstream_actor upstream);

} // namespace cdc::actors
