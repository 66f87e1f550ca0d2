// TiCDC's storage sink layout (pkg/sink/cloudstorage/path.go): where data,
// index, schema and metadata files of a changefeed live under its URI's
// location, and how their names are formed and read back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/sink/protocol.hpp"
#include "model/tso.hpp"

namespace cdc::model::storage {

enum class date_separator : std::uint8_t { none, year, month, day };

/// "none", "year", "month", "day", case-insensitive (the config's value was
/// validated at create).
std::optional<date_separator> parse_date_separator(std::string_view text);

/// The date directory of a row: its commit time in the local time zone as
/// "2006", "2006-01" or "2006-01-02"; "" for none. (TiCDC takes the writer's
/// clock; the commit time makes the layout a function of the data.)
std::string date_dir(date_separator sep, tso_t commit_ts);

/// "schema/table/version[/partition][/date]" (partition only when the table is
/// a partition and the separator is enabled; our upstream has none).
std::string data_dir(std::string_view schema, std::string_view table, std::uint64_t table_version,
                     std::optional<std::int64_t> partition_id, std::string_view date);

/// ".csv" for csv, ".json" for canal-json.
std::string_view file_extension(sink::protocol p) noexcept;

/// "CDC" + the index zero-padded to `width` digits + extension.
std::string data_file_name(std::uint64_t index, int width, std::string_view extension);

/// The index of "CDC000012.csv", nullopt unless the name has that shape.
std::optional<std::uint64_t> parse_data_file_name(std::string_view name, std::string_view extension);

/// "<dir>/meta/CDC.index": holds the newest data file name of `dir`.
std::string index_file_path(std::string_view dir);

/// "schema/table/meta/": where a table's schema files live.
std::string schema_dir(std::string_view schema, std::string_view table);

/// "schema_<version>_<checksum, 10 digits>.json".
std::string schema_file_name(std::uint64_t table_version, std::uint32_t checksum);

/// (version, checksum) of a schema file name, nullopt for other names.
std::optional<std::pair<std::uint64_t, std::uint32_t>> parse_schema_file_name(std::string_view name);

/// The `metadata` file at the root: {"checkpoint-ts":N}.
inline constexpr std::string_view metadata_file = "metadata";
std::string metadata_json(tso_t checkpoint_ts);
std::optional<tso_t> parse_metadata(std::string_view text);

} // namespace cdc::model::storage
