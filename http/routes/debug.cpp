// GET /debug/info: this node's view of the cluster as text, in the
// sections TiCDC's prints (cdc/capture WriteDebugInfo): the owner's
// changefeeds and captures when this node owns, then the processors this
// capture runs with their tables. Read from what the cluster publishes, so
// it answers without an actor hop even while the cluster is busy. TiCDC's
// third section, a dump of its etcd keys, is left out: the meta store's
// records are the changefeeds already shown.
#include <string>

#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/changefeed/state.hpp"

namespace cdc::http {

namespace {

void write_tables(std::string& out, const std::vector<std::int64_t>& tables) {
  out += '[';
  for (std::size_t i = 0; i < tables.size(); ++i)
    out += (i == 0 ? "" : ", ") + std::to_string(tables[i]);
  out += ']';
}

/// The owner's part: every changefeed with its state, progress and tables
/// per capture, then the captures.
void write_owner(std::string& out, const std::vector<std::shared_ptr<const actors::feed_snapshot>>& feeds,
                 model::tso_t resolved, const actors::capture_directory& captures) {
  out += "\n\n*** owner info ***:\n\n** active changefeeds **:\n";
  for (const auto& snap : feeds) {
    auto v = snap->view_at(resolved);
    out += v.info->key.display() + " state=" + std::string(model::to_string(v.info->state))
           + " checkpoint_ts=" + std::to_string(v.progress.checkpoint_ts)
           + " resolved_ts=" + std::to_string(v.progress.resolved_ts) + "\n";
    if (!v.holds_tables || !v.task_status)
      continue;
    for (const auto& task : *v.task_status) {
      out += "  capture " + task.capture_id + " tables ";
      write_tables(out, task.table_ids);
      out += "\n";
    }
  }
  out += "** captures **:\n";
  if (auto list = captures.current())
    for (const auto& c : *list)
      out += "id=" + c.id + " address=" + c.address + " is_owner=" + (c.is_owner ? "true" : "false") + "\n";
}

/// This capture's processors: the feeds that placed tables here, with
/// TiCDC's per-table line (the feed's progress stands for each table's).
void write_processors(std::string& out, const std::vector<std::shared_ptr<const actors::feed_snapshot>>& feeds,
                      model::tso_t resolved, const std::string& capture_id) {
  out += "\n\n*** processors info ***:\n\n";
  for (const auto& snap : feeds) {
    auto v = snap->view_at(resolved);
    if (!v.holds_tables || !v.task_status)
      continue;
    for (const auto& task : *v.task_status) {
      if (task.capture_id != capture_id)
        continue;
      out += "changefeedID: " + v.info->key.display() + "\n";
      for (auto table : task.table_ids)
        out += "tableID: " + std::to_string(table) + ", resolvedTs: " + std::to_string(v.progress.resolved_ts)
               + ", checkpointTs: " + std::to_string(v.progress.checkpoint_ts) + ", state: Replicating\n";
      out += "\n";
    }
  }
}

void debug_info(request_context& rc, const reply& rep) {
  auto feeds = rc.api->directory->all();
  auto resolved = rc.api->directory->resolved();
  std::string out;
  if (rc.node->owns())
    write_owner(out, feeds, resolved, *rc.api->captures);
  write_processors(out, feeds, resolved, rc.node->capture_id());
  rep.send_text(200, std::move(out));
}

} // namespace

void set_debug_routes(router& r) { r.add(boost::beast::http::verb::get, "/debug/info", debug_info); }

} // namespace cdc::http
