// `cdc cli changefeed update`, as TiCDC's cli_changefeed_update.go: the
// changefeed's own config with the flags given applied, the difference
// shown and confirmed, then PUT. The server refuses a changefeed that is
// not stopped, with TiCDC's error.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "tools/cdc/cli/changefeed_flags.hpp"
#include "tools/cdc/cli/config_file.hpp"
#include "tools/cdc/cli/go_json.hpp"
#include "tools/cdc/cli/session.hpp"
#include "tools/cdc/cli/verbs.hpp"

namespace cdc::cli {

namespace {

/// One line per changed leaf, as TiCDC lists its diff's changes:
/// {Type:update Path:[config sink protocol] From:"a" To:"b"}.
void diff(const boost::json::value& from, const boost::json::value& to, std::vector<std::string>& path,
          std::vector<std::string>& out) {
  if (from.is_object() && to.is_object()) {
    for (const auto& kv : to.as_object()) {
      path.emplace_back(kv.key());
      const auto* old = from.as_object().if_contains(kv.key());
      diff(old != nullptr ? *old : boost::json::value(), kv.value(), path, out);
      path.pop_back();
    }
    for (const auto& kv : from.as_object()) {
      if (to.as_object().contains(kv.key()))
        continue;
      path.emplace_back(kv.key());
      diff(kv.value(), boost::json::value(), path, out);
      path.pop_back();
    }
    return;
  }
  if (from == to)
    return;
  std::string type = from.is_null() ? "create" : to.is_null() ? "delete" : "update";
  std::string joined;
  for (const auto& p : path)
    joined += (joined.empty() ? "" : " ") + p;
  out.push_back("{Type:" + type + " Path:[" + joined + "] From:" + boost::json::serialize(from)
                + " To:" + boost::json::serialize(to) + "}");
}

void update(const changefeed_common_flags& f, const global_flags& g) {
  require_flags({f.id_flag});
  auto api = connect(g);
  auto target = api_path("/api/v2/changefeeds/{}?namespace={}", {f.changefeed_id, f.namespace_});
  auto old_info = api.get(target);

  // What can change: the sink URI (shown masked, so "" keeps it), the
  // target ts and the replica config.
  boost::json::object old_view{{"sink_uri", ""},
                               {"target_ts", u64_member(old_info, "target_ts")},
                               {"config", member(old_info, "config")}};
  boost::json::object new_view = old_view;
  if (f.target_flag->count() > 0)
    new_view["target_ts"] = f.target_ts;
  if (f.sink_flag->count() > 0)
    new_view["sink_uri"] = f.sink_uri;
  if (f.config_flag->count() > 0)
    new_view["config"] = apply_config_file(f.config_file, new_view["config"]);
  if (f.registry_flag->count() > 0 && new_view["config"].is_object()) {
    auto& sink = new_view["config"].as_object()["sink"];
    if (!sink.is_object())
      sink = boost::json::object{};
    sink.as_object()["schema_registry"] = f.schema_registry;
  }

  std::vector<std::string> path;
  std::vector<std::string> changes;
  diff(old_view, new_view, path, changes);
  if (changes.empty()) {
    std::printf("changefeed config is the same with the old one, do nothing\n");
    return;
  }
  std::printf("Diff of changefeed config:\n");
  for (const auto& c : changes)
    std::printf("%s\n", c.c_str());
  if (!f.no_confirm) {
    std::printf("Could you agree to apply changes above to changefeed [Y/N]\n");
    if (!read_yes()) {
      std::printf("No update to changefeed.\n");
      return;
    }
  }

  boost::json::value body = boost::json::object{
    {"target_ts", new_view["target_ts"]}, {"sink_uri", new_view["sink_uri"]}, {"replica_config", new_view["config"]}};
  auto info = api.put(target, body);
  std::printf("Update changefeed config successfully! \nID: %s\nInfo: %s\n", f.changefeed_id.c_str(),
              go_compact(info).c_str());
}

} // namespace

void add_changefeed_update(CLI::App& changefeed, const global_flags& g) {
  auto f = std::make_shared<changefeed_common_flags>();
  auto* cmd = changefeed.add_subcommand("update", "Update config of an existing replication task (changefeed)");
  f->add_to(*cmd, "apply the changes");
  cmd->callback([f, &g] { update(*f, g); });
}

} // namespace cdc::cli
