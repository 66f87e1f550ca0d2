// Protocols, atomicity and the URI-over-config precedence (reference 6.3,
// 6.4 step 1, 7.2).
#include <boost/test/unit_test.hpp>

#include "model/sink/protocol.hpp"

using namespace cdc::model;
using namespace cdc::model::sink;

namespace {

sink_uri uri(std::string_view text) {
  return parse_sink_uri(text).value();
}

sink_config_view with_protocol(std::string p) {
  sink_config_view v;
  v.protocol = std::move(p);
  return v;
}

} // namespace

BOOST_AUTO_TEST_SUITE(sink_protocol)

BOOST_AUTO_TEST_CASE(every_protocol_name_parses_case_insensitively) {
  struct row { const char* text; protocol p; };
  for (auto [text, p] : {row{"default", protocol::open_protocol}, row{"canal", protocol::canal},
                         row{"avro", protocol::avro}, row{"flat-avro", protocol::avro},
                         row{"maxwell", protocol::maxwell}, row{"canal-json", protocol::canal_json},
                         row{"craft", protocol::craft}, row{"open-protocol", protocol::open_protocol},
                         row{"csv", protocol::csv}, row{"debezium", protocol::debezium},
                         row{"simple", protocol::simple}, row{"Canal-JSON", protocol::canal_json},
                         row{"CSV", protocol::csv}}) {
    auto parsed = parse_protocol(text);
    BOOST_REQUIRE_MESSAGE(parsed.has_value(), text);
    BOOST_TEST((*parsed == p), text);
  }
}

BOOST_AUTO_TEST_CASE(unknown_protocol_is_500_sink_unknown_protocol) {
  BOOST_TEST(!parse_protocol("json").has_value());
  auto r = require_protocol("json");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST((r.error().kind == api_error::sink_unknown_protocol));
  BOOST_TEST(r.error().message == "unknown 'json' message protocol for sink");
  BOOST_TEST(http_status_of(r.error().kind) == 500u);
}

BOOST_AUTO_TEST_CASE(protocol_names_round_trip) {
  for (auto p : {protocol::open_protocol, protocol::canal, protocol::avro, protocol::maxwell,
                 protocol::canal_json, protocol::craft, protocol::csv, protocol::debezium,
                 protocol::simple})
    BOOST_TEST((parse_protocol(to_string(p)) == p));
  BOOST_TEST(to_string(*parse_protocol("default")) == "open-protocol");
}

BOOST_AUTO_TEST_CASE(scheme_protocol_compatibility_table) {
  for (auto p : {protocol::open_protocol, protocol::canal, protocol::avro, protocol::maxwell,
                 protocol::canal_json, protocol::craft, protocol::csv, protocol::debezium,
                 protocol::simple}) {
    BOOST_TEST(!protocol_allowed(scheme_class::mysql, p));
    BOOST_TEST(protocol_allowed(scheme_class::kafka, p) == (p != protocol::csv));
    BOOST_TEST(protocol_allowed(scheme_class::pulsar, p) == (p == protocol::canal_json));
    BOOST_TEST(protocol_allowed(scheme_class::storage, p)
               == (p == protocol::csv || p == protocol::canal_json));
    BOOST_TEST(protocol_allowed(scheme_class::blackhole, p));
  }
}

BOOST_AUTO_TEST_CASE(uri_protocol_wins_over_config) {
  auto s = resolve_sink_settings(uri("kafka://h:9092/t?protocol=canal-json"), with_protocol("avro"));
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(*s->protocol_text == "canal-json");
  BOOST_TEST((s->proto == protocol::canal_json));
}

BOOST_AUTO_TEST_CASE(config_protocol_applies_when_uri_has_none) {
  auto s = resolve_sink_settings(uri("kafka://h:9092/t"), with_protocol("maxwell"));
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST((s->proto == protocol::maxwell));
}

BOOST_AUTO_TEST_CASE(empty_uri_protocol_does_not_override) {
  auto s = resolve_sink_settings(uri("kafka://h:9092/t?protocol="), with_protocol("canal"));
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST((s->proto == protocol::canal));
}

BOOST_AUTO_TEST_CASE(mq_and_storage_need_a_protocol) {
  for (auto text : {"kafka://h:9092/t", "pulsar://h:6650/t", "file:///tmp/x"}) {
    auto s = resolve_sink_settings(uri(text), {});
    BOOST_REQUIRE_MESSAGE(s.has_error(), text);
    BOOST_TEST((s.error().kind == api_error::sink_unknown_protocol));
    BOOST_TEST(s.error().message == "unknown '' message protocol for sink");
  }
}

BOOST_AUTO_TEST_CASE(mysql_with_any_protocol_is_400_sink_uri_invalid) {
  auto s = resolve_sink_settings(uri("mysql://root@h:3306/?protocol=canal-json"), {});
  BOOST_REQUIRE(s.has_error());
  BOOST_TEST((s.error().kind == api_error::sink_uri_invalid));
  BOOST_TEST(s.error().message
             == "sink uri invalid 'protocol canal-json is incompatible with mysql scheme'");
  auto from_config = resolve_sink_settings(uri("tidb://root@h:4000/"), with_protocol("open-protocol"));
  BOOST_REQUIRE(from_config.has_error());
  BOOST_TEST(from_config.error().message
             == "sink uri invalid 'protocol open-protocol is incompatible with tidb scheme'");
}

BOOST_AUTO_TEST_CASE(mysql_without_protocol_passes) {
  auto s = resolve_sink_settings(uri("mysql://root@h:3306/"), {});
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(!s->proto.has_value());
}

BOOST_AUTO_TEST_CASE(blackhole_accepts_unknown_protocols) {
  auto s = resolve_sink_settings(uri("blackhole://?protocol=whatever"), {});
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(!s->proto.has_value());
  BOOST_TEST(*s->protocol_text == "whatever");
  auto avro = resolve_sink_settings(uri("blackhole://127.0.0.1:9092/test?protocol=avro"), {});
  BOOST_TEST((avro->proto == protocol::avro));
}

BOOST_AUTO_TEST_CASE(atomicity_defaults_to_none) {
  auto s = resolve_sink_settings(uri("blackhole://"), {});
  BOOST_TEST((s->atomicity == txn_atomicity::none));
  BOOST_TEST(!s->atomicity_text.has_value());
  BOOST_TEST(to_string(txn_atomicity::table) == "table");
}

BOOST_AUTO_TEST_CASE(table_atomicity_is_allowed_for_mysql_storage_and_blackhole) {
  for (auto text : {"mysql://h:3306/?transaction-atomicity=table",
                    "file:///tmp/x?protocol=csv&transaction-atomicity=table",
                    "blackhole://?transaction-atomicity=table"}) {
    auto s = resolve_sink_settings(uri(text), {});
    BOOST_REQUIRE_MESSAGE(s.has_value(), text);
    BOOST_TEST((s->atomicity == txn_atomicity::table));
  }
}

BOOST_AUTO_TEST_CASE(table_atomicity_is_rejected_for_mq_schemes) {
  auto s = resolve_sink_settings(uri("kafka+ssl://h:9092/t?protocol=canal-json&transaction-atomicity=table"), {});
  BOOST_REQUIRE(s.has_error());
  BOOST_TEST((s.error().kind == api_error::sink_uri_invalid));
  BOOST_TEST(s.error().message
             == "sink uri invalid 'table level atomicity is not supported by kafka+ssl scheme'");
  BOOST_TEST(resolve_sink_settings(uri("pulsar://h/t?protocol=canal-json&transaction-atomicity=table"), {})
               .has_error());
}

BOOST_AUTO_TEST_CASE(unknown_atomicity_is_rejected_for_every_scheme) {
  auto s = resolve_sink_settings(uri("mysql://h:3306/?transaction-atomicity=global"), {});
  BOOST_REQUIRE(s.has_error());
  BOOST_TEST(s.error().message == "sink uri invalid 'global level atomicity is not supported by mysql scheme'");
  BOOST_TEST(resolve_sink_settings(uri("blackhole://?transaction-atomicity=Table"), {}).has_error());
}

BOOST_AUTO_TEST_CASE(uri_atomicity_wins_over_config) {
  sink_config_view cfg;
  cfg.transaction_atomicity = "table";
  auto s = resolve_sink_settings(uri("kafka://h:9092/t?protocol=canal-json&transaction-atomicity=none"), cfg);
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST((s->atomicity == txn_atomicity::none));
  BOOST_TEST(*s->atomicity_text == "none");
  auto config_only = resolve_sink_settings(uri("kafka://h:9092/t?protocol=canal-json"), cfg);
  BOOST_TEST(config_only.has_error());
}

BOOST_AUTO_TEST_CASE(atomicity_is_checked_before_protocol) {
  auto s = resolve_sink_settings(uri("kafka://h:9092/t?transaction-atomicity=table"), {});
  BOOST_REQUIRE(s.has_error());
  BOOST_TEST((s.error().kind == api_error::sink_uri_invalid));
}

BOOST_AUTO_TEST_SUITE_END()
