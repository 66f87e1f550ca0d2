// TiCDC's ChangeFeedStatus as the value of a status key: the keys TiCDC
// reads, what a status written by TiCDC itself reads as, and corrupt values
// refused with ErrMetaStoreFailed.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/status_codec.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(status_codec)

BOOST_AUTO_TEST_CASE(the_status_has_ticdcs_keys_and_our_resolved_ts) {
  changefeed_status s{{450000000000000001u, 450000000000000009u}, admin_job::stop};
  auto v = boost::json::parse(serialize_status(s));
  BOOST_TEST(v.at("checkpoint-ts").to_number<std::uint64_t>() == 450000000000000001u);
  // No DDL is replicated, so no DDL barrier lies below the resolved TS.
  BOOST_TEST(v.at("min-table-barrier-ts").to_number<std::uint64_t>() == 450000000000000009u);
  BOOST_TEST(v.at("admin-job-type").to_number<int>() == 1);
  BOOST_TEST(v.at("resolved-ts").to_number<std::uint64_t>() == 450000000000000009u);
  BOOST_TEST(v.as_object().size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_status_round_trips) {
  changefeed_status s{{7, 9}, admin_job::finish};
  auto back = parse_status(serialize_status(s));
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->progress.checkpoint_ts == 7u);
  BOOST_TEST(back->progress.resolved_ts == 9u);
  BOOST_TEST(back->admin_job_type == admin_job::finish);
}

BOOST_AUTO_TEST_CASE(a_status_written_by_ticdc_reads_its_checkpoint_as_resolved_ts) {
  // TiCDC v5 and later write no resolved-ts.
  auto s = parse_status(R"({"checkpoint-ts":449,"min-table-barrier-ts":460,"admin-job-type":0})");
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->progress.checkpoint_ts == 449u);
  BOOST_TEST(s->progress.resolved_ts == 449u);
  BOOST_TEST(s->admin_job_type == admin_job::none);
}

BOOST_AUTO_TEST_CASE(a_corrupt_status_names_what_is_wrong) {
  struct {
    const char* text;
    const char* why;
  } cases[] = {
    {R"({"admin-job-type":0})", "checkpoint-ts: missing"},
    {R"({"checkpoint-ts":"12"})", "checkpoint-ts: expected an unsigned integer"},
    {R"({"checkpoint-ts":-1})", "checkpoint-ts: expected an unsigned integer"},
    {R"({"checkpoint-ts":1,"admin-job-type":9})", "unknown admin job type 9"},
    {R"([1])", "expected an object"},
    {R"({"checkpoint-ts":)", "corrupt changefeed status: "},
  };
  for (const auto& c : cases) {
    auto s = parse_status(c.text);
    BOOST_REQUIRE_MESSAGE(!s.has_value(), c.text);
    BOOST_TEST(s.error().kind == api_error::meta_store_failed);
    BOOST_TEST(s.error().message.find(c.why) != std::string::npos, s.error().message);
  }
}

BOOST_AUTO_TEST_SUITE_END()
