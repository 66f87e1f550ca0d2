// `cdc cli changefeed create`, as TiCDC's cli_changefeed_create.go: the
// replica config from the defaults and --config, the start from the
// server's TSO, a look at the tables it would replicate, then the create.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>

#include "tools/cdc/cli/changefeed_flags.hpp"
#include "tools/cdc/cli/config_file.hpp"
#include "tools/cdc/cli/go_json.hpp"
#include "tools/cdc/cli/session.hpp"
#include "tools/cdc/cli/verbs.hpp"

namespace cdc::cli {

namespace {

struct create_flags {
  changefeed_common_flags common;
  std::uint64_t start_ts = 0;
  bool disable_gc_check = false;
};

/// Go's %#v of []v2.TableName, as TiCDC prints ineligible tables.
std::string go_table_names(const boost::json::value& tables) {
  std::string out = "[]v2.TableName{";
  if (tables.is_array()) {
    bool first = true;
    for (const auto& t : tables.as_array()) {
      out += first ? "" : ", ";
      first = false;
      const auto& id = member(t, "table_id");
      const auto& partition = member(t, "is_partition");
      out += "v2.TableName{Schema:\"" + string_member(t, "database_name") + "\", Table:\""
             + string_member(t, "table_name") + "\", TableID:" + (id.is_int64() ? std::to_string(id.as_int64()) : "0")
             + ", IsPartition:" + (partition.is_bool() && partition.as_bool() ? "true" : "false") + "}";
    }
  }
  return out + "}";
}

/// TiCDC's prompt for tables without a primary or not-null unique key:
/// whether to go on without them.
bool ignore_ineligible(const boost::json::value& ineligible, bool force_replicate, bool no_confirm) {
  if (force_replicate) {
    std::printf("[WARN] Force to replicate some ineligible tables, these tables do not have a primary key or a "
                "not-null unique key: %s\n[WARN] This may cause data redundancy, please refer to the official "
                "documentation for details.\n",
                go_table_names(ineligible).c_str());
    return no_confirm;
  }
  std::printf("[WARN] Some tables are not eligible to replicate, because they do not have a primary key or a "
              "not-null unique key: %s\n",
              go_table_names(ineligible).c_str());
  if (no_confirm)
    return true;
  std::printf("Could you agree to ignore those tables, and continue to replicate [Y/N]\nNote: If you don't want to "
              "ignore those tables, please set `force-replicate to` true in the changefeed config file.\n");
  if (!read_yes()) {
    std::printf("No changefeed is created because you don't want to ignore some tables.\n");
    throw cli_aborted{};
  }
  return true;
}

void create(const create_flags& f, const global_flags& g) {
  const auto& c = f.common;
  auto config = c.config_file.empty() ? default_config() : apply_config_file(c.config_file, default_config());
  auto& cfg = config.as_object();
  if (!c.schema_registry.empty()) {
    auto& sink = cfg["sink"];
    if (!sink.is_object())
      sink = boost::json::object{};
    sink.as_object()["schema_registry"] = c.schema_registry;
  }
  if (f.disable_gc_check)
    cfg["check_gc_safe_point"] = false;

  auto api = connect(g);
  auto now = query_tso(api);
  auto start_ts = f.start_ts != 0 ? f.start_ts : now.ts;
  confirm_large_data_gap(now, start_ts, "create", c.no_confirm);

  boost::json::value verify = boost::json::object{
    {"replica_config", config}, {"start_ts", start_ts}, {"sink_uri", c.sink_uri}};
  auto tables = api.post("/api/v2/verify_table", &verify);
  bool ignore = c.no_confirm;
  if (const auto& ineligible = member(tables, "ineligible_tables");
      ineligible.is_array() && !ineligible.as_array().empty()) {
    const auto& force = member(config, "force_replicate");
    ignore = ignore_ineligible(ineligible, force.is_bool() && force.as_bool(), c.no_confirm);
  }
  cfg["ignore_ineligible_table"] = ignore;

  boost::json::value body = boost::json::object{
    {"namespace", c.namespace_}, {"changefeed_id", c.changefeed_id}, {"start_ts", start_ts},
    {"target_ts", c.target_ts},  {"sink_uri", c.sink_uri},           {"replica_config", config}};
  auto info = api.post("/api/v2/changefeeds", &body);
  std::printf("Create changefeed successfully!\nID: %s\nInfo: %s\n", string_member(info, "id").c_str(),
              go_compact(info).c_str());
}

} // namespace

void add_changefeed_create(CLI::App& changefeed, const global_flags& g) {
  auto f = std::make_shared<create_flags>();
  auto* cmd = changefeed.add_subcommand("create", "Create a new replication task (changefeed)");
  f->common.add_to(*cmd, "ignore ineligible table");
  cmd->add_option("--start-ts", f->start_ts, "Start ts of changefeed");
  cmd->add_flag("--disable-gc-check", f->disable_gc_check, "Disable GC safe point check");
  cmd->callback([f, &g] { create(*f, g); });
}

} // namespace cdc::cli
