#include "actors/published/processor_reads.hpp"

#include <algorithm>

namespace cdc::actors {

using model::api_error;

std::vector<model::processor_item> processor_list(const feed_directory& feeds) {
  std::vector<model::processor_item> out;
  for (const auto& snap : feeds.all()) {
    const auto& v = snap->view();
    if (!v.holds_tables || !v.task_status)
      continue;
    for (const auto& t : *v.task_status)
      out.push_back({v.info->key.namespace_, v.info->key.id, t.capture_id});
  }
  return out;
}

model::result<model::processor_detail> processor_of(const feed_directory& feeds,
                                                    const capture_directory::captures& captures,
                                                    const model::changefeed_key& key, const std::string& capture_id) {
  auto snap = feeds.find(key);
  if (!snap)
    return model::fail(api_error::changefeed_not_exists, {key.display()});
  const auto& v = snap->view();
  // A feed that stopped (by an admin or by itself) has no processors; TiCDC
  // names its state.
  if (!v.holds_tables && snap->state() != model::feed_state::normal)
    return model::fail_with(api_error::api_invalid_param,
                            "invalid api parameter: changefeed in abnormal state: "
                              + std::string(model::to_string(snap->state()))
                              + ", can't get processor of an abnormal changefeed");
  if (std::none_of(captures.begin(), captures.end(), [&](const auto& c) { return c.id == capture_id; }))
    return model::fail(api_error::capture_not_exist, {capture_id});
  model::processor_detail d;
  if (v.holds_tables && v.task_status)
    for (const auto& t : *v.task_status)
      if (t.capture_id == capture_id)
        d.table_ids = t.table_ids;
  return d;
}

} // namespace cdc::actors
