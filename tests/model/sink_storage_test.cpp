// Storage, blackhole and unknown-scheme sink checks (reference 7.1, 7.4, 6.3
// cloud_storage_config).
#include <boost/test/unit_test.hpp>

#include "model/sink/validate.hpp"

using namespace cdc::model;
using namespace cdc::model::sink;
using namespace std::chrono_literals;

namespace {

result<storage_params> storage(std::string_view text) {
  auto params = validate_sink(text);
  if (!params)
    return params.error();
  return std::get<storage_params>(*params);
}

void expect_storage_invalid(std::string_view text, std::string_view message) {
  auto r = storage(text);
  BOOST_REQUIRE_MESSAGE(r.has_error(), text);
  BOOST_TEST((r.error().kind == api_error::storage_sink_invalid_config));
  BOOST_TEST(http_status_of(r.error().kind) == 500u);
  BOOST_TEST(r.error().message == message);
}

constexpr std::int64_t mib = 1024 * 1024;

} // namespace

BOOST_AUTO_TEST_SUITE(sink_storage)

BOOST_AUTO_TEST_CASE(storage_defaults_follow_ticdc) {
  auto p = storage("file:///tmp/cdc?protocol=csv");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->scheme == "file");
  BOOST_TEST(p->location == "/tmp/cdc");
  BOOST_TEST((p->proto == protocol::csv));
  BOOST_TEST(p->worker_count == 16);
  BOOST_TEST(p->flush_interval.count() == std::chrono::nanoseconds{5s}.count());
  BOOST_TEST(p->file_size == 64 * mib);
}

BOOST_AUTO_TEST_CASE(every_storage_scheme_accepts_csv_and_canal_json) {
  for (auto scheme : {"file", "s3", "gcs", "gs", "azblob", "azure", "noop"})
    for (auto proto : {"csv", "canal-json"})
      BOOST_TEST(storage(std::string{scheme} + "://bucket/prefix?protocol=" + proto).has_value(),
                 scheme << " " << proto);
}

BOOST_AUTO_TEST_CASE(bucket_and_prefix_make_the_location) {
  BOOST_TEST(storage("s3://bucket/a/b?protocol=csv")->location == "bucket/a/b");
}

BOOST_AUTO_TEST_CASE(other_protocols_are_500_unknown_protocol) {
  auto r = storage("s3://bucket/p?protocol=avro");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST((r.error().kind == api_error::sink_unknown_protocol));
  BOOST_TEST(r.error().message == "unknown 'avro' message protocol for sink");
  auto dflt = storage("s3://bucket/p?protocol=default");
  BOOST_TEST(dflt.error().message == "unknown 'open-protocol' message protocol for sink");
}

BOOST_AUTO_TEST_CASE(worker_count_must_be_positive_and_is_capped_at_512) {
  BOOST_TEST(storage("file:///d?protocol=csv&worker-count=4")->worker_count == 4);
  BOOST_TEST(storage("file:///d?protocol=csv&worker-count=9999")->worker_count == 512);
  expect_storage_invalid("file:///d?protocol=csv&worker-count=0",
                         "storage sink config invalid: invalid worker-count 0, it must be greater than 0");
  expect_storage_invalid("file:///d?protocol=csv&worker-count=four",
                         R"(storage sink config invalid: strconv.Atoi: parsing "four": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(empty_worker_count_means_default) {
  BOOST_TEST(storage("file:///d?protocol=csv&worker-count=")->worker_count == 16);
}

BOOST_AUTO_TEST_CASE(flush_interval_is_clamped_to_2s_and_10min) {
  BOOST_TEST(storage("file:///d?protocol=csv&flush-interval=30s")->flush_interval.count()
             == std::chrono::nanoseconds{30s}.count());
  BOOST_TEST(storage("file:///d?protocol=csv&flush-interval=100ms")->flush_interval.count()
             == std::chrono::nanoseconds{2s}.count());
  BOOST_TEST(storage("file:///d?protocol=csv&flush-interval=1h")->flush_interval.count()
             == std::chrono::nanoseconds{10min}.count());
  expect_storage_invalid("file:///d?protocol=csv&flush-interval=5",
                         R"(storage sink config invalid: time: missing unit in duration "5")");
}

BOOST_AUTO_TEST_CASE(file_size_is_clamped_to_1mib_and_512mib) {
  BOOST_TEST(storage("file:///d?protocol=csv&file-size=8388608")->file_size == 8 * mib);
  BOOST_TEST(storage("file:///d?protocol=csv&file-size=10")->file_size == mib);
  BOOST_TEST(storage("file:///d?protocol=csv&file-size=9999999999")->file_size == 512 * mib);
  expect_storage_invalid("file:///d?protocol=csv&file-size=1MB",
                         R"(storage sink config invalid: strconv.Atoi: parsing "1MB": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(parameters_are_checked_before_the_protocol) {
  expect_storage_invalid("file:///d?protocol=avro&worker-count=0",
                         "storage sink config invalid: invalid worker-count 0, it must be greater than 0");
}

BOOST_AUTO_TEST_CASE(blackhole_accepts_anything) {
  for (auto text : {"blackhole://", "blackhole://create=test", "blackhole://?aa=bb",
                    "blackhole://127.0.0.1:9092/test?protocol=avro", "blackhole://x/y?protocol=nonsense"}) {
    auto r = validate_sink(text);
    BOOST_REQUIRE_MESSAGE(r.has_value(), text);
    BOOST_TEST(std::holds_alternative<blackhole_params>(*r));
  }
}

BOOST_AUTO_TEST_CASE(unknown_scheme_fails_at_sink_creation_with_400) {
  for (auto [text, scheme] : {std::pair{"aaab://", "aaab"}, std::pair{"nosuchscheme://h/p", "nosuchscheme"},
                              std::pair{"abc", ""}}) {
    auto r = validate_sink(text);
    BOOST_REQUIRE_MESSAGE(r.has_error(), text);
    BOOST_TEST((r.error().kind == api_error::sink_uri_invalid));
    BOOST_TEST(r.error().message == "the sink scheme (" + std::string{scheme} + ") is not supported");
  }
}

BOOST_AUTO_TEST_CASE(validation_reports_parse_errors_first) {
  auto r = validate_sink("");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().message == "sink_uri is empty, cannot create a changefeed without sink_uri");
}

BOOST_AUTO_TEST_SUITE_END()
