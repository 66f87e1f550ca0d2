// Which catalog tables a changefeed replicates, and the create/update-time
// table checks in TiCDC's order: the filter and its event filters, the MQ
// dispatchers and column selectors, then eligibility.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/config/replica_config.hpp"
#include "model/filter/changefeed_filter.hpp"
#include "model/result.hpp"
#include "model/sink/sink_uri.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::model {

/// What a config's filter selects from a catalog.
struct table_selection {
  std::vector<filter::table_schema> matched;  ///< every table the filter selects, catalog order
  std::vector<std::int64_t> matched_ids;      ///< their IDs, in the same order
  std::vector<std::int64_t> table_ids;        ///< matched and eligible, ascending
  std::vector<std::string> ineligible;        ///< "db.t" of matched tables without a handle key
};

/// replica_config.filter in the filter model's terms (absent: `*.*`). The
/// MySQL-style lists are used only when `rules` is empty, as in TiCDC.
filter::filter_config to_filter_config(const config::replica_config& cfg);

/// TiCDC's NewFilter, then VerifyTables and Filter.Verify: 400
/// ErrFilterRuleInvalid for rules, 500 ErrInvalidIgnoreEventType and
/// expression errors from the event filters. Eligibility is judged without
/// force_replicate (TiCDC reports ineligible tables and decides later), but
/// table_ids honours force_replicate.
result<table_selection> select_catalog_tables(const config::replica_config& cfg,
                                              std::span<const upstream::catalog_table> catalog);

/// For Kafka and Pulsar sinks: the event router (matchers, topics) and the
/// column selectors are built and verified against the matched tables
/// (500 ErrDispatcherFailed / ErrColumnSelectorFailed). Other sinks: nothing.
result<void> verify_mq_dispatch(const config::replica_config& cfg, const sink::sink_uri& uri,
                                std::span<const filter::table_schema> matched);

/// 400 ErrTableIneligible "some tables are not eligible to replicate([db.t1
/// db.t2]), ..." unless force_replicate or ignore_ineligible_table is set.
result<void> check_ineligible(const config::replica_config& cfg, const table_selection& selection);

} // namespace cdc::model
