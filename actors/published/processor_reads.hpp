// GET /processors and /processors/{id}/{capture} read from what the cluster
// published (the feeds' placements and the owner's captures), so a read
// never waits behind the owner's writes.
#pragma once

#include <string>
#include <vector>

#include "actors/published/capture_directory.hpp"
#include "actors/published/feed_directory.hpp"
#include "model/result.hpp"

namespace cdc::actors {

/// Every (changefeed, capture) pair of the feeds that hold tables, in
/// changefeed order.
std::vector<model::processor_item> processor_list(const feed_directory& feeds);

/// The tables `capture_id` holds for the feed `key`; TiCDC's errors for an
/// unknown feed, a feed that stopped abnormally, and an unknown capture.
model::result<model::processor_detail> processor_of(const feed_directory& feeds,
                                                    const capture_directory::captures& captures,
                                                    const model::changefeed_key& key, const std::string& capture_id);

} // namespace cdc::actors
