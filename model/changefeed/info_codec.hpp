// The stored form of a changefeed (meta store records): JSON with TiCDC's
// hyphenated keys, as /unsafe/metadata shows them. Decoding is strict about
// types and required keys and never throws; unknown keys are ignored so a
// record written by a newer version can still be read.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "model/changefeed/info.hpp"
#include "model/result.hpp"

namespace cdc::model {

/// {"upstream-id", "namespace", "changefeed-id", "sink-uri", "create-time"
/// (RFC 3339, UTC, ns), "start-ts", "target-ts", "admin-job-type" (derived
/// from the state, written for readers), "config" (the replica config with
/// its API keys, or null), "state", "error" (null or {time?, addr, code,
/// message}), "creator-version", "epoch"}.
boost::json::value encode_info(const changefeed_info& info);

/// 500 ErrMetaStoreFailed "meta store operation failed: corrupt changefeed
/// info: <key>: <why>" for a missing key, a wrong type, an unknown state or
/// a malformed time.
result<changefeed_info> decode_info(const boost::json::value& v);

/// {"checkpoint-ts", "resolved-ts"}.
boost::json::value encode_progress(const changefeed_progress& p);
result<changefeed_progress> decode_progress(const boost::json::value& v);

/// The same as text; parse_* also reject text that is not JSON.
std::string serialize_info(const changefeed_info& info);
result<changefeed_info> parse_info(std::string_view text);
std::string serialize_progress(const changefeed_progress& p);
result<changefeed_progress> parse_progress(std::string_view text);

} // namespace cdc::model
