// libFuzzer target: arbitrary bytes as a create body (parse_create_body +
// check_create), as an update body against stored feeds (parse_update_body +
// check_update) and as a stored record (parse_info). Every accepted feed must
// survive the stored form unchanged and render as a detail; any crash,
// sanitizer report or broken round trip is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include "model/changefeed/bodies.hpp"
#include "model/changefeed/create_rules.hpp"
#include "model/changefeed/info_codec.hpp"
#include "model/changefeed/prune.hpp"
#include "model/changefeed/update_rules.hpp"
#include "model/changefeed/validate_config.hpp"
#include "model/upstream/schema_adapter.hpp"

using namespace cdc::model;

namespace {

// 2023-11-28 06:33:37.279 UTC, the GC safepoint ten minutes earlier.
constexpr tso_t now_tso = compose_tso(1701153217279, 0);

struct fixture {
  upstream::catalog_view view = upstream::make_catalog_view(upstream::default_catalog());
  create_context create_ctx;
  update_context update_ctx;
  std::vector<changefeed_info> stored;  // stopped feeds to update, one per sink class

  fixture() {
    create_ctx.current_tso = now_tso;
    create_ctx.gc_safepoint = now_tso - compose_tso(600000, 0);
    create_ctx.upstream_id = 7;
    create_ctx.creator_version = "fuzz";
    create_ctx.now = tso_to_time(now_tso);
    create_ctx.random_hi = 1;
    create_ctx.random_lo = 2;
    create_ctx.exists = [](const changefeed_key& k) { return k.id == "taken"; };
    create_ctx.tables = view.tables;
    create_ctx.upstream_pd_addrs = {"127.0.0.1:2379"};
    update_ctx.tables = view.tables;
    update_ctx.upstream_pd_addrs = create_ctx.upstream_pd_addrs;
    for (std::string_view body : {R"({"sink_uri":"blackhole://"})",
                                  R"({"sink_uri":"kafka://127.0.0.1:9092/t?protocol=canal-json"})",
                                  R"({"sink_uri":"mysql://root:pw@127.0.0.1:3306/"})",
                                  R"({"sink_uri":"file:///tmp/cdc?protocol=csv"})"}) {
      auto created = check_create(parse_create_body(body).value(), create_ctx).value();
      created.info.state = feed_state::stopped;
      stored.push_back(std::move(created.info));
    }
  }
};

bool same(const changefeed_info& a, const changefeed_info& b) {
  bool configs = a.config == b.config || (a.config && b.config && *a.config == *b.config);
  return configs && a.key == b.key && a.upstream_id == b.upstream_id && a.sink_uri == b.sink_uri
         && a.create_time == b.create_time && a.start_ts == b.start_ts && a.target_ts == b.target_ts
         && a.state == b.state && a.error == b.error && a.creator_version == b.creator_version && a.epoch == b.epoch;
}

// What the server does with an accepted feed: store it, read it back, show it.
void store_and_show(const changefeed_info& info) {
  auto back = parse_info(serialize_info(info));
  if (!back || !same(*back, info))
    std::abort();  // the stored form lost or changed something
  auto detail = make_detail(*back, changefeed_progress{info.start_ts, info.start_ts});
  auto text = boost::json::serialize(boost::json::value_from(detail));
  if (text.empty())
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fixture f;
  std::string_view input{reinterpret_cast<const char*>(data), size};

  if (auto body = parse_create_body(input)) {
    if (auto created = check_create(std::move(*body), f.create_ctx)) {
      store_and_show(created->info);
      if (!select_tables(created->info, f.view.tables))
        std::abort();  // a feed that passed create must select its tables
      // Adjusting is idempotent: the owner may adjust a loaded config again.
      auto again = *created->info.config;
      if (!adjust_to_sink(again, created->sink.uri) || !(again == *created->info.config))
        std::abort();
      // An empty update of the new feed is a no-op, never a change.
      auto stopped = created->info;
      stopped.state = feed_state::stopped;
      auto noop = check_update(stopped, stopped.start_ts, changefeed_update{}, f.update_ctx);
      if (noop || noop.error().kind != api_error::changefeed_update_refused)
        std::abort();
    }
  }
  if (auto update = parse_update_body(input)) {
    for (const auto& old : f.stored)
      if (auto next = check_update(old, old.start_ts, *update, f.update_ctx))
        store_and_show(*next);
  }
  if (auto info = parse_info(input))
    (void)make_detail(*info, changefeed_progress{});
  return 0;
}
