// The owner's changefeed operations for the API: create (in steps the owner
// sends itself), lifecycle changes (pause, resume, remove) and update.
#pragma once

#include "actors/control/owner.hpp"

namespace cdc::actors {

/// Create, step 1: checks the body against PD's clock and the create rules.
caf::result<model::changefeed_detail> create_feed(owner_pointer self, model::changefeed_config cfg);
/// Create, step 2: opens the checked feed's sink once.
caf::result<model::changefeed_detail> probe_created(owner_pointer self, model::changefeed_info info);
/// Create, step 3: stores the feed, spawns it and places its tables.
caf::result<model::changefeed_detail> store_created(owner_pointer self, model::changefeed_info info);

/// Pause, resume or remove; answers once the changefeed took the change and
/// its tables were placed or released. Remove answers true for an unknown feed.
caf::result<bool> change_state(owner_pointer self, const model::changefeed_key& key, model::feed_event_t event);

caf::result<model::changefeed_detail> update_feed(owner_pointer self, const model::changefeed_key& key,
                                                  model::changefeed_update body);

/// Answers with the feed's detail as its actor has it now.
void answer_detail(owner_pointer self, const model::changefeed_key& key,
                   caf::typed_response_promise<model::changefeed_detail> rp);

} // namespace cdc::actors
