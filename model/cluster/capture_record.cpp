// TiCDC's CaptureInfo; see capture_record.hpp.
#include "model/cluster/capture_record.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace cdc::model {

namespace {

namespace bj = boost::json;

api_failure corrupt(std::string_view why) {
  return fail(api_error::meta_store_failed, {"corrupt capture info: " + std::string{why}});
}

/// The string under `key`: empty when absent, nullopt when not a string.
std::optional<std::string> string_field(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v)
    return std::string{};
  if (!v->is_string())
    return std::nullopt;
  return std::string{v->get_string()};
}

} // namespace

std::string serialize_capture(const capture_record& c) {
  bj::object o{{"id", c.id},
               {"address", c.address},
               {"version", c.version},
               {"git-hash", c.git_hash},
               {"deploy-path", c.deploy_path},
               {"start-timestamp", c.start_timestamp}};
  if (!c.actor_address.empty())
    o["actor-address"] = c.actor_address;
  if (!c.upstream_digest.empty())
    o["upstream-digest"] = c.upstream_digest;
  if (c.stopping)
    o["stopping"] = true;
  return bj::serialize(o);
}

result<capture_record> parse_capture(std::string_view text) {
  boost::system::error_code ec;
  auto v = bj::parse(text, ec);
  if (ec)
    return corrupt(ec.message());
  const auto* o = v.if_object();
  if (!o)
    return corrupt("expected an object");
  capture_record c;
  for (auto [key, out] : {std::pair{"id", &c.id}, std::pair{"address", &c.address}, std::pair{"version", &c.version},
                          std::pair{"git-hash", &c.git_hash}, std::pair{"deploy-path", &c.deploy_path},
                          std::pair{"actor-address", &c.actor_address},
                          std::pair{"upstream-digest", &c.upstream_digest}}) {
    auto s = string_field(*o, key);
    if (!s)
      return corrupt(std::string{key} + ": expected a string");
    *out = std::move(*s);
  }
  if (c.id.empty() || c.address.empty())
    return corrupt("\"id\" and \"address\" are required");
  if (const auto* ts = o->if_contains("start-timestamp")) {
    if (!ts->is_int64() && !ts->is_uint64())
      return corrupt("start-timestamp: expected an integer");
    c.start_timestamp = ts->to_number<std::int64_t>();
  }
  if (const auto* s = o->if_contains("stopping"))
    c.stopping = s->is_bool() && s->get_bool();
  return c;
}

} // namespace cdc::model
