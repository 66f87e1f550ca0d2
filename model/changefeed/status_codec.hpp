// TiCDC's ChangeFeedStatus JSON (cdc/model/changefeed.go), the value of a
// changefeed's status key in etcd: {"checkpoint-ts", "min-table-barrier-ts",
// "admin-job-type"}, plus "resolved-ts", which TiCDC v4.x wrote in the same
// struct and later versions ignore, so our resolved TS survives a restart
// and every TiCDC version still reads the value.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "model/changefeed/info.hpp"
#include "model/result.hpp"

namespace cdc::model {

/// A changefeed's status as stored: its progress and the admin job TiCDC
/// keeps beside it (which follows the info's state: admin_job_of).
struct changefeed_status {
  changefeed_progress progress;
  admin_job admin_job_type = admin_job::none;
};

/// "min-table-barrier-ts" is the resolved TS: we replicate no DDL, so no DDL
/// barrier lies below it (TiCDC sets it to the start TS at create).
boost::json::value encode_status(const changefeed_status& s);

/// "checkpoint-ts" is required; a status without "resolved-ts" (written by
/// TiCDC v5 or later) reads the checkpoint as resolved TS, and one without
/// "admin-job-type" reads none. 500 ErrMetaStoreFailed "meta store operation
/// failed: corrupt changefeed status: <key>: <why>" otherwise.
result<changefeed_status> decode_status(const boost::json::value& v);

std::string serialize_status(const changefeed_status& s);
/// decode_status of text; text that is not JSON fails the same way.
result<changefeed_status> parse_status(std::string_view text);

} // namespace cdc::model
