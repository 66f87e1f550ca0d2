// TiCDC's ChangeFeedStatus; see status_codec.hpp.
#include "model/changefeed/status_codec.hpp"

#include <optional>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace cdc::model {

namespace {

namespace bj = boost::json;

api_failure corrupt(std::string_view why) {
  return fail(api_error::meta_store_failed, {"corrupt changefeed status: " + std::string{why}});
}

/// The unsigned integer under `key`, nullopt when absent, or why it is not one.
result<std::optional<std::uint64_t>> optional_u64(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v)
    return std::optional<std::uint64_t>{};
  if (v->is_uint64())
    return std::optional<std::uint64_t>{v->get_uint64()};
  if (v->is_int64() && v->get_int64() >= 0)
    return std::optional<std::uint64_t>{static_cast<std::uint64_t>(v->get_int64())};
  return corrupt(std::string{key} + ": expected an unsigned integer");
}

} // namespace

bj::value encode_status(const changefeed_status& s) {
  return bj::object{{"checkpoint-ts", s.progress.checkpoint_ts},
                    {"min-table-barrier-ts", s.progress.resolved_ts},
                    {"admin-job-type", static_cast<int>(s.admin_job_type)},
                    {"resolved-ts", s.progress.resolved_ts}};
}

result<changefeed_status> decode_status(const bj::value& v) {
  const auto* o = v.if_object();
  if (!o)
    return corrupt("expected an object");
  auto checkpoint = optional_u64(*o, "checkpoint-ts");
  auto resolved = optional_u64(*o, "resolved-ts");
  auto job = optional_u64(*o, "admin-job-type");
  for (const auto* r : {&checkpoint, &resolved, &job})
    if (!*r)
      return r->error();
  if (!*checkpoint)
    return corrupt("checkpoint-ts: missing");
  if (job->value_or(0) > static_cast<std::uint64_t>(admin_job::finish))
    return corrupt("admin-job-type: unknown admin job type " + std::to_string(**job));
  changefeed_status s;
  s.progress.checkpoint_ts = **checkpoint;
  s.progress.resolved_ts = resolved->value_or(**checkpoint);
  s.admin_job_type = static_cast<admin_job>(job->value_or(0));
  return s;
}

std::string serialize_status(const changefeed_status& s) {
  return bj::serialize(encode_status(s));
}

result<changefeed_status> parse_status(std::string_view text) {
  boost::system::error_code ec;
  auto v = bj::parse(text, ec);
  if (ec)
    return corrupt(ec.message());
  return decode_status(v);
}

} // namespace cdc::model
