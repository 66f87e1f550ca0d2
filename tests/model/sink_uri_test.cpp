// Sink URI parsing, classification and TiCDC's pre-checks (reference 7.1).
#include <boost/test/unit_test.hpp>

#include "model/sink/sink_uri.hpp"

using namespace cdc::model;
using namespace cdc::model::sink;

BOOST_AUTO_TEST_SUITE(sink_uri_parse)

BOOST_AUTO_TEST_CASE(mysql_uri_yields_user_password_host_and_port) {
  auto u = parse_sink_uri("mysql://root:123456@127.0.0.1:3306/?worker-count=8");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->scheme == "mysql");
  BOOST_TEST((u->kind == scheme_class::mysql));
  BOOST_TEST(*u->user == "root");
  BOOST_TEST(*u->password == "123456");
  BOOST_TEST(u->hostname == "127.0.0.1");
  BOOST_TEST(u->port == "3306");
  BOOST_TEST(u->param_or_empty("worker-count") == "8");
}

BOOST_AUTO_TEST_CASE(scheme_is_lower_cased_before_classifying) {
  auto u = parse_sink_uri("TiDB+SSL://u@h:4000/");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->scheme == "tidb+ssl");
  BOOST_TEST((u->kind == scheme_class::mysql));
}

BOOST_AUTO_TEST_CASE(every_scheme_has_its_class) {
  struct row { const char* scheme; scheme_class kind; };
  for (auto [scheme, kind] : {row{"mysql", scheme_class::mysql}, row{"mysql+ssl", scheme_class::mysql},
                              row{"tidb", scheme_class::mysql}, row{"tidb+ssl", scheme_class::mysql},
                              row{"kafka", scheme_class::kafka}, row{"kafka+ssl", scheme_class::kafka},
                              row{"pulsar", scheme_class::pulsar}, row{"pulsar+ssl", scheme_class::pulsar},
                              row{"pulsar+http", scheme_class::pulsar},
                              row{"pulsar+https", scheme_class::pulsar},
                              row{"file", scheme_class::storage}, row{"s3", scheme_class::storage},
                              row{"gcs", scheme_class::storage}, row{"gs", scheme_class::storage},
                              row{"azblob", scheme_class::storage}, row{"azure", scheme_class::storage},
                              row{"noop", scheme_class::storage},
                              row{"blackhole", scheme_class::blackhole},
                              row{"aaab", scheme_class::unknown}, row{"http", scheme_class::unknown}}) {
    auto u = parse_sink_uri(std::string{scheme} + "://h/p");
    BOOST_REQUIRE(u.has_value());
    BOOST_TEST((u->kind == kind), scheme);
  }
}

BOOST_AUTO_TEST_CASE(kafka_broker_list_splits_into_hosts) {
  auto u = parse_sink_uri("kafka://b1:9092,b2:9092,b3:9092/my-topic?protocol=canal-json");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->host == "b1:9092,b2:9092,b3:9092");
  BOOST_TEST(u->hosts == (std::vector<std::string>{"b1:9092", "b2:9092", "b3:9092"}),
             boost::test_tools::per_element());
  BOOST_TEST(u->topic() == "my-topic");
}

BOOST_AUTO_TEST_CASE(topic_strips_every_leading_and_trailing_slash) {
  BOOST_TEST(parse_sink_uri("kafka://h//t//")->topic() == "t");
  BOOST_TEST(parse_sink_uri("kafka://h/")->topic() == "");
}

BOOST_AUTO_TEST_CASE(file_uri_path_is_the_directory) {
  auto u = parse_sink_uri("file:///tmp/cdc%20out?protocol=csv");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->host == "");
  BOOST_TEST(u->path == "/tmp/cdc out");
}

BOOST_AUTO_TEST_CASE(query_values_are_decoded_with_plus_as_space) {
  auto u = parse_sink_uri("blackhole://?a=x%2By&b=one+two&c&d=");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->param_or_empty("a") == "x+y");
  BOOST_TEST(u->param_or_empty("b") == "one two");
  BOOST_TEST(u->param("c").has_value());
  BOOST_TEST(u->param_or_empty("d") == "");
  BOOST_TEST(!u->param("e").has_value());
}

BOOST_AUTO_TEST_CASE(first_value_of_a_repeated_parameter_wins) {
  auto u = parse_sink_uri("blackhole://?k=1&k=2");
  BOOST_TEST(u->param_or_empty("k") == "1");
  BOOST_TEST(u->query.size() == 2u);
}

BOOST_AUTO_TEST_CASE(query_pairs_with_semicolons_or_bad_escapes_are_dropped) {
  auto u = parse_sink_uri("blackhole://?a=1;b=2&c=%zz&d=4");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->query.size() == 1u);
  BOOST_TEST(u->param_or_empty("d") == "4");
}

BOOST_AUTO_TEST_CASE(blackhole_without_host_parses) {
  auto u = parse_sink_uri("blackhole://");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST((u->kind == scheme_class::blackhole));
  BOOST_TEST(u->hosts.empty());
}

BOOST_AUTO_TEST_CASE(bracketed_ipv6_host_is_accepted) {
  auto u = parse_sink_uri("mysql://root@[::1]:3306/");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->hostname == "::1");
  BOOST_TEST(u->port == "3306");
}

BOOST_AUTO_TEST_CASE(unbracketed_ipv6_host_is_rejected_with_ticdc_message) {
  auto u = parse_sink_uri("mysql://root@::1:3306/");
  BOOST_REQUIRE(u.has_error());
  BOOST_TEST((u.error().kind == api_error::sink_uri_invalid));
  BOOST_TEST(u.error().message
             == "sink uri host is not valid IPv6 address, when using IPv6 address in URI, "
                "please use [ipv6-address]:port");
}

BOOST_AUTO_TEST_CASE(empty_uri_is_rejected) {
  auto u = parse_sink_uri("");
  BOOST_REQUIRE(u.has_error());
  BOOST_TEST((u.error().kind == api_error::sink_uri_invalid));
  BOOST_TEST(u.error().message == "sink_uri is empty, cannot create a changefeed without sink_uri");
  BOOST_TEST(http_status_of(u.error().kind) == 400u);
}

BOOST_AUTO_TEST_CASE(control_characters_make_the_uri_unparsable) {
  auto u = parse_sink_uri(std::string{"\x7f "});
  BOOST_REQUIRE(u.has_error());
  BOOST_TEST((u.error().kind == api_error::sink_uri_invalid));
  BOOST_TEST(u.error().message
             == "sink uri invalid '<invalid uri>': parse \"<invalid uri>\": "
                "net/url: invalid control character in URL");
}

BOOST_AUTO_TEST_CASE(bad_escape_error_hides_the_credentials) {
  auto u = parse_sink_uri("mysql://root:verysecure@127.0.0.1/%zz");
  BOOST_REQUIRE(u.has_error());
  BOOST_TEST(u.error().message.find("verysecure") == std::string::npos);
  BOOST_TEST(u.error().message.find(R"(invalid URL escape "%zz")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(go_url_errors_are_reported_as_go_words_them) {
  auto msg = [](std::string_view text) { return parse_sink_uri(text).error().message; };
  BOOST_TEST(msg("://x").ends_with("missing protocol scheme"));
  BOOST_TEST(msg("1a:b").ends_with("first path segment in URL cannot contain colon"));
  BOOST_TEST(msg("kafka://b1:9092,b2/t").ends_with(R"(invalid port ":9092,b2" after host)"));
  BOOST_TEST(msg("mysql://[::1/").ends_with("missing ']' in host"));
  BOOST_TEST(msg("mysql://a b@h/").ends_with("net/url: invalid userinfo"));
  BOOST_TEST(msg("mysql://h{/").ends_with(R"(invalid character "{" in host name)"));
}

BOOST_AUTO_TEST_CASE(unknown_scheme_parses_and_is_left_to_validation) {
  auto u = parse_sink_uri("aaab://");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST((u->kind == scheme_class::unknown));
}

BOOST_AUTO_TEST_CASE(uri_without_scheme_is_unknown) {
  auto u = parse_sink_uri("abc");
  BOOST_REQUIRE(u.has_value());
  BOOST_TEST(u->scheme == "");
  BOOST_TEST((u->kind == scheme_class::unknown));
}

BOOST_AUTO_TEST_CASE(class_names_are_stable) {
  BOOST_TEST(to_string(scheme_class::storage) == "storage");
  BOOST_TEST(is_mq(scheme_class::pulsar));
  BOOST_TEST(!is_mq(scheme_class::storage));
}

BOOST_AUTO_TEST_SUITE_END()
