// Stored changefeed records; see info_codec.hpp.
#include "model/changefeed/info_codec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "model/changefeed/stored_time.hpp"

namespace cdc::model {

namespace {

namespace bj = boost::json;

// Reads the keys of one stored object, recording the first failure.
class record_reader {
public:
  record_reader(const bj::value& v, std::string_view what) : what_(what) {
    obj_ = v.if_object();
    if (!obj_)
      fail_at("", "expected an object, got " + std::string{kind(v)});
  }

  bool ok() const { return !failure_; }
  api_failure failure() const { return *failure_; }

  const bj::value* get(std::string_view key) {
    if (!obj_ || failure_)
      return nullptr;
    const auto* v = obj_->if_contains(key);
    if (!v)
      fail_at(key, "missing");
    return v;
  }

  std::uint64_t u64(std::string_view key) {
    const auto* v = get(key);
    if (v && v->is_uint64())
      return v->get_uint64();
    if (v && v->is_int64() && v->get_int64() >= 0)
      return static_cast<std::uint64_t>(v->get_int64());
    if (v)
      fail_at(key, "expected an unsigned integer, got " + std::string{kind(*v)});
    return 0;
  }

  std::string str(std::string_view key) {
    const auto* v = get(key);
    if (v && v->is_string())
      return std::string{v->get_string()};
    if (v)
      fail_at(key, "expected a string, got " + std::string{kind(*v)});
    return {};
  }

  std::chrono::system_clock::time_point time(std::string_view key) {
    auto text = str(key);
    if (!ok())
      return {};
    auto t = parse_stored_time(text);
    if (!t)
      fail_at(key, "not an RFC 3339 time: \"" + text + "\"");
    return t.value_or(std::chrono::system_clock::time_point{});
  }

  void fail_at(std::string_view key, std::string why) {
    if (failure_)
      return;
    std::string msg = "corrupt " + std::string{what_} + ": ";
    if (!key.empty())
      msg += std::string{key} + ": ";
    failure_ = fail(api_error::meta_store_failed, {msg + why});
  }

  void adopt(api_failure f) {
    if (!failure_)
      failure_ = std::move(f);
  }

  static std::string_view kind(const bj::value& v) {
    switch (v.kind()) {
      case bj::kind::null: return "null";
      case bj::kind::bool_: return "bool";
      case bj::kind::int64:
      case bj::kind::uint64:
      case bj::kind::double_: return "number";
      case bj::kind::string: return "string";
      case bj::kind::array: return "array";
      case bj::kind::object: return "object";
    }
    return "value";
  }

private:
  const bj::object* obj_ = nullptr;
  std::string_view what_;
  std::optional<api_failure> failure_;
};

bj::value encode_error(const std::optional<running_error>& e) {
  if (!e)
    return nullptr;
  bj::object o;
  if (e->time)
    o["time"] = format_stored_time(*e->time);
  o["addr"] = e->addr;
  o["code"] = e->code;
  o["message"] = e->message;
  return o;
}

std::optional<running_error> decode_error(const bj::value& v, record_reader& outer) {
  if (v.is_null())
    return std::nullopt;
  record_reader r{v, "changefeed info: error"};
  running_error e;
  if (v.is_object() && v.get_object().contains("time"))
    e.time = r.time("time");
  e.addr = r.str("addr");
  e.code = r.str("code");
  e.message = r.str("message");
  if (!r.ok()) {
    outer.adopt(r.failure());
    return std::nullopt;
  }
  return e;
}

std::shared_ptr<const config::replica_config> decode_config(const bj::value& v, record_reader& r) {
  if (v.is_null())
    return nullptr;
  config::replica_config cfg;
  if (auto st = config::read_into(cfg, v, json::path{"config"}); !st) {
    // The reader's message is "invalid api parameter: config...: why".
    auto msg = st.error().message;
    if (msg.starts_with(json::invalid_param_prefix))
      msg.erase(0, json::invalid_param_prefix.size());
    r.fail_at("", msg);
    return nullptr;
  }
  return std::make_shared<const config::replica_config>(std::move(cfg));
}

template <class T, class Decode>
result<T> parse_text(std::string_view text, std::string_view what, Decode decode) {
  boost::system::error_code ec;
  auto v = bj::parse(text, ec);
  if (ec)
    return fail(api_error::meta_store_failed, {"corrupt " + std::string{what} + ": " + ec.message()});
  return decode(v);
}

} // namespace

bj::value encode_info(const changefeed_info& info) {
  bj::object o;
  o["upstream-id"] = info.upstream_id;
  o["namespace"] = info.key.namespace_;
  o["changefeed-id"] = info.key.id;
  o["sink-uri"] = info.sink_uri;
  o["create-time"] = format_stored_time(info.create_time);
  o["start-ts"] = info.start_ts;
  o["target-ts"] = info.target_ts;
  o["admin-job-type"] = static_cast<int>(admin_job_of(info.state));
  if (info.config)
    o["config"] = bj::value_from(*info.config);
  else
    o["config"] = nullptr;
  o["state"] = to_string(info.state);
  o["error"] = encode_error(info.error);
  o["creator-version"] = info.creator_version;
  o["epoch"] = info.epoch;
  return o;
}

result<changefeed_info> decode_info(const bj::value& v) {
  record_reader r{v, "changefeed info"};
  changefeed_info info;
  info.upstream_id = r.u64("upstream-id");
  info.key.namespace_ = r.str("namespace");
  info.key.id = r.str("changefeed-id");
  info.sink_uri = r.str("sink-uri");
  info.create_time = r.time("create-time");
  info.start_ts = r.u64("start-ts");
  info.target_ts = r.u64("target-ts");
  if (auto job = r.u64("admin-job-type"); r.ok() && job > static_cast<std::uint64_t>(admin_job::finish))
    r.fail_at("admin-job-type", "unknown admin job type " + std::to_string(job));
  if (const auto* cfg = r.get("config"))
    info.config = decode_config(*cfg, r);
  auto state = r.str("state");
  if (r.ok()) {
    if (auto s = parse_feed_state(state))
      info.state = *s;
    else
      r.fail_at("state", "unknown state \"" + state + "\"");
  }
  if (const auto* err = r.get("error"))
    info.error = decode_error(*err, r);
  info.creator_version = r.str("creator-version");
  info.epoch = r.u64("epoch");
  if (!r.ok())
    return r.failure();
  return info;
}

bj::value encode_progress(const changefeed_progress& p) {
  return bj::object{{"checkpoint-ts", p.checkpoint_ts}, {"resolved-ts", p.resolved_ts}};
}

result<changefeed_progress> decode_progress(const bj::value& v) {
  record_reader r{v, "changefeed progress"};
  changefeed_progress p;
  p.checkpoint_ts = r.u64("checkpoint-ts");
  p.resolved_ts = r.u64("resolved-ts");
  if (!r.ok())
    return r.failure();
  return p;
}

std::string serialize_info(const changefeed_info& info) { return bj::serialize(encode_info(info)); }

result<changefeed_info> parse_info(std::string_view text) {
  return parse_text<changefeed_info>(text, "changefeed info", [](const bj::value& v) { return decode_info(v); });
}

std::string serialize_progress(const changefeed_progress& p) { return bj::serialize(encode_progress(p)); }

result<changefeed_progress> parse_progress(std::string_view text) {
  return parse_text<changefeed_progress>(text, "changefeed progress",
                                         [](const bj::value& v) { return decode_progress(v); });
}

} // namespace cdc::model
