// The owner's changefeed operations for the API: create, lifecycle changes
// (pause, resume, remove), update, and the processor queries.
#pragma once

#include "actors/control/owner.hpp"

namespace cdc::actors {

caf::result<model::changefeed_detail> create_feed(owner_pointer self, model::changefeed_config cfg);

/// Pause, resume or remove; answers once the changefeed took the change and
/// its tables were placed or released. Remove answers true for an unknown feed.
caf::result<bool> change_state(owner_pointer self, const model::changefeed_key& key, model::feed_event_t event);

caf::result<model::changefeed_detail> update_feed(owner_pointer self, const model::changefeed_key& key,
                                                  model::changefeed_update body);

caf::result<model::processor_detail> processor_detail(owner_pointer self, const model::changefeed_key& key,
                                                      const std::string& capture_id);

} // namespace cdc::actors
