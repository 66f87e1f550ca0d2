// The churn history and its check: how answers are classified, the line
// format, and which final lists (and refusals) show an acknowledged step
// lost.
#include <boost/test/unit_test.hpp>

#include "tools/load/feed_list.hpp"
#include "tools/load/history.hpp"

using namespace cdc::load;

namespace {

constexpr const char* not_exists = "CDC:ErrChangeFeedNotExists";
constexpr const char* already_exists = "CDC:ErrChangeFeedAlreadyExists";

/// Builds one feed's history in sending order: the setup's `seen`, then run
/// steps numbered as one connection sends them.
struct feed_history {
  std::string feed = "cf-1";
  std::vector<history_entry> entries;
  std::uint64_t seq = 0;

  feed_history& seen(std::string state) {
    history_entry e;
    e.feed = feed;
    e.state = std::move(state);
    e.setup = true;
    entries.push_back(e);
    return *this;
  }
  feed_history& step(feed_op what, unsigned status, std::string error_code = {}) {
    history_entry e;
    e.feed = feed;
    e.what = what;
    e.status = status;
    e.error_code = std::move(error_code);
    e.outcome = status ? classify(status, e.error_code) : ack::unknown;
    e.seq = seq++;
    entries.push_back(e);
    return *this;
  }
  verify_report check(std::string listed_state) const {
    std::map<std::string, std::string> listed;
    if (!listed_state.empty())
      listed[feed] = std::move(listed_state);
    return verify(entries, listed);
  }
};

/// What the report's one violation says ("" when there is none, or more).
std::string only_violation(const verify_report& r) {
  BOOST_TEST(r.violations.size() == 1u);
  return r.violations.size() == 1 ? r.violations[0].what : "";
}

} // namespace

BOOST_AUTO_TEST_SUITE(load_history)

BOOST_AUTO_TEST_CASE(answers_are_ok_refused_or_unknown) {
  BOOST_TEST((classify(200, "") == ack::ok));
  BOOST_TEST((classify(400, not_exists) == ack::refused));
  // TiCDC answers 500 for a create of an existing feed: still a refusal.
  BOOST_TEST((classify(500, already_exists) == ack::refused));
  BOOST_TEST((classify(500, "CDC:ErrOwnerNotFound") == ack::unknown));
  BOOST_TEST((classify(503, "") == ack::unknown));
}

BOOST_AUTO_TEST_CASE(a_line_reads_back_as_written) {
  history_entry e;
  e.feed = "load-7";
  e.what = feed_op::pause;
  e.outcome = ack::refused;
  e.status = 400;
  e.error_code = not_exists;
  e.node = "127.0.0.1:8301";
  e.conn = 3;
  e.seq = 17;
  std::string error;
  auto back = parse_line(format_line(e), error);
  BOOST_REQUIRE_MESSAGE(back, error);
  BOOST_TEST(back->feed == "load-7");
  BOOST_TEST((back->what == feed_op::pause));
  BOOST_TEST((back->outcome == ack::refused));
  BOOST_TEST(back->status == 400u);
  BOOST_TEST(back->error_code == not_exists);
  BOOST_TEST(back->node == "127.0.0.1:8301");
  BOOST_TEST(!back->setup);
  BOOST_TEST(back->conn == 3u);
  BOOST_TEST(back->seq == 17u);
  BOOST_TEST(!parse_line(R"({"feed":"x","op":"jump","outcome":"ok"})", error));
  BOOST_TEST(!parse_line("not json", error));
}

BOOST_AUTO_TEST_CASE(a_whole_acknowledged_cycle_ends_where_the_list_says) {
  feed_history h;
  h.seen("")
    .step(feed_op::create, 200)
    .step(feed_op::pause, 200)
    .step(feed_op::update, 200)
    .step(feed_op::resume, 200)
    .step(feed_op::remove, 200)
    .step(feed_op::create, 200);
  auto r = h.check("normal");
  BOOST_TEST(r.violations.empty());
  BOOST_TEST(r.warnings.empty());
  BOOST_TEST(r.feeds == 1u);
  BOOST_TEST(r.ok == 6u); // seen is not a step
  // The server's `error` is a running feed it retries, not a lost resume.
  BOOST_TEST(h.check("error").violations.empty());
}

BOOST_AUTO_TEST_CASE(a_lost_acknowledged_pause_is_a_violation_with_the_feeds_last_lines) {
  feed_history h;
  h.seen("normal").step(feed_op::pause, 200);
  auto r = h.check("normal");
  BOOST_REQUIRE(r.violations.size() == 1u);
  BOOST_TEST(r.violations[0].feed == "cf-1");
  BOOST_TEST(r.violations[0].what == "expected {stopped}, found normal");
  BOOST_TEST(r.violations[0].last_lines.size() == 2u);
  BOOST_TEST(r.violations[0].last_lines.back().find("\"op\":\"pause\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_lost_acknowledged_remove_is_a_violation) {
  feed_history h;
  h.seen("stopped").step(feed_op::remove, 200);
  BOOST_TEST(h.check("stopped").violations.size() == 1u);
  BOOST_TEST(h.check("").violations.empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_outcome_allows_both_applied_and_not) {
  feed_history h;
  h.seen("").step(feed_op::create, 0, "timeout");
  BOOST_TEST(h.check("normal").violations.empty());
  BOOST_TEST(h.check("").violations.empty());
  BOOST_TEST(h.check("stopped").violations.size() == 1u);
  BOOST_TEST(h.check("").unknown == 1u);
}

BOOST_AUTO_TEST_CASE(a_refusal_leaves_the_feed_as_it_was) {
  feed_history h;
  h.seen("normal").step(feed_op::update, 400, "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(h.check("normal").violations.empty());
  BOOST_TEST(h.check("stopped").violations.size() == 1u);
  BOOST_TEST(h.check("normal").refused == 1u);
}

BOOST_AUTO_TEST_CASE(not_exists_after_an_acknowledged_create_is_a_lost_create_reported_once) {
  // The cycle goes on after a lost create: pause, update and resume are
  // refused as not existing, remove and create succeed, and the final list
  // agrees; only the first refusal shows the loss.
  feed_history h;
  h.seen("")
    .step(feed_op::create, 200)
    .step(feed_op::pause, 400, not_exists)
    .step(feed_op::update, 400, not_exists)
    .step(feed_op::resume, 400, not_exists)
    .step(feed_op::remove, 200)
    .step(feed_op::create, 200);
  BOOST_TEST(only_violation(h.check("normal"))
             == "pause refused with CDC:ErrChangeFeedNotExists while the feed was {normal}");
}

BOOST_AUTO_TEST_CASE(already_exists_after_an_acknowledged_remove_is_a_lost_remove) {
  feed_history h;
  h.seen("normal").step(feed_op::remove, 200).step(feed_op::create, 500, already_exists);
  BOOST_TEST(only_violation(h.check("normal")).starts_with("create refused with CDC:ErrChangeFeedAlreadyExists"));
}

BOOST_AUTO_TEST_CASE(not_exists_after_an_unknown_create_narrows_to_absent) {
  feed_history h;
  h.seen("").step(feed_op::create, 503).step(feed_op::pause, 400, not_exists);
  BOOST_TEST(h.check("").violations.empty());
  BOOST_TEST(h.check("normal").violations.size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_ok_no_state_explains_is_a_warning) {
  feed_history h;
  h.seen("normal").step(feed_op::create, 200);
  auto r = h.check("normal");
  BOOST_TEST(r.violations.empty());
  BOOST_REQUIRE(r.warnings.size() == 1u);
  BOOST_TEST(r.warnings[0].what == "create acknowledged while the feed was {normal}");
}

BOOST_AUTO_TEST_CASE(a_listed_state_outside_the_model_is_a_violation) {
  feed_history h;
  h.seen("").step(feed_op::create, 200);
  BOOST_TEST(only_violation(h.check("finished")) == "expected {normal}, found finished");
}

BOOST_AUTO_TEST_CASE(a_feed_seen_finished_may_end_anywhere_until_a_step_is_acknowledged) {
  feed_history h;
  h.seen("finished").step(feed_op::pause, 0, "timeout");
  BOOST_TEST(h.check("stopped").violations.empty());
  BOOST_TEST(h.check("").violations.empty());
}

BOOST_AUTO_TEST_CASE(each_feed_is_replayed_in_setup_then_sequence_order_whatever_the_file_order) {
  // Connections write their lines as answers arrive, so the file mixes
  // feeds and, across phases, order: the run's pause here comes first.
  feed_history a;
  a.seen("").step(feed_op::create, 200);
  a.entries[1].setup = true; // the setup's create
  a.step(feed_op::pause, 200);
  feed_history b;
  b.feed = "cf-2";
  b.seen("normal").step(feed_op::remove, 200);
  std::vector<history_entry> file{a.entries[2], b.entries[1], a.entries[1], b.entries[0], a.entries[0]};
  auto r = verify(file, {{"cf-1", "stopped"}});
  BOOST_TEST(r.violations.empty());
  BOOST_TEST(r.feeds == 2u);
  BOOST_TEST(format_summary(r) == "verify: 2 feeds, 3 steps (3 ok, 0 refused, 0 unknown): no acknowledged step lost");
}

BOOST_AUTO_TEST_CASE(the_list_parses_into_ids_and_states) {
  auto listed = parse_feed_list(
    R"({"total":2,"items":[{"id":"cf-1","state":"stopped","namespace":"default"},{"id":"cf-2","state":"normal"}]})");
  BOOST_REQUIRE(listed);
  BOOST_TEST(listed->size() == 2u);
  BOOST_TEST(listed->at("cf-1") == "stopped");
  BOOST_TEST(!parse_feed_list(R"({"error_msg":"owner not found"})"));
}

BOOST_AUTO_TEST_SUITE_END()
