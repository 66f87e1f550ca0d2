// The create rules of POST /changefeeds in TiCDC's order (reference 2.5,
// api.md "Create rules"): from a parsed body and what the cluster knows now
// to the changefeed record to store and the tables to replicate.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "model/changefeed/bodies.hpp"
#include "model/changefeed/info.hpp"
#include "model/changefeed/validate_config.hpp"
#include "model/result.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::model {

/// What the owner knows when it checks a create: the clock, the GC
/// safepoint, the existing feeds and the upstream's tables.
struct create_context {
  tso_t current_tso = 0;            ///< PD's TSO now
  tso_t gc_safepoint = 0;           ///< the minimum service GC safepoint
  std::uint64_t upstream_id = 0;    ///< the (only) upstream's cluster ID
  std::string creator_version;      ///< this server's release version
  std::chrono::system_clock::time_point now{};
  std::uint64_t random_hi = 0;      ///< 128 random bits for a generated ID
  std::uint64_t random_lo = 0;
  /// Whether (namespace, id) is taken; unset means nothing exists.
  std::function<bool(const changefeed_key&)> exists;
  std::span<const upstream::catalog_table> tables;
  /// The PD addresses of our one upstream; a body's pd_addrs must name it.
  std::vector<std::string> upstream_pd_addrs;
};

struct created_changefeed {
  changefeed_info info;                 ///< state normal, epoch set, config adjusted
  std::vector<std::int64_t> table_ids;  ///< ascending
  validated_sink sink;
};

/// TiCDC's order, the first failure wins: pd_addrs must name our upstream
/// (500 ErrAPIGetPDClientFailed, as for a PD TiCDC cannot reach); empty
/// sink_uri (400 ErrSinkURIInvalid); ID generated when empty, then checked;
/// namespace "default" when empty, then checked (400 ErrAPIInvalidParam);
/// already exists (500 ErrChangeFeedAlreadyExists); start_ts 0 -> current
/// TSO, later than it (400 ErrAPIInvalidParam); at or below the GC safepoint
/// (400 ErrStartTsBeforeGC, whatever check_gc_safe_point says); target_ts
/// at or below start_ts (400 ErrTargetTsBeforeStartTs); the sink URI parses;
/// adjust_to_sink; filter and event filters; MQ dispatchers and column
/// selectors; ineligible tables (400 ErrTableIneligible); sink validation.
result<created_changefeed> check_create(changefeed_config body, const create_context& ctx);

/// The tables a stored feed replicates now (matched and eligible, ascending),
/// for the owner after an update or a restart. Only a filter that no longer
/// compiles fails; ineligible tables are skipped.
result<std::vector<std::int64_t>> select_tables(const changefeed_info& info,
                                                std::span<const upstream::catalog_table> tables);

/// A body's pd_addrs: empty, or every address names one of `ours` (scheme,
/// trailing '/' and host case ignored). TLS paths are accepted and ignored:
/// the server reaches its upstream itself. Else 500 ErrAPIGetPDClientFailed.
result<void> check_pd_addrs(const pd_config& pd, std::span<const std::string> ours);

} // namespace cdc::model
