// TiCDC's replica config in its internal form (the hyphenated keys of its
// pkg/config tags, which its TOML files and v1's sink_config use) turned
// into the API's form, which the model's decoders read.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace cdc::model::config {

/// The API key of TiCDC's internal `key` inside the object at `logical`
/// (its API path without array indexes, e.g. "sink.dispatchers"), or ""
/// when TiCDC has no such key. Most keys are the API's with '-' for '_';
/// the exceptions are TiCDC's tags that differ from its API's:
///   sink.advance-timeout-in-sec     -> sink.advance_timeout
///   sink.file-index-digit           -> sink.file_index_width
///   sink.dispatchers[].dispatcher   -> partition (its deprecated alias)
///   sink.mysql-config.max-multi-update-row -> max_multi_update_row_count
///   sink.send-all-bootstrap-at-start and every sink.pulsar-config key keep
///   their hyphens (the API's tags have them too), and pulsar's
///   tls-certificate-file / tls-key-file-path are the API's
///   tls-private-key-path / tls-certificate-path (TiCDC swaps them).
std::string api_key(std::string_view logical, std::string_view key);

/// `internal`, the object at `logical`, with every key at every depth
/// renamed by api_key; keys TiCDC does not have are dropped, as its JSON
/// decoder ignores them. Values are left as they are, so the decoder still
/// reports wrong types.
boost::json::value api_keys_of(const boost::json::value& internal, std::string_view logical);

} // namespace cdc::model::config
