#include "model/changefeed/views_v1.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace cdc::model {

namespace {

boost::json::array ids_of(const std::vector<std::int64_t>& ids) {
  boost::json::array out;
  out.reserve(ids.size());
  for (auto id : ids)
    out.emplace_back(id);
  return out;
}

} // namespace

boost::json::value v1_detail(const changefeed_detail& x) {
  boost::json::object obj;
  obj.reserve(16);
  obj.emplace("upstream_id", x.upstream_id);
  obj.emplace("namespace", x.namespace_);
  obj.emplace("id", x.id);
  obj.emplace("sink_uri", x.sink_uri);
  obj.emplace("create_time", format_tso_time(time_to_tso(x.create_time)));
  obj.emplace("start_ts", x.start_ts);
  obj.emplace("resolved_ts", x.resolved_ts);
  obj.emplace("target_ts", x.target_ts);
  obj.emplace("checkpoint_tso", x.checkpoint_ts);
  obj.emplace("checkpoint_time", format_tso_time(x.checkpoint_ts));
  obj.emplace("state", to_string(x.state));
  if (x.error && x.state != feed_state::normal)
    boost::json::value_from(*x.error, obj["error"]);
  else
    obj.emplace("error", nullptr);
  obj.emplace("error_history", nullptr);
  obj.emplace("creator_version", x.creator_version);
  if (x.task_status && !x.task_status->empty()) {
    auto& arr = obj["task_status"].emplace_array();
    for (const auto& t : *x.task_status)
      arr.emplace_back(boost::json::object{
        {"capture_id", t.capture_id}, {"table_ids", ids_of(t.table_ids)}, {"table_operations", nullptr}});
  }
  return obj;
}

boost::json::value v1_processor(const processor_detail& tables, tso_t checkpoint_ts, tso_t resolved_ts) {
  return boost::json::object{{"checkpoint_ts", checkpoint_ts},
                             {"resolved_ts", resolved_ts},
                             {"table_ids", ids_of(tables.table_ids)},
                             {"count", 0},
                             {"error", nullptr}};
}

} // namespace cdc::model
