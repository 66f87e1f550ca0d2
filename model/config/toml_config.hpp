// A changefeed's replica config from TiCDC's TOML file (`cdc cli changefeed
// create|update --config=FILE`): the kebab-case keys of TiCDC's
// pkg/config (its toml tags) read onto an API-form replica_config.
//
// TiCDC decodes that file strictly: a key no field takes is an error naming
// it. Keys map to the API's as internal_keys.hpp's api_key says.
#pragma once

#include <string_view>

#include "model/config/replica_config.hpp"
#include "model/result.hpp"

namespace cdc::model::config {

/// Reads the TOML `text` (from `file_name`, for messages) onto `base`.
/// Failures (invalid_replica_config) read as TiCDC's cli prints them:
/// "toml: line L, column C: <why>" for TOML that does not parse, "toml:
/// <key>: <why>" for a value of the wrong type, and "component TiCDC
/// changefeed's config file <file> contained unknown configuration options:
/// <key>, <key>" for keys TiCDC does not know.
result<replica_config> replica_config_from_toml(std::string_view text, std::string_view file_name,
                                                replica_config base);

} // namespace cdc::model::config
