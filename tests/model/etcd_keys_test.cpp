// TiCDC's changefeed keys in etcd (tiflow pkg/etcd/etcdkey.go): built
// byte for byte as TiCDC builds them, and read back only when they are one.
#include <boost/test/unit_test.hpp>

#include "model/cluster/etcd_keys.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;
using namespace cdc::model::etcd_keys;

BOOST_AUTO_TEST_SUITE(etcd_keys_layout)

BOOST_AUTO_TEST_CASE(keys_are_ticdcs) {
  changefeed_key feed{"default", "cf-1"};
  BOOST_TEST(cluster_prefix("default") == "/tidb/cdc/default/");
  BOOST_TEST(info_key("default", feed) == "/tidb/cdc/default/default/changefeed/info/cf-1");
  BOOST_TEST(status_key("default", feed) == "/tidb/cdc/default/default/changefeed/status/cf-1");
  BOOST_TEST(info_key("prod-east", {"team-a", "orders"}) == "/tidb/cdc/prod-east/team-a/changefeed/info/orders");
}

BOOST_AUTO_TEST_CASE(capture_and_owner_keys_are_ticdcs) {
  BOOST_TEST(capture_key("default", "6f2c1c1e-0a1b") == "/tidb/cdc/default/__cdc_meta__/capture/6f2c1c1e-0a1b");
  BOOST_TEST(capture_prefix("c1") == "/tidb/cdc/c1/__cdc_meta__/capture/");
  BOOST_TEST(owner_prefix("default") == "/tidb/cdc/default/__cdc_meta__/owner");
  // concurrency.Election's key: the name, '/', the lease ID in lower-case hex.
  BOOST_TEST(owner_key("default", 0x2040a210491d0a10) == "/tidb/cdc/default/__cdc_meta__/owner/2040a210491d0a10");
}

BOOST_AUTO_TEST_CASE(a_built_key_parses_back_to_its_feed) {
  changefeed_key feed{"team-a", "orders-2"};
  auto info = parse_feed_key("c1", info_key("c1", feed));
  BOOST_REQUIRE(info.has_value());
  BOOST_TEST((info->kind == feed_key_kind::info));
  BOOST_TEST(info->feed.display() == "team-a/orders-2");
  auto status = parse_feed_key("c1", status_key("c1", feed));
  BOOST_REQUIRE(status.has_value());
  BOOST_TEST((status->kind == feed_key_kind::status));
  BOOST_TEST((status->feed == feed));
}

BOOST_AUTO_TEST_CASE(other_ticdc_keys_are_not_changefeeds) {
  for (auto key :
       {"/tidb/cdc/default/__cdc_meta__/capture/6f2c1c1e-0a1b", "/tidb/cdc/default/__cdc_meta__/owner/2040a210491d0a10",
        "/tidb/cdc/default/__cdc_meta__/meta/meta-version", "/tidb/cdc/default/default/task/position/capture-1/cf-1",
        "/tidb/cdc/default/default/upstream/7168",
        "/tidb/cdc/other/default/changefeed/info/cf-1",  // another cluster
        "/tidb/cdc/default/default/changefeed/info/",    // no id
        "/tidb/cdc/default/default/changefeed/info/a/b", // not an id
        "/tidb/cdc/default//changefeed/info/cf-1",       // no namespace
        "/tidb/cdc/default/default/changefeed/infos/cf-1"})
    BOOST_TEST(!parse_feed_key("default", key).has_value(), key);
}

BOOST_AUTO_TEST_CASE(a_prefix_range_ends_after_its_last_key) {
  BOOST_TEST(prefix_range_end("/tidb/cdc/default/") == "/tidb/cdc/default0");
  BOOST_TEST(prefix_range_end("a\xff") == "b");
  BOOST_TEST(prefix_range_end(std::string("\xff\xff", 2)) == std::string(1, '\0'));
}

BOOST_AUTO_TEST_SUITE_END()
