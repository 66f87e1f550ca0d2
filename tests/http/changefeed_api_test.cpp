// Every changefeed and processor endpoint over real sockets against a real
// server on port 0, with the error cases users hit.
#include <map>
#include <set>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"
#include "tests/support/test_sinks.hpp"

using namespace cdc;
using namespace cdc::test;
namespace json = boost::json;

namespace {

struct api : server_fixture {
  api() : server_fixture(3), c(client()) {}

  json::object create(const std::string& id, const std::string& extra = "") {
    auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://")" + extra + "}");
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    return r.json().as_object();
  }

  json::object get(const std::string& id) {
    auto r = c.get("/api/v2/changefeeds/" + id);
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    return r.json().as_object();
  }

  std::string state(const std::string& id) { return std::string(get(id).at("state").as_string()); }

  std::set<std::string> listed(const std::string& query = "") {
    std::set<std::string> out;
    auto js = c.get("/api/v2/changefeeds" + query).json().as_object();
    BOOST_TEST(js.at("total").as_int64() == static_cast<std::int64_t>(js.at("items").as_array().size()));
    for (const auto& it : js.at("items").as_array())
      out.insert(std::string(it.at("id").as_string()));
    return out;
  }

  http_client c;
};

} // namespace

BOOST_AUTO_TEST_SUITE(changefeed_api)

BOOST_FIXTURE_TEST_CASE(create_answers_the_detail_with_defaults, api) {
  auto d = create("cf-1");
  BOOST_TEST(d.at("id").as_string() == "cf-1");
  BOOST_TEST(d.at("namespace").as_string() == "default");
  BOOST_TEST(d.at("state").as_string() == "normal");
  BOOST_TEST(d.at("sink_uri").as_string() == "blackhole://");
  BOOST_TEST((d.at("start_ts").to_number<std::uint64_t>() >> 18) > 1600000000000ull);
  BOOST_TEST(d.at("checkpoint_ts").to_number<std::uint64_t>() == d.at("start_ts").to_number<std::uint64_t>());
  const auto& cfg = d.at("config").as_object();
  BOOST_TEST(cfg.at("memory_quota").as_int64() == 1073741824);
  BOOST_TEST(cfg.at("filter").at("rules").as_array().at(0).as_string() == "*.*");
  BOOST_TEST(d.at("error").is_null());
  BOOST_TEST(d.at("checkpoint_time").is_string());
}

BOOST_FIXTURE_TEST_CASE(the_list_shows_one_namespace, api) {
  create("in-default");
  BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"namespace":"ns1","changefeed_id":"in-ns1","sink_uri":"blackhole://"})")
                  .status
                == 200u);
  auto ids = [&](const std::string& query) {
    std::vector<std::string> out;
    auto list = c.get("/api/v2/changefeeds" + query).json();
    for (const auto& item : list.at("items").as_array())
      out.push_back(std::string(item.at("id").as_string()));
    return out;
  };
  BOOST_TEST(ids("") == std::vector<std::string>{"in-default"}, boost::test_tools::per_element());
  BOOST_TEST(ids("?namespace=ns1") == std::vector<std::string>{"in-ns1"}, boost::test_tools::per_element());
  BOOST_TEST(ids("?namespace=other").empty());
  // v1 knows no namespaces and lists them all.
  BOOST_TEST(c.get("/api/v1/changefeeds").json().as_array().size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(create_without_id_generates_a_uuid, api) {
  auto r = c.post("/api/v2/changefeeds", R"({"sink_uri":"blackhole://"})");
  BOOST_TEST(r.status == 200u);
  auto id = std::string(r.json().at("id").as_string());
  BOOST_TEST(id.size() == 36u);
}

BOOST_FIXTURE_TEST_CASE(create_errors_use_ticdc_codes, api) {
  check_error(c.post("/api/v2/changefeeds", R"({"changefeed_id":"x"})"), 400, "CDC:ErrSinkURIInvalid");
  check_error(c.post("/api/v2/changefeeds", R"({"changefeed_id":"bad_id","sink_uri":"blackhole://"})"), 400,
              "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v2/changefeeds", "[1,2"), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v2/changefeeds", ""), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v2/changefeeds", R"({"changefeed_id":"a","sink_uri":"blackhole://","start_ts":"x"})"),
              400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v2/changefeeds", R"({"changefeed_id":"a","sink_uri":"blackhole://","start_ts":5})"), 400,
              "CDC:ErrStartTsBeforeGC");
  check_error(c.post("/api/v2/changefeeds",
                     R"({"changefeed_id":"a","sink_uri":"blackhole://","replica_config":{"filter":{"rules":["nodot"]}}})"),
              400, "CDC:ErrFilterRuleInvalid");
  create("dup");
  check_error(c.post("/api/v2/changefeeds", R"({"changefeed_id":"dup","sink_uri":"blackhole://"})"), 500,
              "CDC:ErrChangeFeedAlreadyExists");
}

BOOST_FIXTURE_TEST_CASE(a_target_before_start_is_refused, api) {
  check_error(c.post("/api/v2/changefeeds",
                     R"({"changefeed_id":"t","sink_uri":"blackhole://","start_ts":0,"target_ts":1})"),
              400, "CDC:ErrTargetTsBeforeStartTs");
}

BOOST_FIXTURE_TEST_CASE(get_of_unknown_or_invalid_ids, api) {
  check_error(c.get("/api/v2/changefeeds/nope"), 400, "CDC:ErrChangeFeedNotExists");
  check_error(c.get("/api/v2/changefeeds/no_pe"), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.get("/api/v2/changefeeds/nope?namespace=other"), 400, "CDC:ErrChangeFeedNotExists");
}

BOOST_FIXTURE_TEST_CASE(list_filters_by_state, api) {
  create("a");
  create("b");
  BOOST_TEST((listed() == std::set<std::string>{"a", "b"}));
  BOOST_TEST(c.post("/api/v2/changefeeds/b/pause").status == 200u);
  BOOST_TEST((listed("?state=stopped") == std::set<std::string>{"b"}));
  BOOST_TEST((listed("?state=normal") == std::set<std::string>{"a"}));
  BOOST_TEST((listed("?state=all") == std::set<std::string>{"a", "b"}));
  BOOST_TEST(listed("?state=bogus").empty());
}

BOOST_FIXTURE_TEST_CASE(list_items_have_ticdc_fields, api) {
  create("a");
  auto item = c.get("/api/v2/changefeeds").json().at("items").as_array().at(0).as_object();
  for (auto k : {"upstream_id", "namespace", "id", "state", "checkpoint_tso", "checkpoint_time", "error"})
    BOOST_TEST(item.contains(k), k);
}

BOOST_FIXTURE_TEST_CASE(checkpoint_advances_under_the_default_workload, api) {
  auto start = create("run").at("checkpoint_ts").to_number<std::uint64_t>();
  BOOST_TEST(eventually([&] { return get("run").at("checkpoint_ts").to_number<std::uint64_t>() > start; }, 3.0));
  auto d = get("run");
  BOOST_TEST(d.at("checkpoint_ts").to_number<std::uint64_t>() <= d.at("resolved_ts").to_number<std::uint64_t>());
}

BOOST_FIXTURE_TEST_CASE(pause_update_resume_cycle, api) {
  create("cyc");
  BOOST_TEST(c.post("/api/v2/changefeeds/cyc/pause").body == "{}");
  BOOST_TEST(state("cyc") == "stopped");
  BOOST_TEST(get("cyc").at("admin_job_type").as_int64() == 1);
  auto r = c.post("/api/v2/changefeeds/cyc/resume", "{}");
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.body == "{}");
  BOOST_TEST(state("cyc") == "normal");
}

BOOST_FIXTURE_TEST_CASE(update_is_refused_while_running, api) {
  create("up");
  check_error(c.put("/api/v2/changefeeds/up", R"({"target_ts": 32})"), 400, "CDC:ErrChangefeedUpdateRefused");
  check_error(c.put("/api/v2/changefeeds/up", "[1,2"), 400, "CDC:ErrAPIInvalidParam");
}

BOOST_FIXTURE_TEST_CASE(lifecycle_calls_on_unknown_feeds, api) {
  check_error(c.post("/api/v2/changefeeds/ghost/pause"), 400, "CDC:ErrChangeFeedNotExists");
  check_error(c.post("/api/v2/changefeeds/ghost/resume", "{}"), 400, "CDC:ErrChangeFeedNotExists");
  check_error(c.put("/api/v2/changefeeds/ghost", R"({"target_ts": 32})"), 400, "CDC:ErrChangeFeedNotExists");
  BOOST_TEST(c.del("/api/v2/changefeeds/ghost").status == 200u);
  check_error(c.del("/api/v2/changefeeds/gh_ost"), 400, "CDC:ErrAPIInvalidParam");
}

BOOST_FIXTURE_TEST_CASE(resume_needs_a_body, api) {
  create("rb");
  c.post("/api/v2/changefeeds/rb/pause");
  check_error(c.post("/api/v2/changefeeds/rb/resume"), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v2/changefeeds/rb/resume", R"({"overwrite_checkpoint_ts": 1})"), 400,
              "CDC:ErrStartTsBeforeGC");
}

BOOST_FIXTURE_TEST_CASE(delete_removes_at_once_and_the_id_is_free_again, api) {
  create("del");
  BOOST_TEST(c.del("/api/v2/changefeeds/del").body == "{}");
  check_error(c.get("/api/v2/changefeeds/del"), 400, "CDC:ErrChangeFeedNotExists");
  BOOST_TEST(listed().empty());
  create("del");
}

BOOST_FIXTURE_TEST_CASE(processors_cover_each_table_once_evenly, api) {
  create("p");
  auto procs = c.get("/api/v2/processors").json().as_object();
  auto items = procs.at("items").as_array();
  BOOST_TEST(items.size() == 3u);
  std::set<std::int64_t> tables;
  std::size_t total = 0, lo = 1000, hi = 0;
  for (const auto& it : items) {
    BOOST_TEST(it.at("changefeed_id").as_string() == "p");
    auto d = c.get("/api/v2/processors/p/" + std::string(it.at("capture_id").as_string())).json();
    auto ids = d.at("table_ids").as_array();
    total += ids.size();
    lo = std::min(lo, ids.size());
    hi = std::max(hi, ids.size());
    for (const auto& id : ids)
      tables.insert(id.as_int64());
  }
  BOOST_TEST(total == 32u);
  BOOST_TEST(tables.size() == 32u);
  BOOST_TEST(hi - lo <= 1u);
}

BOOST_FIXTURE_TEST_CASE(processor_errors, api) {
  create("p");
  check_error(c.get("/api/v2/processors/p/no-such-capture"), 400, "CDC:ErrCaptureNotExist");
  check_error(c.get("/api/v2/processors/p/bad_capture"), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.get("/api/v2/processors/nofeed/" + srv->nodes()[0]->capture_id()), 400, "CDC:ErrChangeFeedNotExists");
  c.post("/api/v2/changefeeds/p/pause");
  check_error(c.get("/api/v2/processors/p/" + srv->nodes()[0]->capture_id()), 400, "CDC:ErrAPIInvalidParam");
  BOOST_TEST(c.get("/api/v2/processors").json().at("total").as_int64() == 0);
}

// A feed whose sink fails waits out its back-off in `error`; its processor
// detail is refused naming that state, the one GET shows.
BOOST_AUTO_TEST_CASE(processor_of_an_erroring_feed_names_its_real_state) {
  auto log = std::make_shared<sink_log>();
  log->failing = true;
  auto o = server_fixture::options(1);
  o.cluster.make_sink = recording_factory(log);
  server_fixture f{std::move(o)};
  auto c = f.client();
  auto created = c.post("/api/v2/changefeeds", R"({"changefeed_id":"bad","sink_uri":"blackhole://"})");
  BOOST_REQUIRE_MESSAGE(created.status == 200u, created.body);
  auto path = "/api/v2/processors/bad/" + f.srv->nodes()[0]->capture_id();
  BOOST_REQUIRE(eventually([&] { return c.get(path).status == 400u; }, 10));
  BOOST_TEST(c.get("/api/v2/changefeeds/bad").json().at("state").as_string() == "error");
  auto r = c.get(path);
  check_error(r, 400, "CDC:ErrAPIInvalidParam");
  BOOST_TEST(r.body.find("changefeed in abnormal state: error,") != std::string::npos, r.body);
}

BOOST_FIXTURE_TEST_CASE(feeds_survive_a_resign_with_tables_on_one_capture_each, api) {
  create("r1");
  create("r2");
  BOOST_TEST(c.post("/api/v2/owner/resign").status == 200u);
  BOOST_TEST(eventually([&] { return c.get("/api/v2/health").status == 200u; }));
  for (auto id : {"r1", "r2"}) {
    BOOST_TEST(get(id).at("state").as_string() == "normal");
    std::set<std::int64_t> tables;
    std::size_t total = 0;
    auto procs = c.get("/api/v2/processors").json();
    for (const auto& it : procs.at("items").as_array()) {
      if (it.at("changefeed_id").as_string() != id)
        continue;
      auto detail =
        c.get("/api/v2/processors/" + std::string(id) + "/" + std::string(it.at("capture_id").as_string())).json();
      auto ids = detail.at("table_ids").as_array();
      total += ids.size();
      for (const auto& t : ids)
        tables.insert(t.as_int64());
    }
    BOOST_TEST(total == 32u);
    BOOST_TEST(tables.size() == 32u);
  }
}

// The create answer shows the URI; its password must be masked. No MySQL
// runs here, so the sink check lets the sink through.
BOOST_AUTO_TEST_CASE(passwords_in_sink_uris_are_never_shown) {
  auto o = server_fixture::options(1);
  o.cluster.make_sink_probe = passing_probe_factory();
  server_fixture f{std::move(o)};
  auto r = f.client().post("/api/v2/changefeeds", R"({"changefeed_id":"m","sink_uri":"mysql://root:secret@127.0.0.1:1/"})");
  BOOST_TEST(r.status == 200u, r.body);
  BOOST_TEST(r.body.find("secret") == std::string::npos, r.body);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(changefeed_update)

BOOST_FIXTURE_TEST_CASE(target_ts_can_be_set_while_stopped, api) {
  auto start = create("u").at("start_ts").to_number<std::uint64_t>();
  c.post("/api/v2/changefeeds/u/pause");
  auto target = start + (std::uint64_t{3600000} << 18);
  auto r = c.put("/api/v2/changefeeds/u", R"({"target_ts":)" + std::to_string(target) + "}");
  BOOST_TEST(r.status == 200u, r.body);
  BOOST_TEST(r.json().at("target_ts").to_number<std::uint64_t>() == target);
  BOOST_TEST(get("u").at("target_ts").to_number<std::uint64_t>() == target);
  BOOST_TEST(state("u") == "stopped");
}

BOOST_FIXTURE_TEST_CASE(an_update_that_changes_nothing_is_refused, api) {
  create("u");
  c.post("/api/v2/changefeeds/u/pause");
  auto r = c.put("/api/v2/changefeeds/u", R"({"sink_uri":"blackhole://"})");
  check_error(r, 400, "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(r.body.find("same with the old one") != std::string::npos, r.body);
}

BOOST_FIXTURE_TEST_CASE(a_target_before_start_is_refused_on_update, api) {
  create("u");
  c.post("/api/v2/changefeeds/u/pause");
  auto r = c.put("/api/v2/changefeeds/u", R"({"target_ts": 5})");
  check_error(r, 400, "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(r.body.find("can not update target_ts:5 less than start_ts:") != std::string::npos, r.body);
}

BOOST_FIXTURE_TEST_CASE(an_invalid_sink_is_refused_and_nothing_changes, api) {
  create("u");
  c.post("/api/v2/changefeeds/u/pause");
  check_error(c.put("/api/v2/changefeeds/u", R"({"sink_uri":"nosuchscheme://"})"), 400,
              "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(get("u").at("sink_uri").as_string() == "blackhole://");
}

BOOST_FIXTURE_TEST_CASE(a_new_filter_takes_effect_on_resume, api) {
  create("u");
  c.post("/api/v2/changefeeds/u/pause");
  auto r = c.put("/api/v2/changefeeds/u", R"({"replica_config":{"filter":{"rules":["test2.*"]}}})");
  BOOST_TEST(r.status == 200u, r.body);
  BOOST_TEST(c.post("/api/v2/changefeeds/u/resume", "{}").status == 200u);
  std::size_t total = 0;
  auto procs = c.get("/api/v2/processors").json();
  for (const auto& it : procs.at("items").as_array()) {
    auto d = c.get("/api/v2/processors/u/" + std::string(it.at("capture_id").as_string())).json();
    for (const auto& id : d.at("table_ids").as_array()) {
      BOOST_TEST((id.as_int64() >= 116 && id.as_int64() <= 123));
      ++total;
    }
  }
  BOOST_TEST(total == 8u);
}

BOOST_FIXTURE_TEST_CASE(a_feed_reaching_its_target_finishes_and_leaves_the_default_list, api) {
  // A feed with a target in the near past of its start finishes at once.
  auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":"fin","sink_uri":"blackhole://"})");
  auto start = r.json().at("start_ts").to_number<std::uint64_t>();
  c.del("/api/v2/changefeeds/fin");
  auto target = start + (std::uint64_t{300} << 18);
  r = c.post("/api/v2/changefeeds", R"({"changefeed_id":"fin","sink_uri":"blackhole://","target_ts":)" +
                                        std::to_string(target) + "}");
  BOOST_REQUIRE(r.status == 200u);
  BOOST_TEST(eventually([&] { return state("fin") == "finished"; }, 5.0));
  BOOST_TEST(listed().count("fin") == 0u); // finished feeds are not in the default list
  BOOST_TEST(listed("?state=finished").count("fin") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cluster_placement)

/// Per changefeed, table -> captures holding it, from /processors.
std::map<std::string, std::map<std::int64_t, int>> placements(http_client& c) {
  std::map<std::string, std::map<std::int64_t, int>> out;
  auto procs = c.get("/api/v2/processors").json();
  for (const auto& it : procs.at("items").as_array()) {
    auto id = std::string(it.at("changefeed_id").as_string());
    auto d = c.get("/api/v2/processors/" + id + "/" + std::string(it.at("capture_id").as_string())).json();
    for (const auto& t : d.at("table_ids").as_array())
      ++out[id][t.as_int64()];
  }
  return out;
}

std::map<std::string, std::map<std::string, std::size_t>> loads(http_client& c) {
  std::map<std::string, std::map<std::string, std::size_t>> out;
  auto procs = c.get("/api/v2/processors").json();
  for (const auto& it : procs.at("items").as_array()) {
    auto id = std::string(it.at("changefeed_id").as_string());
    auto cap = std::string(it.at("capture_id").as_string());
    out[id][cap] = c.get("/api/v2/processors/" + id + "/" + cap).json().at("table_ids").as_array().size();
  }
  return out;
}

void check_every_table_once_and_even(http_client& c, std::size_t feeds) {
  auto p = placements(c);
  BOOST_TEST(p.size() == feeds);
  for (const auto& [id, tables] : p) {
    BOOST_TEST(tables.size() == 32u, id);
    for (const auto& [t, n] : tables)
      BOOST_TEST(n == 1, id << " table " << t);
  }
  for (const auto& [id, per_capture] : loads(c)) {
    BOOST_TEST(per_capture.size() == 3u);
    std::size_t lo = 1000, hi = 0;
    for (const auto& [cap, n] : per_capture) {
      lo = std::min(lo, n);
      hi = std::max(hi, n);
    }
    BOOST_TEST(hi - lo <= 1u, id);
  }
}

BOOST_FIXTURE_TEST_CASE(twenty_feeds_spread_evenly_and_stay_so_after_a_resign, api) {
  for (int i = 0; i < 20; ++i)
    create("feed-" + std::to_string(i));
  check_every_table_once_and_even(c, 20);
  BOOST_TEST(c.post("/api/v2/owner/resign").status == 200u);
  BOOST_TEST(eventually([&] { return c.get("/api/v2/health").status == 200u; }));
  check_every_table_once_and_even(c, 20);
}

BOOST_AUTO_TEST_SUITE_END()
