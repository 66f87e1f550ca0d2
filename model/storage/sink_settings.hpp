// Everything a storage sink needs to know, derived from a changefeed's stored
// info: where its files go, the protocol and its options, the layout options,
// rotation limits and the column selectors.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "model/changefeed/info.hpp"
#include "model/codec/canal_json.hpp"
#include "model/codec/csv.hpp"
#include "model/filter/column_selector.hpp"
#include "model/result.hpp"
#include "model/storage/layout.hpp"

namespace cdc::model::storage {

struct sink_settings {
  /// The directory of a file:// URI (host + path).
  std::string root;
  sink::protocol proto = sink::protocol::csv;
  codec::csv_options csv;
  codec::canal_json_options canal;
  date_separator dates = date_separator::day;
  bool partition_separator = true;
  int file_index_width = 20;
  std::int64_t file_size = 64 * 1024 * 1024;
  std::chrono::nanoseconds flush_interval = std::chrono::seconds(5);
  /// The version a table gets when none of its schema files exists yet: the
  /// changefeed's start TS (TiCDC: the TS its schema snapshot was taken at).
  std::uint64_t start_version = 0;
  /// sink.column_selectors (TiCDC's new architecture applies them to storage
  /// sinks too); empty keeps every column.
  std::optional<filter::column_selectors> selectors;

  /// The columns written for `t`.
  codec::column_list columns_of(const upstream::table_def& t) const;
};

/// Validates and adjusts the feed's config against its URI again (as TiCDC
/// does when it instantiates the sink) and reads the settings. Schemes other
/// than file:// fail with 500 CDC:ErrS3StorageAPI: this server reaches no
/// object store.
result<sink_settings> sink_settings_of(const changefeed_info& info);

} // namespace cdc::model::storage
