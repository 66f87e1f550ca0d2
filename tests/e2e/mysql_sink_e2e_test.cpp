// End to end: a real server replicates a known upstream into a real MariaDB
// (Debian's mariadb-server on a private port and data directory) and the
// downstream tables equal the upstream's state at the target TS; a MariaDB
// crash mid-stream shows as `error` with TiCDC's code, and after a restart the
// feed catches up to the same state.
#include <map>
#include <memory>

#include "model/upstream/workload.hpp"
#include "tests/e2e/sink_e2e_support.hpp"
#include "tests/support/mariadb.hpp"

using namespace cdc;
using model::upstream::column_type;

namespace {

std::shared_ptr<const model::upstream::catalog> app_catalog() {
  model::upstream::catalog c;
  c.tables.push_back({600, "app", "users",
                      {{"id", column_type::bigint, false, true},
                       {"name", column_type::varchar, true},
                       {"score", column_type::double_},
                       {"seen", column_type::datetime}},
                      200, 50});
  c.tables.push_back({601, "app", "events",
                      {{"code", column_type::varchar, false, true},
                       {"n", column_type::int32, true},
                       {"body", column_type::text, true}},
                      100, 20});
  return std::make_shared<const model::upstream::catalog>(std::move(c));
}

http::server_options app_server() {
  http::server_options o;
  o.cluster.catalog = app_catalog();
  return o;
}

/// One MariaDB for the suite: installing a data directory takes seconds.
test::mariadb_server& db() {
  static std::unique_ptr<test::mariadb_server> server;
  if (!server)
    server = std::make_unique<test::mariadb_server>(test::e2e_dir("mariadb"));
  server->start();
  return *server;
}

void reset_downstream() {
  sink_io::mysql_client c;
  BOOST_REQUIRE(c.connect(db().admin()).has_value());
  BOOST_REQUIRE(c.execute("DROP DATABASE IF EXISTS app").has_value());
}

/// Every downstream table equals the upstream's rows at `at`, column by column.
void check_downstream_equals_upstream(model::tso_t at) {
  sink_io::mysql_client c;
  BOOST_REQUIRE(c.connect(db().admin()).has_value());
  auto catalog = app_catalog();
  for (const auto& def : catalog->tables) {
    model::upstream::table_workload w{def};
    auto expected = w.snapshot(at);
    auto rows = c.query("SELECT * FROM `" + def.schema + "`.`" + def.name + "`");
    BOOST_REQUIRE_MESSAGE(rows.has_value(), (rows.has_error() ? rows.error().message : std::string()));
    BOOST_TEST(rows->size() == expected.size(), def.name << ": downstream rows vs upstream rows");
    std::map<std::string, const sink_io::mysql_client::row*> by_key;
    for (const auto& r : *rows)
      by_key[r.at(def.key_column()).value_or("NULL")] = &r;
    for (const auto& [key, values] : expected) {
      auto it = by_key.find(key);
      BOOST_TEST_REQUIRE((it != by_key.end()), def.name << ": missing key " << key);
      for (std::size_t k = 0; k < values.size(); ++k) {
        const auto& got = (*it->second)[k];
        const auto& want = values[k];
        if (std::holds_alternative<std::monostate>(want))
          BOOST_TEST(!got.has_value(), def.name << " " << key << " " << def.columns[k].name);
        else if (auto* d = std::get_if<double>(&want))
          BOOST_TEST((got && std::abs(std::stod(*got) - *d) < 1e-9), def.name << " " << key << " " << def.columns[k].name);
        else
          BOOST_TEST(got.value_or("<NULL>") == model::upstream::to_text(want),
                     def.name << " " << key << " " << def.columns[k].name);
      }
    }
  }
}

} // namespace

BOOST_AUTO_TEST_SUITE(mysql_sink_e2e)

BOOST_AUTO_TEST_CASE(the_downstream_tables_equal_the_upstream_state_at_the_target) {
  reset_downstream();
  test::sink_server srv{app_server()};
  auto now = test::wall_ms();
  auto start = model::compose_tso(now - 5000, 0);
  auto target = model::compose_tso(now + 3000, 0);
  srv.create("to-mariadb", db().sink_uri() + "?max-txn-row=64", start, target);
  BOOST_REQUIRE_MESSAGE(srv.wait_state("to-mariadb", "finished", 30), srv.state("to-mariadb"));
  check_downstream_equals_upstream(target);
}

BOOST_AUTO_TEST_CASE(a_mariadb_crash_shows_as_error_and_the_feed_catches_up_after_a_restart) {
  reset_downstream();
  test::sink_server srv{app_server()};
  auto now = test::wall_ms();
  auto start = model::compose_tso(now - 2000, 0);
  auto target = model::compose_tso(now + 6000, 0);
  srv.create("crash", db().sink_uri() + "?transaction-atomicity=table", start, target);
  // Mid-stream: some rows are in, the target is seconds away.
  BOOST_REQUIRE(test::eventually([&] { return srv.feed("crash").at("checkpoint_ts").to_number<std::uint64_t>() > start; }, 10));
  db().kill();
  BOOST_REQUIRE_MESSAGE(srv.wait_state("crash", "error", 15), srv.state("crash"));
  auto f = srv.feed("crash");
  BOOST_REQUIRE(f.at("error").is_object());
  BOOST_TEST(f.at("error").as_object().at("code").as_string() == "CDC:ErrMySQLConnectionError");
  db().start();
  // The first retry comes after TiCDC's 10 s back-off.
  BOOST_REQUIRE_MESSAGE(srv.wait_state("crash", "finished", 60), boost::json::serialize(srv.feed("crash")));
  BOOST_TEST(srv.feed("crash").at("checkpoint_ts").to_number<std::uint64_t>() == target);
  check_downstream_equals_upstream(target);
}

BOOST_AUTO_TEST_SUITE_END()
