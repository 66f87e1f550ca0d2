// How changefeed routes find the feed a path names: TiCDC's ID rule on
// {changefeed_id}, the namespace, and the feed as last published.
#pragma once

#include <memory>

#include "http/api_context.hpp"
#include "model/changefeed/info.hpp"
#include "model/result.hpp"

namespace cdc::http {

/// {changefeed_id} checked by TiCDC's rule, ?namespace= defaulting to
/// "default" (not checked on reads, as in TiCDC).
model::result<model::changefeed_key> key_of(const request_context& rc);

/// v1 names feeds of the default namespace only.
model::result<model::changefeed_key> v1_key_of(const request_context& rc);

/// What the feed `key` published last; null, having answered with the
/// error, when the key is bad, the feed unknown or the list not seen yet.
std::shared_ptr<const actors::feed_snapshot> published_feed(const request_context& rc, const reply& rep,
                                                            const model::result<model::changefeed_key>& key);

} // namespace cdc::http
