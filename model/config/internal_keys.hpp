// TiCDC's replica config in its internal form (the hyphenated keys of its
// TOML files and of v1's sink_config) turned into the API's form, which the
// model's decoders read.
#pragma once

#include <boost/json/value.hpp>

namespace cdc::model::config {

/// Every object key at every depth with '-' turned into '_', and the few
/// keys whose API name differs otherwise renamed (file-index-digit is
/// file_index_width, advance-timeout-in-sec is advance_timeout). Values
/// are left as they are, so the decoder still reports wrong types.
boost::json::value api_keys_of(const boost::json::value& internal);

} // namespace cdc::model::config
