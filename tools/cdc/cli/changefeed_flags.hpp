// The flags changefeed create and update share, as TiCDC's
// changefeedCommonOptions: which changefeed, its sink, target and config.
#pragma once

#include <cstdint>
#include <string>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace cdc::cli {

struct changefeed_common_flags {
  std::string changefeed_id;
  std::string namespace_ = "default";
  std::string sink_uri;
  std::string config_file;
  std::string schema_registry;
  std::uint64_t target_ts = 0;
  bool no_confirm = false;
  /// Whether each was given: update changes only what the user named.
  const CLI::Option* id_flag = nullptr;
  const CLI::Option* sink_flag = nullptr;
  const CLI::Option* config_flag = nullptr;
  const CLI::Option* registry_flag = nullptr;
  const CLI::Option* target_flag = nullptr;

  /// -c/--changefeed-id, -n/--namespace, --sink-uri, --config, --target-ts,
  /// --schema-registry and --no-confirm (whose question `no_confirm_what` names).
  void add_to(CLI::App& cmd, const std::string& no_confirm_what);
};

} // namespace cdc::cli
