// GET /metrics answers Prometheus' text format with TiCDC's owner gauges for
// every changefeed (labelled namespace and changefeed), request counts per
// route pattern, sink write histograms, the rows all sinks took, and the
// process metrics; a feed's series follow its state and are gone once it is
// removed.
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/support/meta_records.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc::test;

namespace {

struct metrics_api : server_fixture {
  metrics_api() : c(client()) {}

  void create(const std::string& id, const std::string& uri = "blackhole://") {
    auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":")" + uri + R"("})");
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
  }

  std::string scrape() {
    auto r = c.get("/metrics");
    BOOST_REQUIRE_EQUAL(r.status, 200u);
    return r.body;
  }

  static bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

  http_client c;
};

const std::string feed_a = R"({namespace="default",changefeed="a"})";

} // namespace

BOOST_AUTO_TEST_SUITE(metrics_api)

BOOST_FIXTURE_TEST_CASE(a_scrape_is_prometheus_text_with_the_owner_gauges_of_a_created_feed, metrics_api) {
  create("a");
  auto r = c.get("/metrics");
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.content_type.starts_with("text/plain; version=0.0.4"), r.content_type);
  for (auto family : {"ticdc_owner_checkpoint_ts", "ticdc_owner_checkpoint_ts_lag", "ticdc_owner_resolved_ts",
                      "ticdc_owner_resolved_ts_lag"}) {
    BOOST_TEST(has(r.body, std::string("# TYPE ") + family + " gauge\n"), family);
    BOOST_TEST(has(r.body, family + feed_a + " "), family);
  }
  BOOST_TEST(has(r.body, "ticdc_owner_status" + feed_a + " 0\n"), r.body.substr(0, 2000)); // normal
  BOOST_TEST(has(r.body, "# TYPE ticdc_owner_ownership_counter counter\n"));
  // The default catalog's tables, all on this process's captures.
  BOOST_TEST(eventually([&] { return has(scrape(), "ticdc_processor_num_of_tables" + feed_a + " "); }));
  for (auto family : {"process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes",
                      "process_open_fds", "process_max_fds", "process_start_time_seconds"})
    BOOST_TEST(has(r.body, std::string("\n") + family + " "), family);
}

BOOST_FIXTURE_TEST_CASE(concurrent_scrapes_are_all_answered_and_other_routes_keep_serving, metrics_api) {
  create("a");
  // Scrapes run off the I/O threads, one at a time, shared by the requests
  // that wait for the same one.
  std::vector<std::thread> scrapers;
  std::vector<unsigned> statuses(16);
  std::vector<char> complete(16); // not vector<bool>: each thread writes its own element
  for (std::size_t i = 0; i < statuses.size(); ++i)
    scrapers.emplace_back([&, i] {
      auto r = client().get("/metrics");
      statuses[i] = r.status;
      complete[i] = has(r.body, "ticdc_owner_status" + feed_a) && r.body.ends_with("\n");
    });
  BOOST_TEST(c.get("/api/v2/status").status == 200u);
  for (auto& t : scrapers)
    t.join();
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    BOOST_TEST(statuses[i] == 200u, i);
    BOOST_TEST(complete[i] != 0, i);
  }
}

BOOST_FIXTURE_TEST_CASE(requests_are_counted_by_route_pattern_not_by_path, metrics_api) {
  create("a");
  BOOST_TEST(c.get("/api/v2/changefeeds/a").status == 200u);
  BOOST_TEST(c.get("/api/v2/changefeeds/nope").status == 400u);
  BOOST_TEST(c.get("/no/such/path").status == 404u);
  auto text = scrape();
  BOOST_TEST(has(text, R"(ticdc_http_requests_total{method="POST",route="/api/v2/changefeeds",status="200"} 1)"), text);
  BOOST_TEST(has(text, R"(ticdc_http_requests_total{method="GET",route="/api/v2/changefeeds/{changefeed_id}",status="200"} 1)"));
  BOOST_TEST(has(text, R"(ticdc_http_requests_total{method="GET",route="/api/v2/changefeeds/{changefeed_id}",status="400"} 1)"));
  BOOST_TEST(has(text, R"(ticdc_http_requests_total{method="other",route="unrouted",status="404"} 1)"));
  BOOST_TEST(!has(text, "/no/such/path"));
  BOOST_TEST(!has(text, "nope"));
  BOOST_TEST(has(text, R"(ticdc_http_request_duration_seconds_count{method="POST",route="/api/v2/changefeeds"} 1)"));
}

BOOST_FIXTURE_TEST_CASE(a_paused_feed_shows_its_state_and_no_progress, metrics_api) {
  create("a");
  BOOST_TEST(c.post("/api/v2/changefeeds/a/pause").status == 200u);
  auto text = scrape();
  BOOST_TEST(has(text, "ticdc_owner_status" + feed_a + " 3\n")); // TiCDC's number for stopped
  BOOST_TEST(!has(text, "ticdc_owner_checkpoint_ts" + feed_a));
}

BOOST_FIXTURE_TEST_CASE(a_removed_feeds_series_disappear, metrics_api) {
  create("a");
  create("b");
  BOOST_TEST(has(scrape(), "ticdc_owner_status" + feed_a));
  BOOST_TEST(c.del("/api/v2/changefeeds/a").status == 200u);
  auto text = scrape();
  BOOST_TEST(!has(text, R"(changefeed="a")"), text.substr(0, 2000));
  BOOST_TEST(has(text, R"(ticdc_owner_status{namespace="default",changefeed="b"} 0)"));
}

BOOST_FIXTURE_TEST_CASE(a_file_sink_reports_its_writes_until_its_feed_is_removed, metrics_api) {
  temp_dir dir{"metrics-sink"};
  create("f", "file://" + dir.path.string() + "?protocol=csv&flush-interval=2s");
  const std::string series = R"(ticdc_sink_txn_batch_size_count{namespace="default",changefeed="f",type="storage"})";
  BOOST_TEST(eventually([&] { return has(scrape(), series); }, 20.0));
  BOOST_TEST(has(scrape(), R"(ticdc_sink_txn_exec_duration_bucket{namespace="default",changefeed="f",type="storage",le="+Inf"})"));
  BOOST_TEST(c.del("/api/v2/changefeeds/f").status == 200u);
  // The sink ends shortly after its processor; its series go with it.
  BOOST_TEST(eventually([&] { return !has(scrape(), R"(changefeed="f")"); }, 10.0));
}

BOOST_FIXTURE_TEST_CASE(the_rows_every_sink_took_add_up_blackhole_included, metrics_api) {
  auto rows = [&] {
    auto text = scrape();
    const std::string name = "\ncdc_actor_sink_rows_total ";
    auto at = text.find(name);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, text.substr(0, 2000));
    return std::stod(text.substr(at + name.size()));
  };
  BOOST_TEST(has(scrape(), "# TYPE cdc_actor_sink_rows_total counter\n"));
  auto before = rows();
  // The default upstream writes to every table: a blackhole feed's rows count.
  create("a");
  BOOST_TEST(eventually([&] { return rows() > before; }, 20.0));
  auto later = rows();
  BOOST_TEST(eventually([&] { return rows() > later; }, 20.0));
}

BOOST_AUTO_TEST_SUITE_END()
