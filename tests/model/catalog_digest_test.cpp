// The upstream's fingerprint: equal for equal upstreams however they were
// written, different when anything that shapes the rows differs.
#include <boost/test/unit_test.hpp>

#include "model/upstream/catalog_digest.hpp"

using namespace cdc::model::upstream;

BOOST_AUTO_TEST_SUITE(catalog_fingerprint)

BOOST_AUTO_TEST_CASE(equal_upstreams_have_equal_digests) {
  BOOST_TEST(catalog_digest(default_catalog()) == catalog_digest(default_catalog()));
  BOOST_TEST(catalog_digest(default_catalog()).size() == 16u);
}

BOOST_AUTO_TEST_CASE(anything_that_shapes_the_rows_changes_the_digest) {
  auto base = catalog_digest(default_catalog());
  auto rate = default_catalog();
  rate.tables[3].rows_per_second += 1;
  auto name = default_catalog();
  name.tables[0].name = "other";
  auto tick = default_catalog();
  tick.tick_ms = 50;
  auto column = default_catalog();
  column.tables[1].columns[1].nullable = !column.tables[1].columns[1].nullable;
  for (const auto* c : {&rate, &name, &tick, &column})
    BOOST_TEST(catalog_digest(*c) != base);
}

BOOST_AUTO_TEST_SUITE_END()
