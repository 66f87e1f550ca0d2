// Shared fixtures of the create/update rule tests: a fixed cluster context
// over the default catalog (32 tables) or one with ineligible tables.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "model/changefeed/bodies.hpp"
#include "model/changefeed/create_rules.hpp"
#include "model/changefeed/update_rules.hpp"
#include "model/ids.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::test {

using namespace cdc::model;

// 2023-11-28 06:33:37.279 UTC in ms, from TiCDC's own tests (reference 10.9).
inline constexpr std::int64_t now_ms = 1701153217279;
inline constexpr tso_t now_tso = compose_tso(now_ms, 0);
// TiDB's default GC life time is 10 minutes.
inline constexpr tso_t gc_tso = compose_tso(now_ms - 10 * 60 * 1000, 0);

/// The default catalog plus `test9`: no_key (no PK, no unique key),
/// nullable_uk (its only unique key is nullable) and uk (NOT NULL unique key).
inline upstream::catalog catalog_with_ineligible() {
  auto c = upstream::default_catalog();
  using upstream::column_type;
  auto add = [&](std::int64_t id, std::string name, std::vector<upstream::column_def> cols) {
    upstream::table_def t;
    t.id = id;
    t.schema = "test9";
    t.name = std::move(name);
    t.columns = std::move(cols);
    c.tables.push_back(std::move(t));
  };
  add(900, "no_key", {{"a", column_type::bigint, false, false, false}, {"b", column_type::text, true, false, false}});
  add(901, "nullable_uk", {{"a", column_type::bigint, true, false, true}});
  add(902, "uk", {{"a", column_type::bigint, false, false, true}});
  return c;
}

/// A cluster at now_tso with one upstream (PD at 127.0.0.1:2379).
struct cluster {
  explicit cluster(const upstream::catalog& c = upstream::default_catalog()) : view(upstream::make_catalog_view(c)) {}

  create_context create_ctx() const {
    create_context ctx;
    ctx.current_tso = now_tso;
    ctx.gc_safepoint = gc_tso;
    ctx.upstream_id = 7;
    ctx.creator_version = "v8.5.0";
    ctx.now = tso_to_time(now_tso);
    ctx.random_hi = 0x0123456789abcdefULL;
    ctx.random_lo = 0xfedcba9876543210ULL;
    ctx.exists = [keys = existing](const changefeed_key& k) { return keys.count(k) > 0; };
    ctx.tables = view.tables;
    ctx.upstream_pd_addrs = {"http://127.0.0.1:2379"};
    return ctx;
  }

  update_context update_ctx() const { return {view.tables, {"http://127.0.0.1:2379"}}; }

  upstream::catalog_view view;
  std::set<changefeed_key> existing;
};

/// parse_create_body of a test's JSON; the body itself must parse.
inline changefeed_config create_body(std::string_view json) { return parse_create_body(json).value(); }

inline changefeed_update update_body(std::string_view json) { return parse_update_body(json).value(); }

/// Creates a feed from `json` and sets its state (for update tests).
inline changefeed_info stored_feed(const cluster& c, std::string_view json, feed_state state = feed_state::stopped) {
  auto created = check_create(create_body(json), c.create_ctx()).value();
  created.info.state = state;
  return created.info;
}

inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

} // namespace cdc::test
