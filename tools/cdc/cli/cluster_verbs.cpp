// `cdc cli capture list`, `processor list|query` and `tso query`, as TiCDC's
// cli_capture_list.go, cli_processor_*.go and cli_tso_query.go (which asks
// PD; this one asks the server's POST /api/v2/tso).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "tools/cdc/cli/session.hpp"
#include "tools/cdc/cli/verbs.hpp"

namespace cdc::cli {

namespace {

struct processor_query_flags {
  std::string changefeed_id;
  std::string capture_id;
  std::string namespace_ = "default";
  const CLI::Option* id_flag = nullptr;
  const CLI::Option* capture_flag = nullptr;
};

boost::json::array items(const boost::json::value& list) {
  const auto& i = member(list, "items");
  return i.is_array() ? i.as_array() : boost::json::array{};
}

void capture_list(const global_flags& g) {
  auto api = connect(g);
  boost::json::array out;
  for (const auto& c : items(api.get("/api/v2/captures")))
    out.push_back(boost::json::object{{"id", member(c, "id")},
                                      {"is-owner", member(c, "is_owner")},
                                      {"address", member(c, "address")},
                                      {"cluster-id", member(c, "cluster_id")}});
  print_json(out);
}

void processor_list(const global_flags& g) {
  auto api = connect(g);
  print_json(items(api.get("/api/v2/processors")));
}

void processor_query(const processor_query_flags& f, const global_flags& g) {
  require_flags({f.id_flag, f.capture_flag});
  auto api = connect(g);
  auto detail = api.get(api_path("/api/v2/processors/{}/{}?namespace={}", {f.changefeed_id, f.capture_id, f.namespace_}));
  // TiCDC prints a TaskStatus whose table map Go writes with its keys sorted
  // as text.
  std::vector<std::string> ids;
  if (const auto& t = member(detail, "table_ids"); t.is_array())
    for (const auto& id : t.as_array())
      if (id.is_int64())
        ids.push_back(std::to_string(id.as_int64()));
  std::sort(ids.begin(), ids.end());
  boost::json::object tables;
  for (const auto& id : ids)
    tables[id] = boost::json::object{{"start-ts", 0}};
  print_json(boost::json::object{
    {"status", boost::json::object{{"tables", tables}, {"operation", nullptr}, {"admin-job-type", 0}}},
    {"position", nullptr}});
}

void tso_query(const global_flags& g) {
  auto api = connect(g);
  std::printf("%llu\n", static_cast<unsigned long long>(query_tso(api).ts));
}

} // namespace

void add_capture_verbs(CLI::App& cli, const global_flags& g) {
  auto* group = cli.add_subcommand("capture", "Manage capture (capture is a CDC server instance)");
  help_when_no_verb(*group);
  group->add_subcommand("list", "List all captures in TiCDC cluster")->callback([&g] { capture_list(g); });
}

void add_processor_verbs(CLI::App& cli, const global_flags& g) {
  auto* group = cli.add_subcommand("processor", "Manage processor (processor is a sub replication task running on a "
                                                "specified capture)");
  help_when_no_verb(*group);
  group->add_subcommand("list", "List all processors in TiCDC cluster")->callback([&g] { processor_list(g); });
  auto f = std::make_shared<processor_query_flags>();
  auto* query = group->add_subcommand("query", "Query information and status of a sub replication task (processor)");
  f->id_flag = query->add_option("-c,--changefeed-id", f->changefeed_id, "Replication task (changefeed) ID");
  f->capture_flag = query->add_option("-p,--capture-id", f->capture_id, "capture ID");
  query->add_option("-n,--namespace", f->namespace_, "Replication task (changefeed) Namespace");
  query->callback([f, &g] { processor_query(*f, g); });
}

void add_tso_verbs(CLI::App& cli, const global_flags& g) {
  auto* group = cli.add_subcommand("tso", "Manage tso");
  help_when_no_verb(*group);
  group->add_subcommand("query", "Get tso from PD")->callback([&g] { tso_query(g); });
}

} // namespace cdc::cli
