// What a processor hands its sink in one go: row changes of some tables of
// one changefeed, each complete up to a commit TS.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "model/changefeed/info.hpp"
#include "model/upstream/catalog.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::sink {

/// Row changes of one table, complete up to `through`.
struct table_rows {
  std::int64_t table_id = 0;
  model::tso_t through = 0;
  std::vector<upstream::row_change> rows;
};

/// What a processor hands its sink in one go.
struct row_batch {
  changefeed_key key;
  /// The tables' definitions (sinks need column names and keys).
  std::shared_ptr<const upstream::catalog> catalog;
  std::vector<table_rows> tables;
  std::size_t row_count = 0;
  /// What the rows cost in memory (model/upstream/row_size.hpp).
  std::size_t bytes = 0;
};
using row_batch_ptr = std::shared_ptr<const row_batch>;

} // namespace cdc::model::sink
