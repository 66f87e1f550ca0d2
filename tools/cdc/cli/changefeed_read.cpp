// `cdc cli changefeed list|query`, as TiCDC's cli_changefeed_list.go and
// cli_changefeed_query.go: the API's answers reshaped into the cli's own
// JSON (its keys and order, its time formats).
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "model/tso.hpp"
#include "tools/cdc/cli/session.hpp"
#include "tools/cdc/cli/verbs.hpp"

namespace cdc::cli {

namespace {

struct list_flags {
  std::string namespace_ = "default";
  bool all = false;
};

struct query_flags {
  std::string changefeed_id;
  std::string namespace_ = "default";
  bool simple = false;
  const CLI::Option* id_flag = nullptr;
};

/// Every changefeed of the namespace, whatever its state.
boost::json::array list_all(api_client& api, const std::string& ns) {
  auto list = api.get(api_path("/api/v2/changefeeds?namespace={}&state=all", {ns}));
  const auto& items = member(list, "items");
  return items.is_array() ? items.as_array() : boost::json::array{};
}

void list(const list_flags& f, const global_flags& g) {
  auto api = connect(g);
  boost::json::array out;
  for (const auto& cf : list_all(api, f.namespace_)) {
    auto state = string_member(cf, "state");
    if (!f.all && (state == "finished" || state == "removed"))
      continue;
    // TiCDC's ChangefeedResp drops the error of a normal changefeed.
    boost::json::value error = state == "normal" ? boost::json::value() : member(cf, "error");
    out.push_back(boost::json::object{
      {"id", member(cf, "id")},
      {"namespace", member(cf, "namespace")},
      {"summary", boost::json::object{{"state", state},
                                      {"tso", member(cf, "checkpoint_tso")},
                                      {"checkpoint", member(cf, "checkpoint_time")},
                                      {"error", error}}}});
  }
  print_json(out);
}

/// The API's create_time (RFC 3339) as TiCDC's JSONTime prints it:
/// "2006-01-02 15:04:05.000" in local time; the text itself when it is
/// not RFC 3339.
std::string json_time(const std::string& rfc3339) {
  std::tm tm{};
  int year, month, day, hour, minute, second;
  char rest[64] = {};
  if (std::sscanf(rfc3339.c_str(), "%d-%d-%dT%d:%d:%d%63s", &year, &month, &day, &hour, &minute, &second, rest) < 6)
    return rfc3339;
  std::string_view tail = rest;
  long long nanos = 0;
  if (tail.starts_with('.')) {
    tail.remove_prefix(1);
    int digits = 0;
    while (!tail.empty() && std::isdigit(static_cast<unsigned char>(tail.front()))) {
      if (digits++ < 9)
        nanos = nanos * 10 + (tail.front() - '0');
      tail.remove_prefix(1);
    }
    for (; digits < 9; ++digits)
      nanos *= 10;
  }
  long offset_s = 0;
  if (!tail.empty() && (tail.front() == '+' || tail.front() == '-')) {
    int oh = 0, om = 0;
    if (std::sscanf(std::string(tail.substr(1)).c_str(), "%d:%d", &oh, &om) == 2)
      offset_s = (tail.front() == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  auto utc = std::chrono::system_clock::from_time_t(timegm(&tm)) - std::chrono::seconds(offset_s)
             + std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(nanos));
  return model::format_tso_time(model::time_to_tso(utc));
}

void query(const query_flags& f, const global_flags& g) {
  require_flags({f.id_flag});
  auto api = connect(g);
  if (f.simple) {
    for (const auto& cf : list_all(api, f.namespace_))
      if (string_member(cf, "id") == f.changefeed_id) {
        print_json(cf);
        return;
      }
    throw cli_error("[CDC:ErrChangeFeedNotExists]changefeed not exists, " + f.changefeed_id);
  }
  auto d = api.get(api_path("/api/v2/changefeeds/{}?namespace={}", {f.changefeed_id, f.namespace_}));
  boost::json::object meta{{"upstream_id", u64_member(d, "upstream_id")},
                           {"namespace", string_member(d, "namespace")},
                           {"id", string_member(d, "id")},
                           {"sink_uri", string_member(d, "sink_uri")},
                           {"config", member(d, "config")},
                           {"create_time", json_time(string_member(d, "create_time"))},
                           {"start_ts", u64_member(d, "start_ts")},
                           {"resolved_ts", u64_member(d, "resolved_ts")},
                           {"target_ts", u64_member(d, "target_ts")},
                           {"checkpoint_tso", u64_member(d, "checkpoint_ts")},
                           {"checkpoint_time", string_member(d, "checkpoint_time")},
                           {"state", string_member(d, "state")}};
  if (const auto& error = member(d, "error"); !error.is_null())
    meta["error"] = error;
  meta["creator_version"] = string_member(d, "creator_version");
  if (const auto& tasks = member(d, "task_status"); tasks.is_array() && !tasks.as_array().empty())
    meta["task_status"] = tasks;
  print_json(meta);
}

} // namespace

void add_changefeed_list(CLI::App& changefeed, const global_flags& g) {
  auto f = std::make_shared<list_flags>();
  auto* cmd = changefeed.add_subcommand("list", "List all replication tasks (changefeeds) in TiCDC cluster");
  cmd->add_option("-n,--namespace", f->namespace_, "Replication task (changefeed) Namespace");
  cmd->add_flag("-a,--all", f->all, "List all replication tasks(including removed and finished)");
  cmd->callback([f, &g] { list(*f, g); });
}

void add_changefeed_query(CLI::App& changefeed, const global_flags& g) {
  auto f = std::make_shared<query_flags>();
  auto* cmd = changefeed.add_subcommand("query", "Query information and status of a replication task (changefeed)");
  f->id_flag = cmd->add_option("-c,--changefeed-id", f->changefeed_id, "Replication task (changefeed) ID");
  cmd->add_option("-n,--namespace", f->namespace_, "Replication task (changefeed) Namespace");
  cmd->add_flag("-s,--simple", f->simple, "Output simplified replication status");
  cmd->callback([f, &g] { query(*f, g); });
}

} // namespace cdc::cli
