// `--config=FILE` of changefeed create and update: TiCDC's replica-config
// TOML read onto a base config (the defaults, or the changefeed's own).
#pragma once

#include <string>

#include <boost/json/value.hpp>

namespace cdc::cli {

/// The API-form replica_config JSON of `base` with the file's keys applied;
/// throws cli_error with TiCDC's message for a missing file, TOML that does
/// not parse, a value of the wrong type or an unknown key.
boost::json::value apply_config_file(const std::string& file, const boost::json::value& base);

/// TiCDC's default replica config, API form.
boost::json::value default_config();

} // namespace cdc::cli
