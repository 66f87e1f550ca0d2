// What the API asks of the upstream and tells of the cluster, over real
// sockets: POST /tso, POST /verify_table, DELETE /unsafe/service_gc_safepoint,
// POST /unsafe/resolve_lock and GET /unsafe/metadata, with TiCDC's shapes
// and errors.
#include <chrono>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

/// The default catalog, with test0.t1 left without a primary key (TiCDC
/// cannot replicate it unless forced).
http::server_options with_an_ineligible_table() {
  auto o = server_fixture::options(1);
  auto cat = model::upstream::default_catalog();
  for (auto& t : cat.tables)
    if (t.schema == "test0" && t.name == "t1")
      for (auto& c : t.columns)
        c.primary_key = false;
  o.cluster.catalog = std::make_shared<const model::upstream::catalog>(std::move(cat));
  return o;
}

struct one_ineligible : server_fixture {
  one_ineligible() : server_fixture(with_an_ineligible_table()) {}
};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
    .count();
}

std::vector<std::string> names(const boost::json::value& list) {
  std::vector<std::string> out;
  for (const auto& t : list.as_array())
    out.push_back(std::string(t.at("database_name").as_string()) + "." + std::string(t.at("table_name").as_string()));
  return out;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(upstream_api, one_ineligible)

BOOST_AUTO_TEST_CASE(tso_answers_pds_clock_now) {
  auto c = client();
  auto before = now_ms();
  auto r = c.post("/api/v2/tso", "{}");
  BOOST_TEST(r.status == 200u, r.body);
  auto js = r.json().as_object();
  BOOST_TEST(js.size() == 2u);
  auto ts = js.at("timestamp").as_int64();
  BOOST_TEST(ts >= before - 1000);
  BOOST_TEST(ts <= now_ms() + 1000);
  BOOST_TEST(js.at("logic_time").is_number());
  // Strictly increasing, as PD's.
  auto next = c.post("/api/v2/tso", "{}").json().as_object();
  BOOST_TEST((next.at("timestamp").as_int64() > ts
              || (next.at("timestamp").as_int64() == ts
                  && next.at("logic_time").to_number<std::int64_t>() > js.at("logic_time").to_number<std::int64_t>())));
}

BOOST_AUTO_TEST_CASE(tso_refuses_what_ticdc_refuses) {
  auto c = client();
  check_error(c.post("/api/v2/tso", ""), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v2/tso", R"({"id":"wrong-type"})"), 400, "CDC:ErrAPIInvalidParam");
  auto unknown = c.post("/api/v2/tso", R"({"id":1})");
  check_error(unknown, 500, "CDC:ErrUpstreamNotFound");
  BOOST_TEST(unknown.body.find("cluster-id: 1") != std::string::npos, unknown.body);
  check_error(c.post("/api/v2/tso", R"({"pd_addrs":["http://10.255.255.1:2379"]})"), 500, "CDC:ErrInternalServerError");
  BOOST_TEST(c.post("/api/v2/tso", R"({"pd_addrs":["http://127.0.0.1:2379"]})").status == 200u);
}

BOOST_AUTO_TEST_CASE(verify_table_splits_eligible_from_ineligible) {
  auto c = client();
  auto r = c.post("/api/v2/verify_table", R"({"replica_config":{"filter":{"rules":["test0.*"]}}})");
  BOOST_TEST(r.status == 200u, r.body);
  auto js = r.json().as_object();
  BOOST_TEST(names(js.at("ineligible_tables")) == std::vector<std::string>{"test0.t1"},
             boost::test_tools::per_element());
  BOOST_TEST(js.at("eligible_tables").as_array().size() == 7u);
  auto first = js.at("eligible_tables").as_array().at(0).as_object();
  BOOST_TEST(first.at("database_name").as_string() == "test0");
  BOOST_TEST(first.at("table_name").as_string() == "t0");
  BOOST_TEST(first.at("table_id").as_int64() == 100);
  BOOST_TEST(first.at("is_partition").as_bool() == false);

  // Forced, every table is eligible, and an empty list's key is left out.
  auto forced =
    c.post("/api/v2/verify_table", R"({"replica_config":{"force_replicate":true,"filter":{"rules":["test0.*"]}}})");
  BOOST_TEST(!forced.json().as_object().contains("ineligible_tables"), forced.body);
  BOOST_TEST(forced.json().at("eligible_tables").as_array().size() == 8u);
  BOOST_TEST(c.post("/api/v2/verify_table", R"({"replica_config":{"filter":{"rules":["nothing.*"]}}})").body == "{}");
}

BOOST_AUTO_TEST_CASE(verify_table_refuses_bad_rules_uris_and_bodies) {
  auto c = client();
  check_error(c.post("/api/v2/verify_table", R"({"replica_config":{"filter":{"rules":["a.b.c.d"]}}})"), 400,
              "CDC:ErrFilterRuleInvalid");
  check_error(c.post("/api/v2/verify_table", R"({"sink_uri":"::not a uri"})"), 400, "CDC:ErrSinkURIInvalid");
  check_error(c.post("/api/v2/verify_table", R"({"start_ts":"x"})"), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v2/verify_table", ""), 400, "CDC:ErrAPIInvalidParam");
}

BOOST_AUTO_TEST_CASE(service_gc_safepoint_delete_needs_an_upstream_body) {
  auto c = client();
  auto r = c.request("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{}", true);
  BOOST_TEST(r.status == 200u, r.body);
  BOOST_TEST(r.body == "{}");
  check_error(c.del("/api/v2/unsafe/service_gc_safepoint"), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.request("DELETE", "/api/v2/unsafe/service_gc_safepoint", R"({"id":5})", true), 500,
              "CDC:ErrUpstreamNotFound");
}

BOOST_AUTO_TEST_CASE(resolve_lock_checks_region_and_ts) {
  auto c = client();
  auto zero = c.post("/api/v2/unsafe/resolve_lock", R"({"region_id":0,"ts":5})");
  check_error(zero, 400, "CDC:ErrAPIInvalidParam");
  BOOST_TEST(zero.body.find("region_id and ts must be non-zero") != std::string::npos, zero.body);
  check_error(c.post("/api/v2/unsafe/resolve_lock", R"({"region_id":"x"})"), 400, "CDC:ErrAPIInvalidParam");
  auto ok = c.post("/api/v2/unsafe/resolve_lock", R"({"region_id":7,"ts":449530480295739393})");
  BOOST_TEST(ok.status == 200u, ok.body);
  BOOST_TEST(ok.body == "{}");
}

BOOST_AUTO_TEST_CASE(metadata_lists_ticdcs_keys_in_order) {
  auto c = client();
  BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"m","sink_uri":"blackhole://u:secret@h/",
                                      "replica_config":{"ignore_ineligible_table":true}})").status
                == 200u);
  auto r = c.get("/api/v2/unsafe/metadata");
  BOOST_TEST(r.status == 200u, r.body);
  std::vector<std::string> keys;
  boost::json::object info;
  auto entries = r.json();
  for (const auto& kv : entries.as_array()) {
    keys.push_back(std::string(kv.at("key").as_string()));
    if (keys.back() == "/tidb/cdc/default/default/changefeed/info/m")
      info = boost::json::parse(kv.at("value").as_string()).as_object();
  }
  BOOST_TEST(std::is_sorted(keys.begin(), keys.end()));
  auto capture = "/tidb/cdc/default/__cdc_meta__/capture/" + srv->nodes()[0]->capture_id();
  BOOST_TEST((std::find(keys.begin(), keys.end(), capture) != keys.end()));
  BOOST_TEST((std::find(keys.begin(), keys.end(), "/tidb/cdc/default/default/changefeed/status/m") != keys.end()));
  BOOST_REQUIRE(!info.empty());
  // Unlike TiCDC's: no answer shows a sink password.
  BOOST_TEST(info.at("sink-uri").as_string() == "blackhole://u:xxxxx@h/");
  BOOST_TEST(info.at("changefeed-id").as_string() == "m");
}

BOOST_AUTO_TEST_SUITE_END()
