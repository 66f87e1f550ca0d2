// The flags create and update share; see changefeed_flags.hpp.
#include "tools/cdc/cli/changefeed_flags.hpp"

#include <CLI/CLI.hpp>

namespace cdc::cli {

void changefeed_common_flags::add_to(CLI::App& cmd, const std::string& no_confirm_what) {
  id_flag = cmd.add_option("-c,--changefeed-id", changefeed_id, "Replication task (changefeed) ID");
  cmd.add_option("-n,--namespace", namespace_, "Replication task (changefeed) Namespace");
  sink_flag = cmd.add_option("--sink-uri", sink_uri, "sink uri");
  config_flag = cmd.add_option("--config", config_file, "Path of the configuration file");
  target_flag = cmd.add_option("--target-ts", target_ts, "Target ts of changefeed");
  registry_flag = cmd.add_option("--schema-registry", schema_registry, "Avro Schema Registry URI");
  cmd.add_flag("--no-confirm", no_confirm, "Don't ask user whether to " + no_confirm_what);
}

} // namespace cdc::cli
