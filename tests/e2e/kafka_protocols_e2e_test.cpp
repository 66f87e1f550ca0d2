// End to end for the simple and debezium protocols: a real server
// replicates the default upstream into the mock Kafka cluster, and every
// message read back matches the upstream's change (table, operation, commit
// TS, old and new values, the debezium key), each table's rows in commit
// order, and the watermarks trail the rows and reach every partition with
// the target TS.
#include <functional>
#include <map>
#include <set>

#include "tests/e2e/kafka_e2e_support.hpp"
#include "tests/support/kafka_consumer.hpp"
#include "tests/support/kafka_mock.hpp"
#include "tests/support/storage_check.hpp"

using namespace cdc;
using namespace cdc::test_kafka;
using model::upstream::row_op;

namespace {

/// What a test reads from one message: a row change, or a watermark.
struct decoded {
  bool watermark = false;
  std::uint64_t ts = 0;  ///< commit TS, or the watermark's TS
  std::string table;     ///< schema.table (rows)
  boost::json::object message;
};

using decoder = std::function<decoded(const test::kafka_record&)>;

/// The topic's rows per table (in partition then offset order) after
/// checking, per partition, that each table's rows come in commit order,
/// that no row follows a watermark at or past its commit TS, and that every
/// partition has a watermark.
std::map<std::string, std::vector<decoded>> read_topic(const test::kafka_mock& kafka, const std::string& topic,
                                                       const decoder& decode) {
  std::map<std::string, std::vector<decoded>> rows;
  auto contents = test::read_kafka_topic(kafka.bootstrap(), topic);
  std::map<std::int32_t, std::uint64_t> mark;
  std::map<std::pair<std::string, std::int32_t>, std::uint64_t> last;
  for (const auto& r : contents.records) {
    auto d = decode(r);
    if (d.watermark) {
      BOOST_TEST(d.ts >= mark[r.partition], "watermarks never go back");
      mark[r.partition] = d.ts;
      continue;
    }
    BOOST_TEST(d.ts > mark[r.partition], "partition " << r.partition << " offset " << r.offset << ": a row behind the watermark");
    auto& before = last[{d.table, r.partition}];
    BOOST_TEST(d.ts > before, d.table << " offset " << r.offset << ": out of commit order");
    before = d.ts;
    rows[d.table].push_back(std::move(d));
  }
  BOOST_TEST(mark.size() == static_cast<std::size_t>(contents.partitions), "a watermark on every partition");
  return rows;
}

/// Waits until every partition of `topic` holds the watermark `target`.
bool watermarks_reach(const test::kafka_mock& kafka, const std::string& topic, const decoder& decode,
                      model::tso_t target) {
  return test::eventually(
    [&] {
      auto contents = test::read_kafka_topic(kafka.bootstrap(), topic);
      std::set<std::int32_t> at_target;
      for (const auto& r : contents.records)
        if (auto d = decode(r); d.watermark && d.ts == target)
          at_target.insert(r.partition);
      return at_target.size() == static_cast<std::size_t>(contents.partitions);
    },
    15);
}

/// Checks each table's decoded rows against its upstream changes in `w`.
void check_tables(const std::map<std::string, std::vector<decoded>>& rows, const window& w,
                  const std::function<void(const model::upstream::table_def&, const model::upstream::row_change&,
                                           const boost::json::object&, const std::string& where)>& check_row) {
  for (const auto& def : upstream().tables) {
    auto expected = changes_of(def, w);
    auto it = rows.find(def.qualified_name());
    BOOST_TEST_REQUIRE((it != rows.end()), def.qualified_name() << " has no messages");
    BOOST_TEST_REQUIRE(it->second.size() == expected.size(), def.qualified_name());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      auto where = def.qualified_name() + " row " + std::to_string(i);
      BOOST_TEST(it->second[i].ts == expected[i].commit_ts, where);
      check_row(def, expected[i], it->second[i].message, where);
    }
  }
}

/// A JSON value as the upstream's text; "<null>" for null.
std::string text_of(const boost::json::value& v) {
  if (v.is_null())
    return "<null>";
  if (v.is_string())
    return std::string(v.as_string());
  if (v.is_int64())
    return std::to_string(v.as_int64());
  return boost::json::serialize(v);
}

/// Every column of `def` in `cols` (a name → value map) equals `want`.
void check_columns(const model::upstream::table_def& def, const boost::json::object& cols,
                   const model::upstream::row_values& want, const std::string& where) {
  BOOST_TEST_REQUIRE(cols.size() == def.columns.size(), where);
  for (std::size_t k = 0; k < def.columns.size(); ++k) {
    const auto& name = def.columns[k].name;
    BOOST_TEST_REQUIRE(cols.contains(name), where << " " << name);
    BOOST_TEST(test::same_value(want[k], text_of(cols.at(name)), "<null>"), where << " " << name);
  }
}

// -- simple --------------------------------------------------------------------

decoded decode_simple(const test::kafka_record& r) {
  BOOST_TEST(r.key.empty(), "simple messages carry no key");
  decoded d;
  d.message = boost::json::parse(r.value).as_object();
  BOOST_TEST(d.message.at("version").as_int64() == 1);
  d.ts = d.message.at("commitTs").to_number<std::uint64_t>();
  d.watermark = d.message.at("type").as_string() == "WATERMARK";
  if (!d.watermark)
    d.table = std::string(d.message.at("database").as_string()) + "." + std::string(d.message.at("table").as_string());
  return d;
}

void check_simple_row(const model::upstream::table_def& def, const model::upstream::row_change& c,
                      const boost::json::object& m, const std::string& where) {
  static const std::map<row_op, std::string> types{
    {row_op::insert, "INSERT"}, {row_op::update, "UPDATE"}, {row_op::remove, "DELETE"}};
  BOOST_TEST(m.at("type").as_string() == types.at(c.op), where);
  BOOST_TEST(m.at("tableID").as_int64() == def.id, where);
  BOOST_TEST(m.contains("data") == (c.op != row_op::remove), where << ": data unless a delete");
  BOOST_TEST(m.contains("old") == (c.op != row_op::insert), where << ": old unless an insert");
  if (m.contains("data"))
    check_columns(def, m.at("data").as_object(), c.new_values, where + " data");
  if (m.contains("old"))
    check_columns(def, m.at("old").as_object(), c.old_values, where + " old");
}

// -- debezium ------------------------------------------------------------------

decoded decode_debezium(const test::kafka_record& r) {
  decoded d;
  d.message = boost::json::parse(r.value).as_object();
  const auto& payload = d.message.at("payload").as_object();
  const auto& source = payload.at("source").as_object();
  d.ts = source.at("commit_ts").to_number<std::uint64_t>();
  d.watermark = payload.at("op").as_string() == "m";
  if (!d.watermark) {
    d.table = std::string(source.at("db").as_string()) + "." + std::string(source.at("table").as_string());
    // The key holds the handle key; keep it next to the value to check.
    d.message["key"] = boost::json::parse(r.key);
  }
  return d;
}

void check_debezium_row(const model::upstream::table_def& def, const model::upstream::row_change& c,
                        const boost::json::object& m, const std::string& where) {
  static const std::map<row_op, std::string> ops{{row_op::insert, "c"}, {row_op::update, "u"}, {row_op::remove, "d"}};
  const auto& payload = m.at("payload").as_object();
  BOOST_TEST(payload.at("op").as_string() == ops.at(c.op), where);
  BOOST_TEST(payload.at("source").as_object().at("ts_ms").as_int64() == model::tso_physical_ms(c.commit_ts), where);
  const auto& values = c.op == row_op::remove ? c.old_values : c.new_values;
  auto key_name = def.columns[def.key_column()].name;
  const auto& key = m.at("key").as_object().at("payload").as_object();
  BOOST_TEST(key.size() == 1u, where);
  BOOST_TEST(test::same_value(values[def.key_column()], text_of(key.at(key_name)), "<null>"), where << " key");
  BOOST_TEST(payload.at("before").is_null() == (c.op == row_op::insert), where << ": before unless an insert");
  BOOST_TEST(payload.at("after").is_null() == (c.op == row_op::remove), where << ": after unless a delete");
  if (c.op != row_op::insert)
    check_columns(def, payload.at("before").as_object(), c.old_values, where + " before");
  if (c.op != row_op::remove)
    check_columns(def, payload.at("after").as_object(), c.new_values, where + " after");
  // The server runs with --cluster-id e2e-cluster; TiCDC sanitizes it for
  // schema names.
  BOOST_TEST(payload.at("source").as_object().at("cluster_id").as_string() == "e2e-cluster", where);
  auto envelope = std::string(m.at("schema").as_object().at("name").as_string());
  BOOST_TEST(envelope == "e2e_cluster." + def.qualified_name() + ".Envelope", where);
}

/// Replicates the default upstream from 4 s ago to 2 s ahead into `topic`
/// (3 partitions) with the URI's `query` on a server started with
/// `options`, and waits for the feed to finish and its last checkpoint to
/// reach every partition as a watermark.
window replicate(test::kafka_mock& kafka, const std::string& topic, const std::string& query,
                 const decoder& decode, http::server_options options = {}) {
  kafka.create_topic(topic, 3);
  test::sink_server srv{std::move(options)};
  auto w = around_now(4000, 2000);
  srv.create(topic, "kafka://" + kafka.bootstrap() + "/" + topic + "?" + query, w.start, w.target);
  BOOST_REQUIRE_MESSAGE(srv.wait_state(topic, "finished", 60), boost::json::serialize(srv.feed(topic)));
  BOOST_REQUIRE(watermarks_reach(kafka, topic, decode, w.target));
  return w;
}

} // namespace

BOOST_AUTO_TEST_SUITE(kafka_sink_e2e)

BOOST_AUTO_TEST_CASE(simple_messages_match_the_upstream_changes_row_by_row) {
  test::kafka_mock kafka;
  auto w = replicate(kafka, "cdc-simple", "protocol=simple", decode_simple);
  check_tables(read_topic(kafka, "cdc-simple", decode_simple), w, check_simple_row);
}

BOOST_AUTO_TEST_CASE(debezium_messages_match_the_upstream_changes_row_by_row) {
  test::kafka_mock kafka;
  // The TiDB extension gives debezium its watermark (op "m"); the cluster
  // ID names every schema and source.
  http::server_options options;
  options.cluster.cluster_id = "e2e-cluster";
  auto w = replicate(kafka, "cdc-dbz", "protocol=debezium&enable-tidb-extension=true", decode_debezium,
                     std::move(options));
  check_tables(read_topic(kafka, "cdc-dbz", decode_debezium), w, check_debezium_row);
}

BOOST_AUTO_TEST_SUITE_END()
