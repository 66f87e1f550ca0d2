// Shared fixtures of the MQ message tests: a one-table catalog
// (shop.orders: id bigint primary key, note text null, price double), its
// row changes, settings from a sink URI and a partition lookup.
#pragma once

#include <boost/test/unit_test.hpp>

#include "model/mq/row_messages.hpp"

namespace cdc::test_mq {

using namespace cdc::model;

inline upstream::catalog shop() {
  upstream::catalog c;
  c.tables.push_back({7, "shop", "orders",
                      {{"id", upstream::column_type::bigint, false, true},
                       {"note", upstream::column_type::text, true},
                       {"price", upstream::column_type::double_}},
                      1, 100});
  return c;
}

/// A change of shop.orders whose old and new values are both
/// {id, "hi", 1.5} (where the operation has them).
inline upstream::row_change change(upstream::row_op op, std::int64_t id, std::uint64_t commit_ts) {
  upstream::row_change c;
  c.table_id = 7;
  c.op = op;
  c.commit_ts = commit_ts;
  upstream::row_values v{id, std::string{"hi"}, 1.5};
  if (op != upstream::row_op::remove)
    c.new_values = v;
  if (op != upstream::row_op::insert)
    c.old_values = v;
  return c;
}

/// An update of row 2 from {2, "hi", 1.5} to {2, NULL, 0.25}.
inline upstream::row_change update_of_2(std::uint64_t commit_ts) {
  auto c = change(upstream::row_op::update, 2, commit_ts);
  c.new_values = {std::int64_t{2}, std::monostate{}, 0.25};
  return c;
}

inline mq::mq_settings settings_of(const std::string& uri) {
  changefeed_info info;
  info.sink_uri = uri;
  auto s = mq::mq_settings_of(info);
  BOOST_TEST_REQUIRE(s.has_value(), (s ? "" : s.error().message));
  return *s;
}

inline sink::row_batch batch_of(std::vector<upstream::row_change> rows) {
  sink::row_batch b;
  b.catalog = std::make_shared<const upstream::catalog>(shop());
  b.tables.push_back({7, 0, std::move(rows)});
  return b;
}

inline result<std::int32_t> three(const std::string&) { return 3; }

/// The one message `rows` encode to under `uri`, built at `now_ms`.
inline mq::mq_message only_message(const std::string& uri, upstream::row_change row, std::int64_t now_ms) {
  auto msgs = mq::encode_rows(settings_of(uri), batch_of({std::move(row)}), three, now_ms);
  BOOST_TEST_REQUIRE(msgs.has_value());
  BOOST_TEST_REQUIRE(msgs->size() == 1u);
  return (*msgs)[0];
}

} // namespace cdc::test_mq
