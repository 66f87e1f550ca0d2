#include "model/changefeed/views.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "model/json/text.hpp"

namespace cdc::model {

namespace {

void put_error(boost::json::value& slot, const std::optional<running_error>& err, bool with_time) {
  if (!err) {
    slot = nullptr;
    return;
  }
  auto& obj = slot.emplace_object();
  obj.reserve(4);
  if (with_time && err->time)
    obj.emplace("time", format_rfc3339(*err->time));
  obj.emplace("addr", err->addr);
  obj.emplace("code", err->code);
  obj.emplace("message", err->message);
}

void put_ids(boost::json::value& slot, const std::vector<std::int64_t>& ids) {
  auto& arr = slot.emplace_array();
  arr.reserve(ids.size());
  for (auto id : ids)
    arr.emplace_back(id);
}

} // namespace

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const running_error& x) {
  put_error(jv, x, true);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const capture_task_status& x) {
  auto& obj = jv.emplace_object();
  obj.emplace("capture_id", x.capture_id);
  put_ids(obj["table_ids"], x.table_ids);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const changefeed_detail& x) {
  auto& obj = jv.emplace_object();
  obj.reserve(16);
  obj.emplace("upstream_id", x.upstream_id);
  obj.emplace("namespace", x.namespace_);
  obj.emplace("id", x.id);
  obj.emplace("sink_uri", x.sink_uri);
  obj.emplace("create_time", format_rfc3339(x.create_time));
  obj.emplace("start_ts", x.start_ts);
  obj.emplace("target_ts", x.target_ts);
  obj.emplace("admin_job_type", static_cast<int>(x.admin_job_type));
  if (x.config)
    boost::json::value_from(*x.config, obj["config"]);
  obj.emplace("state", to_string(x.state));
  put_error(obj["error"], x.error, false);
  obj.emplace("creator_version", x.creator_version);
  obj.emplace("resolved_ts", x.resolved_ts);
  obj.emplace("checkpoint_ts", x.checkpoint_ts);
  obj.emplace("checkpoint_time", format_tso_time(x.checkpoint_ts));
  if (x.task_status) {
    auto& arr = obj["task_status"].emplace_array();
    arr.reserve(x.task_status->size());
    for (const auto& t : *x.task_status)
      boost::json::value_from(t, arr.emplace_back(nullptr));
  }
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const changefeed_list_item& x) {
  auto& obj = jv.emplace_object();
  obj.reserve(7);
  obj.emplace("upstream_id", x.upstream_id);
  obj.emplace("namespace", x.namespace_);
  obj.emplace("id", x.id);
  obj.emplace("state", to_string(x.state));
  obj.emplace("checkpoint_tso", x.checkpoint_tso);
  obj.emplace("checkpoint_time", format_tso_time(x.checkpoint_tso));
  put_error(obj["error"], x.error, true);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const processor_item& x) {
  jv = boost::json::object{
    {"namespace", x.namespace_},
    {"changefeed_id", x.changefeed_id},
    {"capture_id", x.capture_id},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const processor_detail& x) {
  auto& obj = jv.emplace_object();
  put_ids(obj["table_ids"], x.table_ids);
}

std::string processor_list_text(const std::vector<processor_item>& items) {
  std::string out;
  out.reserve(32 + items.size() * 120);
  out += "{\"total\":";
  out += std::to_string(items.size());
  out += ",\"items\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& x = items[i];
    out += i ? ",{\"namespace\":" : "{\"namespace\":";
    json::append_quoted(out, x.namespace_);
    out += ",\"changefeed_id\":";
    json::append_quoted(out, x.changefeed_id);
    out += ",\"capture_id\":";
    json::append_quoted(out, x.capture_id);
    out += '}';
  }
  out += "]}";
  return out;
}

} // namespace cdc::model
