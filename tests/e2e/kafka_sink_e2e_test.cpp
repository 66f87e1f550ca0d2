// End to end: a real server replicates the default simulated upstream into a
// librdkafka mock cluster of 3 brokers (tools/kafka-mock, a process of its
// own), and a consumer reads every partition back: canal-json and
// open-protocol messages match the upstream's changes row by row (order per
// table, commit TS, operation, old and new values), dispatchers decide topic
// and partition, watermarks never run ahead of the rows, errors the producer
// retries stay invisible, a broker outage shows as `error` with TiCDC's code
// and the feed catches up afterwards with no row lost, and create checks the
// brokers as TiCDC does.
#include <algorithm>
#include <map>
#include <set>

#include "model/codec/base64.hpp"
#include "model/upstream/workload.hpp"
#include "tests/e2e/kafka_e2e_support.hpp"
#include "tests/e2e/sink_e2e_support.hpp"
#include "tests/support/kafka_consumer.hpp"
#include "tests/support/kafka_mock.hpp"
#include "tests/support/storage_check.hpp"
#include "tests/support/subprocess.hpp"

using namespace cdc;
using namespace cdc::test_kafka;
using model::upstream::row_op;

namespace {

boost::json::object parse_object(const std::string& text) {
  return boost::json::parse(text).as_object();
}

std::string qualified(const boost::json::object& canal) {
  return std::string(canal.at("database").as_string()) + "." + std::string(canal.at("table").as_string());
}

bool is_watermark(const boost::json::object& canal) {
  return canal.at("type").as_string() == "TIDB_WATERMARK";
}

/// A canal-json topic's row messages per table, in partition order.
struct canal_topic {
  std::map<std::string, test::table_files> rows;
  std::map<std::string, std::set<std::int32_t>> partitions;  ///< per table
  std::vector<test::kafka_record> watermarks;
};

std::uint64_t commit_of(const boost::json::object& canal) {
  return canal.at("_tidb").as_object().at("commitTs").to_number<std::uint64_t>();
}

/// Reads the topic; unless re-delivery may repeat rows (`ordered` false),
/// each table's rows must come in commit order within a partition (so every
/// key's changes do).
canal_topic read_canal_topic(const test::kafka_mock& kafka, const std::string& topic, bool ordered = true) {
  canal_topic out;
  std::map<std::pair<std::string, std::int32_t>, std::uint64_t> last;
  for (const auto& r : test::read_kafka_topic(kafka.bootstrap(), topic).records) {
    BOOST_TEST(r.key.empty(), "canal-json messages carry no key");
    auto v = parse_object(r.value);
    if (is_watermark(v)) {
      out.watermarks.push_back(r);
      continue;
    }
    auto& before = last[{qualified(v), r.partition}];
    BOOST_TEST((!ordered || commit_of(v) > before), qualified(v) << " partition " << r.partition << " offset " << r.offset
                                                   << ": out of commit order");
    before = commit_of(v);
    out.rows[qualified(v)].records.push_back(r.value);
    out.partitions[qualified(v)].insert(r.partition);
  }
  return out;
}

/// A table spread over partitions has no order across them: its rows in
/// commit order.
test::table_files in_commit_order(test::table_files rows) {
  std::stable_sort(rows.records.begin(), rows.records.end(), [](const std::string& a, const std::string& b) {
    return commit_of(parse_object(a)) < commit_of(parse_object(b));
  });
  return rows;
}

/// Every table's canal-json rows equal its changes in the window, in order.
void check_canal_rows(const canal_topic& got, const window& w) {
  for (const auto& def : upstream().tables) {
    auto it = got.rows.find(def.qualified_name());
    BOOST_TEST_REQUIRE((it != got.rows.end()), def.qualified_name() << " has no messages");
    test::check_canal_records(it->second, model::upstream::table_workload{def}, w.start, w.target);
  }
}

/// In each partition, no row after a watermark committed at or before it.
void check_watermarks_trail_rows(const test::kafka_mock& kafka, const std::string& topic) {
  auto contents = test::read_kafka_topic(kafka.bootstrap(), topic);
  std::map<std::int32_t, std::uint64_t> mark;
  std::set<std::int32_t> marked;
  for (const auto& r : contents.records) {
    auto v = parse_object(r.value);
    if (is_watermark(v)) {
      auto ts = v.at("_tidb").as_object().at("watermarkTs").to_number<std::uint64_t>();
      BOOST_TEST(ts >= mark[r.partition], "watermarks never go back");
      mark[r.partition] = ts;
      marked.insert(r.partition);
      continue;
    }
    auto commit = commit_of(v);
    BOOST_TEST(commit > mark[r.partition], "partition " << r.partition << " offset " << r.offset
                                                        << ": a row behind the watermark");
  }
  BOOST_TEST(marked.size() == static_cast<std::size_t>(contents.partitions), "a watermark on every partition");
}

std::string feed_error_code(test::sink_server& srv, const std::string& id) {
  auto f = srv.feed(id);
  if (!f.contains("error") || !f.at("error").is_object())
    return "";
  return std::string(f.at("error").as_object().at("code").as_string());
}

// -- open protocol -------------------------------------------------------------

std::uint64_t be64(const std::string& s, std::size_t at) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < 8; ++i)
    n = (n << 8) | static_cast<unsigned char>(s.at(at + i));
  return n;
}

/// The (key, value) JSON pairs of one open-protocol batch message.
std::vector<std::pair<boost::json::object, boost::json::object>> split_open_batch(const test::kafka_record& r) {
  std::vector<std::pair<boost::json::object, boost::json::object>> out;
  BOOST_TEST_REQUIRE(be64(r.key, 0) == 1u, "batch version 1");
  std::size_t k = 8, v = 0;
  while (k < r.key.size()) {
    auto klen = be64(r.key, k);
    auto key = parse_object(r.key.substr(k + 8, klen));
    k += 8 + klen;
    auto vlen = be64(r.value, v);
    boost::json::object value;
    if (vlen > 0)
      value = parse_object(r.value.substr(v + 8, vlen));
    v += 8 + vlen;
    out.emplace_back(std::move(key), std::move(value));
  }
  BOOST_TEST(v == r.value.size(), "one value per key");
  return out;
}

/// An open-protocol column's value as the upstream's text.
std::string open_value_text(const model::upstream::column_def& c, const boost::json::value& v) {
  if (v.is_null())
    return "<null>";
  if (v.is_string()) {
    std::string s(v.as_string());
    if (c.type == model::upstream::column_type::text)
      return model::base64_decode(s).value_or("<bad base64>");
    return s;
  }
  if (v.is_int64())
    return std::to_string(v.as_int64());
  if (v.is_uint64())
    return std::to_string(v.as_uint64());
  return std::to_string(v.as_double());
}

void check_open_columns(const model::upstream::table_def& def, const boost::json::object& cols,
                        const model::upstream::row_values& want, const std::string& where) {
  BOOST_TEST_REQUIRE(cols.size() == def.columns.size(), where);
  for (std::size_t k = 0; k < def.columns.size(); ++k) {
    const auto& c = def.columns[k];
    const auto& col = cols.at(c.name).as_object();
    BOOST_TEST(col.contains("h") == c.primary_key, where << " " << c.name << ": handle key marker");
    BOOST_TEST(test::same_value(want[k], open_value_text(c, col.at("v")), "<null>"), where << " " << c.name);
  }
}

} // namespace

BOOST_AUTO_TEST_SUITE(kafka_sink_e2e)

BOOST_AUTO_TEST_CASE(canal_json_messages_match_the_upstream_changes_row_by_row) {
  test::kafka_mock kafka;
  kafka.create_topic("cdc-canal", 3);
  test::sink_server srv{http::server_options{}};
  auto w = around_now(4000, 2000);
  srv.create("canal", "kafka://" + kafka.bootstrap() + "/cdc-canal?protocol=canal-json&enable-tidb-extension=true",
             w.start, w.target);
  BOOST_REQUIRE_MESSAGE(srv.wait_state("canal", "finished", 60), boost::json::serialize(srv.feed("canal")));
  auto got = read_canal_topic(kafka, "cdc-canal");
  check_canal_rows(got, w);
  // TiCDC's default dispatcher keeps a table in one partition.
  std::set<std::int32_t> used;
  for (const auto& [table, parts] : got.partitions) {
    BOOST_TEST(parts.size() == 1u, table << " spread over partitions");
    used.insert(parts.begin(), parts.end());
  }
  BOOST_TEST(used.size() == 3u, "32 tables hash onto every partition");
  // The final checkpoint reaches every partition as a watermark.
  BOOST_REQUIRE(test::eventually(
    [&] {
      std::set<std::int32_t> at_target;
      for (const auto& r : test::read_kafka_topic(kafka.bootstrap(), "cdc-canal").records)
        if (auto v = parse_object(r.value); is_watermark(v)
            && v.at("_tidb").as_object().at("watermarkTs").to_number<std::uint64_t>() == w.target)
          at_target.insert(r.partition);
      return at_target.size() == 3u;
    },
    15));
  check_watermarks_trail_rows(kafka, "cdc-canal");
}

BOOST_AUTO_TEST_CASE(open_protocol_batches_carry_ticdc_keys_and_values) {
  test::kafka_mock kafka;
  test::sink_server srv{http::server_options{}};
  auto w = around_now(4000, 2000);
  // No topic yet: the sink makes it (the mock creates topics on first use,
  // with 4 partitions; partition-num picks 3 of them).
  srv.create("open", "kafka://" + kafka.bootstrap() + "/cdc-open?protocol=open-protocol&partition-num=3&max-batch-size=8",
             w.start, w.target);
  BOOST_REQUIRE_MESSAGE(srv.wait_state("open", "finished", 60), boost::json::serialize(srv.feed("open")));
  // The watermark writer follows the checkpoint on its own: the last
  // resolved events may land after the feed reads finished.
  test::kafka_topic_contents contents;
  BOOST_REQUIRE_MESSAGE(test::eventually(
                          [&] {
                            contents = test::read_kafka_topic(kafka.bootstrap(), "cdc-open");
                            std::set<std::int32_t> at_target;
                            for (const auto& r : contents.records)
                              for (const auto& [key, value] : split_open_batch(r))
                                if (key.at("t").as_int64() == 3 && key.at("ts").to_number<std::uint64_t>() == w.target)
                                  at_target.insert(r.partition);
                            return at_target.size() == 3u;
                          },
                          15),
                        "a resolved event at the target ts in each of the 3 partitions");
  std::map<std::string, std::vector<std::pair<boost::json::object, boost::json::object>>> rows;
  for (const auto& r : contents.records) {
    BOOST_TEST(r.partition < 3, "partition-num=3 leaves the fourth partition empty");
    auto pairs = split_open_batch(r);
    BOOST_TEST(pairs.size() <= 8u, "max-batch-size");
    for (auto& [key, value] : pairs) {
      if (key.at("t").as_int64() == 3)
        continue;
      BOOST_TEST(key.at("t").as_int64() == 1);
      auto table = std::string(key.at("scm").as_string()) + "." + std::string(key.at("tbl").as_string());
      rows[table].emplace_back(std::move(key), std::move(value));
    }
  }
  for (const auto& def : upstream().tables) {
    auto expected = changes_of(def, w);
    const auto& got = rows[def.qualified_name()];
    BOOST_TEST_REQUIRE(got.size() == expected.size(), def.qualified_name());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const auto& c = expected[i];
      const auto& [key, value] = got[i];
      auto where = def.qualified_name() + " row " + std::to_string(i);
      BOOST_TEST(key.at("ts").to_number<std::uint64_t>() == c.commit_ts, where);
      if (c.op == row_op::remove) {
        BOOST_TEST_REQUIRE(value.contains("d"), where);
        check_open_columns(def, value.at("d").as_object(), c.old_values, where);
        continue;
      }
      BOOST_TEST_REQUIRE(value.contains("u"), where);
      check_open_columns(def, value.at("u").as_object(), c.new_values, where);
      BOOST_TEST(value.contains("p") == (c.op == row_op::update), where << ": old values only for updates");
      if (c.op == row_op::update)
        check_open_columns(def, value.at("p").as_object(), c.old_values, where);
    }
  }
}

BOOST_AUTO_TEST_CASE(dispatchers_choose_each_rows_topic_and_partition) {
  test::kafka_mock kafka;
  kafka.create_topic("cdc-rest", 3);
  for (int t = 0; t < 8; ++t)
    kafka.create_topic("cdc_test0_t" + std::to_string(t), 3);
  test::sink_server srv{http::server_options{}};
  auto w = around_now(4000, 2000);
  srv.create("routed", "kafka://" + kafka.bootstrap() + "/cdc-rest?protocol=canal-json&enable-tidb-extension=true",
             w.start, w.target,
             R"({"sink":{"dispatchers":[)"
             R"({"matcher":["test0.*"],"topic":"cdc_{schema}_{table}","partition":"index-value"},)"
             R"({"matcher":["test1.*"],"partition":"ts"}]}})");
  BOOST_REQUIRE_MESSAGE(srv.wait_state("routed", "finished", 60), boost::json::serialize(srv.feed("routed")));
  auto rest = read_canal_topic(kafka, "cdc-rest");
  for (const auto& def : upstream().tables) {
    auto name = def.qualified_name();
    if (def.schema == "test0") {
      BOOST_TEST(!rest.rows.count(name), name << " belongs in its own topic");
      auto own = read_canal_topic(kafka, "cdc_test0_" + def.name);
      BOOST_TEST_REQUIRE(own.rows.size() == 1u, name);
      test::check_canal_records(in_commit_order(own.rows.at(name)), model::upstream::table_workload{def}, w.start,
                                w.target);
      // index-value: a key always lands in the same partition, and keys spread.
      std::map<std::string, std::set<std::int32_t>> by_key;
      for (const auto& r : test::read_kafka_topic(kafka.bootstrap(), "cdc_test0_" + def.name).records)
        if (auto v = parse_object(r.value); !is_watermark(v))
          by_key[std::string(v.at("data").as_array().at(0).as_object().at("id").as_string())].insert(r.partition);
      std::set<std::int32_t> used;
      for (const auto& [key, parts] : by_key) {
        BOOST_TEST(parts.size() == 1u, name << " key " << key);
        used.insert(parts.begin(), parts.end());
      }
      BOOST_TEST(used.size() > 1u, name << ": index-value spreads keys");
      continue;
    }
    BOOST_TEST_REQUIRE(rest.rows.count(name), name);
    test::check_canal_records(in_commit_order(rest.rows.at(name)), model::upstream::table_workload{def}, w.start,
                              w.target);
  }
  // ts: the partition is the commit TS modulo the partition count.
  for (const auto& r : test::read_kafka_topic(kafka.bootstrap(), "cdc-rest").records) {
    auto v = parse_object(r.value);
    if (is_watermark(v) || v.at("database").as_string() != "test1")
      continue;
    BOOST_TEST(static_cast<std::uint64_t>(r.partition) == commit_of(v) % 3, "offset " << r.offset);
  }
}

BOOST_AUTO_TEST_CASE(a_broker_outage_shows_as_error_and_the_feed_catches_up_with_no_row_lost) {
  test::kafka_mock kafka;
  kafka.create_topic("cdc-outage", 3);
  test::sink_server srv{http::server_options{}};
  auto w = around_now(2000, 8000);
  srv.create("outage",
             "kafka://" + kafka.bootstrap() + "/cdc-outage?protocol=canal-json&enable-tidb-extension=true"
               + "&write-timeout=2s",
             w.start, w.target);
  // Mid-stream: some rows are in, the target is seconds away.
  BOOST_REQUIRE(test::eventually(
    [&] { return srv.feed("outage").at("checkpoint_ts").to_number<std::uint64_t>() > w.start; }, 15));
  kafka.all_down();
  BOOST_REQUIRE_MESSAGE(srv.wait_state("outage", "error", 30), boost::json::serialize(srv.feed("outage")));
  BOOST_TEST(feed_error_code(srv, "outage") == "CDC:ErrKafkaAsyncSendMessage");
  kafka.all_up();
  // The first retry comes after TiCDC's 10 s back-off.
  BOOST_REQUIRE_MESSAGE(srv.wait_state("outage", "finished", 90), boost::json::serialize(srv.feed("outage")));
  // At least once: every change is there, perhaps twice, and nothing else.
  auto got = read_canal_topic(kafka, "cdc-outage", false);
  for (const auto& def : upstream().tables) {
    std::map<std::uint64_t, const model::upstream::row_change*> expected;
    auto changes = changes_of(def, w);
    for (const auto& c : changes)
      expected[c.commit_ts] = &c;
    std::set<std::uint64_t> seen;
    for (const auto& text : got.rows[def.qualified_name()].records) {
      auto v = parse_object(text);
      auto commit = commit_of(v);
      BOOST_TEST_REQUIRE(expected.count(commit), def.qualified_name() << ": a row the upstream never wrote");
      const auto& c = *expected[commit];
      const auto& values = c.op == row_op::remove ? c.old_values : c.new_values;
      auto id = std::string(v.at("data").as_array().at(0).as_object().at("id").as_string());
      BOOST_TEST(id == model::upstream::to_text(values[def.key_column()]));
      seen.insert(commit);
    }
    BOOST_TEST(seen.size() == expected.size(), def.qualified_name() << ": rows lost");
  }
}

BOOST_AUTO_TEST_CASE(transient_broker_errors_are_retried_without_failing_the_feed) {
  test::kafka_mock kafka;
  kafka.create_topic("cdc-flaky", 3);
  test::sink_server srv{http::server_options{}};
  auto w = around_now(3000, 3000);
  // The next produce requests answer NOT_LEADER_OR_FOLLOWER (Kafka API 0,
  // error 6), which librdkafka retries after refreshing its metadata.
  kafka.command("errors 0 6 5");
  srv.create("flaky", "kafka://" + kafka.bootstrap() + "/cdc-flaky?protocol=canal-json&enable-tidb-extension=true",
             w.start, w.target);
  bool failed = false;
  BOOST_REQUIRE(test::eventually(
    [&] {
      auto state = srv.state("flaky");
      failed = failed || state == "error" || state == "failed";
      return state == "finished";
    },
    60));
  BOOST_TEST(!failed, "a retried error never reaches the changefeed");
  check_canal_rows(read_canal_topic(kafka, "cdc-flaky"), w);
}

BOOST_AUTO_TEST_CASE(create_checks_the_brokers_as_ticdc_does) {
  test::kafka_mock kafka;
  kafka.create_topic("small", 2);
  test::sink_server srv{http::server_options{}};
  auto post = [&](const std::string& id, const std::string& uri) {
    return srv.api.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":")" + uri + R"("})");
  };
  // Nobody listens: TiCDC cannot make its producer.
  auto r = post("nobody", "kafka://127.0.0.1:" + std::to_string(test::free_port()) + "/t?protocol=canal-json");
  BOOST_TEST(r.status == 500u);
  BOOST_TEST(r.error_code() == "CDC:ErrKafkaNewProducer", r.body);
  // More partitions asked for than the topic has.
  r = post("wide", "kafka://" + kafka.bootstrap() + "/small?protocol=canal-json&partition-num=4");
  BOOST_TEST(r.status == 500u);
  BOOST_TEST(r.error_code() == "CDC:ErrKafkaInvalidPartitionNum", r.body);
  // A protocol this server does not encode is refused up front.
  r = post("maxwell", "kafka://" + kafka.bootstrap() + "/small?protocol=maxwell");
  BOOST_TEST(r.status == 400u);
  BOOST_TEST(r.error_code() == "CDC:ErrSinkURIInvalid", r.body);
  BOOST_TEST(r.body.find("maxwell") != std::string::npos, r.body);
  // A topic that exists with enough partitions is fine.
  r = post("fits", "kafka://" + kafka.bootstrap() + "/small?protocol=canal-json&partition-num=2");
  BOOST_TEST(r.status == 200u, r.body);
}

BOOST_AUTO_TEST_CASE(a_row_larger_than_max_message_bytes_fails_the_feed) {
  test::kafka_mock kafka;
  kafka.create_topic("tiny", 3);
  test::sink_server srv{http::server_options{}};
  auto w = around_now(2000, 1000);
  srv.create("tiny", "kafka://" + kafka.bootstrap() + "/tiny?protocol=canal-json&max-message-bytes=128", w.start,
             w.target);
  BOOST_REQUIRE_MESSAGE(srv.wait_state("tiny", "error", 30), boost::json::serialize(srv.feed("tiny")));
  BOOST_TEST(feed_error_code(srv, "tiny") == "CDC:ErrMessageTooLarge");
}

BOOST_AUTO_TEST_SUITE_END()
