// TiCDC's CaptureInfo as our captures write it into etcd: TiCDC's field
// names, our two additions only when set, and a clear error for a value
// that is not one.
#include <boost/test/unit_test.hpp>

#include "model/cluster/capture_record.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(capture_record_codec)

BOOST_AUTO_TEST_CASE(written_with_ticdcs_field_names) {
  capture_record c{"6f2c", "127.0.0.1:8300", "v0.1.0", "abc", "/opt/cdc", 1700000000, "", "", false};
  BOOST_TEST(serialize_capture(c) == R"({"id":"6f2c","address":"127.0.0.1:8300","version":"v0.1.0","git-hash":"abc",)"
                                     R"("deploy-path":"/opt/cdc","start-timestamp":1700000000})");
}

BOOST_AUTO_TEST_CASE(round_trips_with_our_additions) {
  capture_record c{"6f2c", "10.0.0.1:8300", "v0.1.0", "abc", "/opt/cdc", 1700000000, "10.0.0.1:8310",
                   "0123456789abcdef", true};
  auto back = parse_capture(serialize_capture(c));
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST((*back == c));
}

BOOST_AUTO_TEST_CASE(reads_what_ticdc_writes) {
  // A TiCDC v7 capture's value (it has no actor address and never stops so).
  auto c = parse_capture(R"({"id":"a-b","address":"cdc-0:8300","version":"v7.5.0","git-hash":"x",)"
                         R"("deploy-path":"/cdc","start-timestamp":1710000000,"is-owner":false})");
  BOOST_REQUIRE(c.has_value());
  BOOST_TEST(c->address == "cdc-0:8300");
  BOOST_TEST(c->actor_address.empty());
  BOOST_TEST(!c->stopping);
}

BOOST_AUTO_TEST_CASE(a_value_that_is_not_capture_info_is_refused_clearly) {
  for (auto text : {"", "[]", R"({"id":"a"})", R"({"id":1,"address":"a:1"})", R"({"id":"a","address":"a:1","start-timestamp":"x"})"}) {
    auto c = parse_capture(text);
    BOOST_REQUIRE(!c.has_value());
    BOOST_TEST(full_message(c.error()).find("corrupt capture info") != std::string::npos, text);
  }
}

BOOST_AUTO_TEST_SUITE_END()
