// TiCDC's server config file (`cdc server --config=FILE`, TOML): the keys
// of pkg/config/server_config.go, decoded strictly as TiCDC does: a key
// TiCDC does not know stops the server, naming it. Keys TiCDC knows but
// this server has no use for (README, "Server config file") are accepted.
#pragma once

#include <string>

#include "tools/cdc/options.hpp"

namespace cdc::tool {

/// Sets `f`'s options from the file at `path`; false, with `error` for the
/// user, when it cannot be read, is not TOML, has an unknown key or a value
/// of the wrong type or range.
bool apply_config_file(const std::string& path, server_flags& f, std::string& error);

} // namespace cdc::tool
