// Sink config checks that need no sink URI (parts of TiCDC's
// SinkConfig.validateAndAdjust); the caller decides when they apply (e.g.
// csv and date_separator only for storage schemes).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/config/sink_config.hpp"
#include "model/result.hpp"

namespace cdc::model::config {

/// sink.csv: quote at most one byte and no line break; delimiter 1-3 bytes
/// without line breaks; no byte shared by quote and delimiter;
/// binary_encoding_method hex or base64. 500 ErrSinkInvalidConfig
/// "sink config invalid: csv config ...".
json::status validate_csv(const csv_config& csv);

/// sink.date_separator: none, year, month or day in any case; "" is allowed.
/// 500 ErrSinkInvalidConfig wrapping ErrStorageSinkInvalidDateSeparator.
json::status validate_date_separator(std::string_view separator);

/// sink.encoder_concurrency must not be negative (absent is fine).
/// 500 ErrSinkInvalidConfig "encoder-concurrency should greater than 0, but got N".
json::status validate_encoder_concurrency(std::optional<std::int64_t> concurrency);

/// delete_only_output_handle_key_columns cannot be true with the csv protocol
/// (`protocol` is the effective one, after the sink URI's ?protocol=).
json::status validate_delete_only_handle_key(const sink_config& sink, std::string_view protocol);

/// sink.file_index_width for storage sinks: outside [6, 20] (or absent) it is
/// silently 20, as TiCDC adjusts it.
std::int64_t adjusted_file_index_width(std::optional<std::int64_t> width) noexcept;

} // namespace cdc::model::config
