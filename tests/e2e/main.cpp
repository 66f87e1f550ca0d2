#define BOOST_TEST_MODULE e2e
#include <boost/test/unit_test.hpp>

#include "tests/support/quiet_logs.hpp"

using cdc::test::quiet_logs;
BOOST_TEST_GLOBAL_FIXTURE(quiet_logs);
