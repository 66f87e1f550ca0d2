// `cdc cli unsafe show-metadata|delete-service-gc-safepoint|resolve-lock`,
// as TiCDC's cli_unsafe_*.go. (Its `unsafe reset` deletes the metadata in
// etcd through --pd, which this cli does not reach.)
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>

#include "model/tso.hpp"
#include "tools/cdc/cli/session.hpp"
#include "tools/cdc/cli/verbs.hpp"

namespace cdc::cli {

namespace {

struct resolve_lock_flags {
  std::uint64_t region = 0;
  std::uint64_t ts = 0;
  const CLI::Option* region_flag = nullptr;
};

void show_metadata(const global_flags& g) {
  auto api = connect(g);
  auto kvs = api.get("/api/v2/unsafe/metadata");
  std::size_t n = 0;
  if (kvs.is_array())
    for (const auto& kv : kvs.as_array()) {
      std::printf("Key: %s, Value: %s\n", string_member(kv, "key").c_str(), string_member(kv, "value").c_str());
      ++n;
    }
  std::printf("Show %zu KVs\n", n);
}

void delete_service_gc_safepoint(bool no_confirm, const global_flags& g) {
  if (!no_confirm) {
    std::printf("Confirm that you know what this command will do and use it at your own risk [Y/N]\n");
    if (!read_yes())
      throw cli_error("abort meta command");
  }
  auto api = connect(g);
  boost::json::value body = boost::json::object{{"id", 0}};
  api.del("/api/v2/unsafe/service_gc_safepoint", &body);
  std::printf("CDC service GC safepoint truncated in PD!\n");
}

void resolve_lock(const resolve_lock_flags& f, const global_flags& g) {
  require_flags({f.region_flag});
  auto api = connect(g);
  auto ts = f.ts;
  if (ts == 0) {
    // TiCDC's default: locks older than a minute ago.
    auto now = query_tso(api);
    ts = model::compose_tso(now.physical_ms - 60 * 1000, 0);
  }
  boost::json::value body = boost::json::object{{"region_id", f.region}, {"ts", ts}};
  api.post("/api/v2/unsafe/resolve_lock", &body);
}

} // namespace

void add_unsafe_verbs(CLI::App& cli, const global_flags& g) {
  auto* group = cli.add_subcommand("unsafe", "Unsafe commands: they change TiCDC's and PD's state directly");
  help_when_no_verb(*group);
  auto no_confirm = std::make_shared<bool>(false);
  group->add_flag("--no-confirm", *no_confirm, "Don't ask user whether to confirm executing meta command");
  group->add_subcommand("show-metadata", "Show metadata stored in PD")->callback([&g] { show_metadata(g); });
  group
    ->add_subcommand("delete-service-gc-safepoint",
                     "Delete CDC service GC safepoint in PD, confirm that you know what this command will do and "
                     "use it at your own risk")
    ->callback([no_confirm, &g] { delete_service_gc_safepoint(*no_confirm, g); });
  auto f = std::make_shared<resolve_lock_flags>();
  auto* resolve = group->add_subcommand("resolve-lock", "resolve locks in regions");
  f->region_flag = resolve->add_option("--region", f->region, "Region ID");
  resolve->add_option("--ts", f->ts, "resolve locks before the timestamp, default 1 minute ago from now");
  resolve->callback([f, &g] { resolve_lock(*f, g); });
}

} // namespace cdc::cli
