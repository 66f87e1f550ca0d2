// etcd's JSON gateway encoding; see etcd_wire.hpp.
#include "actors/store/backend/etcd_wire.hpp"

#include <charconv>

#include <boost/json/serialize.hpp>

#include "model/codec/base64.hpp"

namespace cdc::store::etcd::wire {

namespace {

namespace bj = boost::json;

error bad(std::string why) {
  return {error::kind::bad_answer, 0, std::move(why)};
}

std::string b64(std::string_view bytes) {
  return model::base64_encode(bytes);
}

/// int64s go as strings, as the gateway writes them (JSON numbers lose
/// precision past 2^53 in many readers; etcd accepts both).
std::string i64(std::int64_t v) {
  return std::to_string(v);
}

bj::object range_object(const range_request& r) {
  bj::object o{{"key", b64(r.key)}};
  if (!r.range_end.empty())
    o["range_end"] = b64(r.range_end);
  if (r.revision != 0)
    o["revision"] = i64(r.revision);
  if (r.limit != 0)
    o["limit"] = i64(r.limit);
  if (r.keys_only)
    o["keys_only"] = true;
  return o;
}

bj::object put_object(const put_request& r) {
  bj::object o{{"key", b64(r.key)}, {"value", b64(r.value)}};
  if (r.lease != 0)
    o["lease"] = i64(r.lease);
  return o;
}

bj::object delete_object(const delete_request& r) {
  bj::object o{{"key", b64(r.key)}};
  if (!r.range_end.empty())
    o["range_end"] = b64(r.range_end);
  return o;
}

bj::array op_array(const std::vector<txn_op>& ops) {
  bj::array a;
  for (const auto& op : ops) {
    if (const auto* r = std::get_if<range_request>(&op))
      a.push_back(bj::object{{"request_range", range_object(*r)}});
    else if (const auto* p = std::get_if<put_request>(&op))
      a.push_back(bj::object{{"request_put", put_object(*p)}});
    else
      a.push_back(bj::object{{"request_delete_range", delete_object(std::get<delete_request>(op))}});
  }
  return a;
}

bj::object compare_object(const compare& c) {
  static constexpr const char* targets[] = {"VERSION", "CREATE", "MOD"};
  static constexpr const char* fields[] = {"version", "create_revision", "mod_revision"};
  static constexpr const char* relations[] = {"EQUAL", "GREATER", "LESS", "NOT_EQUAL"};
  auto t = static_cast<std::size_t>(c.what);
  return {{"key", b64(c.key)},
          {"target", targets[t]},
          {"result", relations[static_cast<std::size_t>(c.relation)]},
          {fields[t], i64(c.operand)}};
}

// -- reading answers -----------------------------------------------------------

/// An int64 the gateway wrote as a string; absent reads 0 (proto3 default).
result<std::int64_t> int_field(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v)
    return std::int64_t{0};
  if (v->is_int64())
    return v->get_int64();
  if (const auto* s = v->if_string()) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    if (ec == std::errc{} && end == s->data() + s->size())
      return n;
  }
  return bad("\"" + std::string{key} + "\" is not an int64: " + bj::serialize(*v));
}

/// Base64 bytes; absent reads "" (proto3 default).
result<std::string> bytes_field(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v)
    return std::string{};
  const auto* s = v->if_string();
  auto bytes = s ? model::base64_decode(*s) : std::nullopt;
  if (!bytes)
    return bad("\"" + std::string{key} + "\" is not base64: " + bj::serialize(*v));
  return std::move(*bytes);
}

result<key_value> read_kv(const bj::value& v) {
  const auto* o = v.if_object();
  if (!o)
    return bad("a key-value is not an object");
  key_value kv;
  auto key = bytes_field(*o, "key");
  auto value = bytes_field(*o, "value");
  if (!key)
    return key.error();
  if (!value)
    return value.error();
  kv.key = std::move(*key);
  kv.value = std::move(*value);
  for (auto [field, out] :
       {std::pair{"create_revision", &kv.create_revision}, std::pair{"mod_revision", &kv.mod_revision},
        std::pair{"version", &kv.version}, std::pair{"lease", &kv.lease}}) {
    auto n = int_field(*o, field);
    if (!n)
      return n.error();
    *out = *n;
  }
  return kv;
}

result<const bj::object*> as_object(const bj::value& v, std::string_view what) {
  if (const auto* o = v.if_object())
    return o;
  return bad(std::string{what} + " is not an object: " + bj::serialize(v));
}

} // namespace

std::string range_body(const range_request& r) {
  return bj::serialize(range_object(r));
}
std::string put_body(const put_request& r) {
  return bj::serialize(put_object(r));
}
std::string delete_body(const delete_request& r) {
  return bj::serialize(delete_object(r));
}

std::string txn_body(const txn_request& r) {
  bj::array compares;
  for (const auto& c : r.compares)
    compares.push_back(compare_object(c));
  return bj::serialize(
    bj::object{{"compare", std::move(compares)}, {"success", op_array(r.success)}, {"failure", op_array(r.failure)}});
}

std::string lease_grant_body(std::chrono::seconds ttl) {
  return bj::serialize(bj::object{{"TTL", i64(ttl.count())}});
}
std::string lease_id_body(std::int64_t id) {
  return bj::serialize(bj::object{{"ID", i64(id)}});
}

result<std::int64_t> read_revision(const bj::value& answer) {
  auto o = as_object(answer, "the answer");
  if (!o)
    return o.error();
  const auto* header = (*o)->if_contains("header");
  if (!header || !header->is_object())
    return bad("the answer has no header: " + bj::serialize(answer));
  return int_field(header->get_object(), "revision");
}

result<range_response> read_range(const bj::value& answer) {
  auto o = as_object(answer, "a range answer");
  if (!o)
    return o.error();
  range_response r;
  auto rev = read_revision(answer);
  auto count = int_field(**o, "count");
  if (!rev)
    return rev.error();
  if (!count)
    return count.error();
  r.revision = *rev;
  r.count = *count;
  if (const auto* more = (*o)->if_contains("more"))
    r.more = more->is_bool() && more->get_bool();
  if (const auto* kvs = (*o)->if_contains("kvs")) {
    if (!kvs->is_array())
      return bad("\"kvs\" is not an array");
    for (const auto& v : kvs->get_array()) {
      auto kv = read_kv(v);
      if (!kv)
        return kv.error();
      r.kvs.push_back(std::move(*kv));
    }
  }
  return r;
}

result<txn_response> read_txn(const bj::value& answer) {
  auto o = as_object(answer, "a txn answer");
  if (!o)
    return o.error();
  txn_response t;
  auto rev = read_revision(answer);
  if (!rev)
    return rev.error();
  t.revision = *rev;
  if (const auto* ok = (*o)->if_contains("succeeded"))
    t.succeeded = ok->is_bool() && ok->get_bool();
  const auto* responses = (*o)->if_contains("responses");
  if (!responses)
    return t;
  if (!responses->is_array())
    return bad("\"responses\" is not an array");
  for (const auto& v : responses->get_array()) {
    const auto* range = v.is_object() ? v.get_object().if_contains("response_range") : nullptr;
    if (!range)
      continue;
    // A nested range's header has only the revision; the txn's is the one.
    auto r = read_range(*range);
    if (!r)
      return r.error();
    t.ranges.push_back(std::move(*r));
  }
  return t;
}

result<lease_grant> read_lease_grant(const bj::value& answer) {
  auto o = as_object(answer, "a lease answer");
  if (!o)
    return o.error();
  auto id = int_field(**o, "ID");
  auto ttl = int_field(**o, "TTL");
  if (!id)
    return id.error();
  if (!ttl)
    return ttl.error();
  if (*id == 0)
    return bad("the lease answer has no ID: " + bj::serialize(answer));
  return lease_grant{*id, *ttl};
}

result<std::int64_t> read_keep_alive(const bj::value& answer) {
  auto o = as_object(answer, "a keep-alive answer");
  if (!o)
    return o.error();
  const auto* inner = (*o)->if_contains("result");
  if (!inner || !inner->is_object())
    return bad("the keep-alive answer has no result: " + bj::serialize(answer));
  return int_field(inner->get_object(), "TTL");
}

std::optional<error> read_error(const bj::value& answer) {
  const auto* o = answer.if_object();
  const auto* message = o ? o->if_contains("error") : nullptr;
  if (!message || !message->is_string())
    return std::nullopt;
  auto code = int_field(*o, "code");
  return error{error::kind::rejected, code ? static_cast<int>(*code) : 0, std::string{message->get_string()}};
}

} // namespace cdc::store::etcd::wire
