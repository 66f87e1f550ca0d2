// The verbs of `cdc cli`, one group per file, as TiCDC's pkg/cmd/cli: each
// adds its subcommands, flags and what they do to its group.
#pragma once

namespace CLI {
class App;
} // namespace CLI

namespace cdc::cli {

struct global_flags;

void add_changefeed_create(CLI::App& changefeed, const global_flags& g);
void add_changefeed_update(CLI::App& changefeed, const global_flags& g);
void add_changefeed_list(CLI::App& changefeed, const global_flags& g);
void add_changefeed_query(CLI::App& changefeed, const global_flags& g);
void add_changefeed_pause(CLI::App& changefeed, const global_flags& g);
void add_changefeed_resume(CLI::App& changefeed, const global_flags& g);
void add_changefeed_remove(CLI::App& changefeed, const global_flags& g);

/// capture list; processor list|query; tso query.
void add_capture_verbs(CLI::App& cli, const global_flags& g);
void add_processor_verbs(CLI::App& cli, const global_flags& g);
void add_tso_verbs(CLI::App& cli, const global_flags& g);

/// unsafe show-metadata|delete-service-gc-safepoint|resolve-lock.
void add_unsafe_verbs(CLI::App& cli, const global_flags& g);

} // namespace cdc::cli
