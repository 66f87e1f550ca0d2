// `cdc cli`: TiCDC's command-line client, over the server's HTTP API.
#pragma once

#include <string>
#include <vector>

namespace cdc::cli {

/// Runs `cdc cli <args>`; returns the exit status (1 after printing
/// "Error: ..." on stderr, as TiCDC's cli).
int run(const std::vector<std::string>& args);

} // namespace cdc::cli
