// Our text writer for GET /metrics writes exactly what prometheus-cpp's
// TextSerializer writes (the e2e test has Prometheus itself parse it).
#include <limits>

#include <boost/test/unit_test.hpp>
#include <prometheus/text_serializer.h>

#include "metrics/families.hpp"
#include "metrics/text_format.hpp"

using namespace cdc::metrics;
using prometheus::MetricType;

BOOST_AUTO_TEST_SUITE(metrics_text_format)

BOOST_AUTO_TEST_CASE(it_matches_prometheus_cpps_serializer) {
  std::vector<prometheus::MetricFamily> families;
  auto gauge = make_family("g", "a gauge", MetricType::Gauge);
  add_series(gauge, {{"namespace", "default"}, {"changefeed", "a\"b\\c\nd"}}).gauge.value = 1796399015313.0;
  add_series(gauge, {{"changefeed", "x"}}).gauge.value = -0.5;
  add_series(gauge, {}).gauge.value = 0;
  families.push_back(gauge);
  auto counter = make_family("c_total", "a counter", MetricType::Counter);
  add_series(counter, {{"method", "GET"}, {"status", "200"}}).counter.value = 12345;
  add_series(counter, {}).counter.value = 2.25;
  families.push_back(counter);
  auto histogram = make_family("h_seconds", "a histogram", MetricType::Histogram);
  // A copy: the second add_series may move the first series (a vector).
  prometheus::ClientMetric::Histogram h;
  h.sample_count = 3;
  h.sample_sum = 1.5;
  h.bucket = {{1, 0.5}, {2, 1}, {3, std::numeric_limits<double>::infinity()}};
  add_series(histogram, {{"route", "/api/v2/changefeeds/{changefeed_id}"}}).histogram = h;
  add_series(histogram, {}).histogram = h;
  families.push_back(histogram);

  BOOST_TEST(text_format(families) == prometheus::TextSerializer{}.Serialize(families));
}

// The format asks HELP text to escape backslash and newline (prometheus-cpp
// 1.0.1's serializer writes them raw, and a raw newline breaks the scrape).
BOOST_AUTO_TEST_CASE(help_text_escapes_backslash_and_newline) {
  auto gauge = make_family("g", "one \\ two\nthree", MetricType::Gauge);
  add_series(gauge, {}).gauge.value = 1;
  BOOST_TEST(text_format({gauge}) == "# HELP g one \\\\ two\\nthree\n# TYPE g gauge\ng 1\n");
}

BOOST_AUTO_TEST_SUITE_END()
