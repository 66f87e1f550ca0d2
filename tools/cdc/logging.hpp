// The server's log: stderr, or TiCDC's log-file rotated by size with
// [log.file] max-size (MB), max-backups and max-days.
#pragma once

#include <string>

#include "tools/cdc/options.hpp"

namespace cdc::tool {

/// Makes the "cdc" logger the default one; false, with `error` for the
/// user, when the level is unknown or the file cannot be opened.
bool setup_logging(const server_flags& f, std::string& error);

} // namespace cdc::tool
