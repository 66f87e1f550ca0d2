// `cdc cli changefeed pause|resume|remove`, as TiCDC's
// cli_changefeed_pause.go, cli_changefeed_resume.go and
// cli_changefeed_remove.go.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>

#include "tools/cdc/cli/session.hpp"
#include "tools/cdc/cli/verbs.hpp"

namespace cdc::cli {

namespace {

/// The flags naming one changefeed, which pause, resume and remove share.
struct target_flags {
  std::string changefeed_id;
  std::string namespace_ = "default";
  const CLI::Option* id_flag = nullptr;

  void add_to(CLI::App& cmd) {
    id_flag = cmd.add_option("-c,--changefeed-id", changefeed_id, "Replication task (changefeed) ID");
    cmd.add_option("-n,--namespace", namespace_, "Replication task (changefeed) Namespace");
  }
  std::string path(std::string_view suffix = "") const {
    return api_path("/api/v2/changefeeds/{}" + std::string(suffix) + "?namespace={}", {changefeed_id, namespace_});
  }
};

struct resume_flags {
  target_flags target;
  std::string overwrite_checkpoint_ts;
  bool no_confirm = false;
};

void pause(const target_flags& f, const global_flags& g) {
  require_flags({f.id_flag});
  auto api = connect(g);
  api.post(f.path("/pause"));
}

/// --overwrite-checkpoint-ts: "now" (any case) or a TSO no later than now.
std::uint64_t overwrite_ts(const std::string& flag, std::uint64_t now) {
  std::string lower;
  for (char c : flag)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "now")
    return now;
  std::uint64_t ts = 0;
  auto [end, ec] = std::from_chars(flag.data(), flag.data() + flag.size(), ts);
  if (ec != std::errc() || end != flag.data() + flag.size() || ts == 0)
    throw cli_error("[CDC:ErrCliInvalidCheckpointTs]invalid overwrite-checkpoint-ts " + flag
                    + ", overwrite-checkpoint-ts only accept 'now' or a valid timestamp in integer");
  if (ts > now)
    throw cli_error("[CDC:ErrCliCheckpointTsIsInFuture]the overwrite-checkpoint-ts " + std::to_string(ts)
                    + " must be smaller than current TSO");
  return ts;
}

void resume(const resume_flags& f, const global_flags& g) {
  require_flags({f.target.id_flag});
  auto api = connect(g);
  auto detail = api.get(f.target.path());
  auto now = query_tso(api, u64_member(detail, "upstream_id"));
  std::uint64_t checkpoint = 0;
  if (!f.overwrite_checkpoint_ts.empty())
    checkpoint = overwrite_ts(f.overwrite_checkpoint_ts, now.ts);

  if (f.overwrite_checkpoint_ts.empty()) {
    confirm_large_data_gap(now, u64_member(detail, "checkpoint_ts"), "resume", f.no_confirm);
  } else if (!f.no_confirm) {
    std::printf("You are overwriting the checkpoint of changefeed(%s) to %llu, which may lead to data loss or data "
                "duplication.\nConfirm that you know what this command will do and use it at your own risk [Y/N]",
                f.target.changefeed_id.c_str(), static_cast<unsigned long long>(checkpoint));
    std::fflush(stdout);
    if (!read_yes()) {
      std::printf("Abort changefeed resume.\n");
      throw cli_aborted{};
    }
  }
  boost::json::value body = boost::json::object{{"overwrite_checkpoint_ts", checkpoint}};
  api.post(f.target.path("/resume"), &body);
}

void remove(const target_flags& f, const global_flags& g) {
  require_flags({f.id_flag});
  auto api = connect(g);
  auto failed = [&](const std::string& why) {
    std::printf("Changefeed remove failed.\nID: %s\nError: %s\n", f.changefeed_id.c_str(), why.c_str());
  };
  boost::json::value detail;
  try {
    detail = api.get(f.path());
  } catch (const cli_error& e) {
    if (std::string_view(e.what()).find("ErrChangeFeedNotExists") != std::string_view::npos) {
      std::printf("Changefeed not found.\nID: %s\n", f.changefeed_id.c_str());
      return;
    }
    failed(e.what());
    throw;
  }
  try {
    api.del(f.path());
  } catch (const cli_error& e) {
    failed(e.what());
    throw;
  }
  // The server answers once the changefeed is gone; TiCDC's cli checks.
  try {
    api.get(f.path());
  } catch (const cli_error& e) {
    if (std::string_view(e.what()).find("ErrChangeFeedNotExists") != std::string_view::npos) {
      std::printf("Changefeed remove successfully.\nID: %s\nCheckpointTs: %llu\nSinkURI: %s\n",
                  f.changefeed_id.c_str(), static_cast<unsigned long long>(u64_member(detail, "checkpoint_ts")),
                  string_member(detail, "sink_uri").c_str());
      return;
    }
    failed(e.what());
    throw;
  }
  std::string why = "[CDC:ErrChangeFeedDeletionUnfinished]changefeed exists after deletion, " + f.changefeed_id;
  failed(why);
  throw cli_error(why);
}

} // namespace

void add_changefeed_pause(CLI::App& changefeed, const global_flags& g) {
  auto f = std::make_shared<target_flags>();
  auto* cmd = changefeed.add_subcommand("pause", "Pause a replication task (changefeed)");
  f->add_to(*cmd);
  cmd->callback([f, &g] { pause(*f, g); });
}

void add_changefeed_resume(CLI::App& changefeed, const global_flags& g) {
  auto f = std::make_shared<resume_flags>();
  auto* cmd = changefeed.add_subcommand("resume", "Resume a paused replication task (changefeed)");
  f->target.add_to(*cmd);
  cmd->add_flag("--no-confirm", f->no_confirm, "Don't ask user whether to ignore ineligible table");
  cmd->add_option("--overwrite-checkpoint-ts", f->overwrite_checkpoint_ts,
                  "Overwrite the changefeed checkpoint ts, should be 'now' or a specified tso value");
  cmd->callback([f, &g] { resume(*f, g); });
}

void add_changefeed_remove(CLI::App& changefeed, const global_flags& g) {
  auto f = std::make_shared<target_flags>();
  auto* cmd = changefeed.add_subcommand("remove", "Remove a replication task (changefeed)");
  f->add_to(*cmd);
  cmd->callback([f, &g] { remove(*f, g); });
}

} // namespace cdc::cli
