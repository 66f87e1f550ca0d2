#include "tools/load/history.hpp"

#include <algorithm>
#include <array>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "tools/load/names.hpp"
#include "tools/load/report.hpp"

namespace cdc::load {

namespace {

constexpr std::array<std::string_view, 3> ack_names{"ok", "refused", "unknown"};
constexpr std::array<std::string_view, 6> feed_op_names{"seen", "create", "pause", "update", "resume", "remove"};

constexpr std::string_view not_exists = "CDC:ErrChangeFeedNotExists";
constexpr std::string_view already_exists = "CDC:ErrChangeFeedAlreadyExists";

constexpr presence_set bit(presence p) { return static_cast<presence_set>(p); }
constexpr presence_set present = bit(presence::normal) | bit(presence::stopped);

/// The states a step can be acknowledged from (TiCDC: pause is ignored on
/// a stopped feed and resume on a normal one, both still 200; update only
/// while stopped; remove is idempotent).
presence_set acceptable_from(feed_op o) {
  switch (o) {
    case feed_op::create: return bit(presence::absent);
    case feed_op::update: return bit(presence::stopped);
    case feed_op::pause:
    case feed_op::resume: return present;
    default: return any_presence;
  }
}

/// Where an applied step leaves the feed.
presence applied(feed_op o) {
  switch (o) {
    case feed_op::create:
    case feed_op::resume: return presence::normal;
    case feed_op::pause:
    case feed_op::update: return presence::stopped;
    default: return presence::absent;
  }
}

std::uint64_t uint_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() && v->as_int64() >= 0 ? static_cast<std::uint64_t>(v->as_int64()) : 0;
}

std::string string_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

} // namespace

std::string_view to_string(ack a) noexcept { return ack_names[static_cast<std::size_t>(a)]; }
std::optional<ack> ack_from(std::string_view name) noexcept { return find_name<ack>(ack_names, name); }
std::string_view to_string(feed_op o) noexcept { return feed_op_names[static_cast<std::size_t>(o)]; }
std::optional<feed_op> feed_op_from(std::string_view name) noexcept { return find_name<feed_op>(feed_op_names, name); }

ack classify(unsigned status, std::string_view error_code) noexcept {
  if (status >= 200 && status < 300)
    return ack::ok;
  if (status >= 400 && status < 500)
    return ack::refused;
  if (status == 500 && error_code == already_exists)
    return ack::refused;
  return ack::unknown;
}

std::string format_line(const history_entry& e) {
  boost::json::object o;
  o["feed"] = e.feed;
  o["op"] = to_string(e.what);
  if (e.what == feed_op::seen) {
    o["state"] = e.state;
  } else {
    o["outcome"] = to_string(e.outcome);
    o["status"] = e.status;
    if (!e.error_code.empty())
      o["error_code"] = e.error_code;
  }
  o["node"] = e.node;
  o["phase"] = e.setup ? "setup" : "run";
  o["conn"] = e.conn;
  o["seq"] = e.seq;
  o["at_ms"] = e.at_ms;
  return boost::json::serialize(o);
}

std::optional<history_entry> parse_line(std::string_view line, std::string& error) {
  boost::system::error_code ec;
  auto v = boost::json::parse(line, ec);
  if (ec || !v.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  const auto& o = v.as_object();
  history_entry e;
  e.feed = string_field(o, "feed");
  auto what = feed_op_from(string_field(o, "op"));
  if (e.feed.empty() || !what) {
    error = "needs a feed and an op (seen, create, pause, update, resume, remove)";
    return std::nullopt;
  }
  e.what = *what;
  if (e.what != feed_op::seen) {
    auto outcome = ack_from(string_field(o, "outcome"));
    if (!outcome) {
      error = "needs an outcome (ok, refused, unknown)";
      return std::nullopt;
    }
    e.outcome = *outcome;
  }
  e.status = static_cast<unsigned>(uint_field(o, "status"));
  e.error_code = string_field(o, "error_code");
  e.node = string_field(o, "node");
  e.state = string_field(o, "state");
  e.setup = string_field(o, "phase") == "setup";
  e.conn = uint_field(o, "conn");
  e.seq = uint_field(o, "seq");
  e.at_ms = static_cast<std::int64_t>(uint_field(o, "at_ms"));
  e.line = std::string(line);
  return e;
}

std::string to_string(presence_set s) {
  std::string out = "{";
  for (auto [p, name] : {std::pair{presence::absent, "absent"}, std::pair{presence::normal, "normal"},
                         std::pair{presence::stopped, "stopped"}})
    if (s & bit(p))
      out.append(out.size() > 1 ? "," : "").append(name);
  return out + "}";
}

std::optional<presence> presence_of(std::string_view listed_state) noexcept {
  if (listed_state.empty())
    return presence::absent;
  if (listed_state == "normal" || listed_state == "error" || listed_state == "warning" || listed_state == "pending")
    return presence::normal;
  if (listed_state == "stopped" || listed_state == "failed")
    return presence::stopped;
  return std::nullopt;
}

step_result apply(presence_set before, const history_entry& e) {
  step_result r;
  if (e.what == feed_op::seen) {
    auto p = presence_of(e.state);
    r.after = p ? bit(*p) : any_presence; // finished and the like: anything may follow
    return r;
  }
  auto op = std::string(to_string(e.what));
  switch (e.outcome) {
    case ack::ok:
      if (!(before & acceptable_from(e.what)))
        r.warning = op + " acknowledged while the feed was " + to_string(before);
      r.after = bit(applied(e.what));
      return r;
    case ack::unknown: r.after = before | bit(applied(e.what)); return r;
    case ack::refused: break;
  }
  // A refusal changes nothing, and two of them say where the feed was.
  r.after = before;
  presence_set evidence = any_presence;
  if (e.error_code == not_exists)
    evidence = bit(presence::absent);
  else if (e.error_code == already_exists)
    evidence = present;
  if (evidence == any_presence)
    return r;
  if (!(before & evidence))
    r.violation = op + " refused with " + e.error_code + " while the feed was " + to_string(before);
  // After a violation, go on from what the server says, so one lost step is
  // reported once rather than at every later step.
  r.after = (before & evidence) ? (before & evidence) : evidence;
  return r;
}

verify_report verify(std::vector<history_entry> history, const std::map<std::string, std::string>& listed,
                     std::size_t lines_shown) {
  // Setup (seen, then creates) comes before the run; within a phase one
  // connection steps a feed, so its sequence is the feed's order.
  auto rank = [](const history_entry& e) { return e.what == feed_op::seen ? 0 : e.setup ? 1 : 2; };
  std::stable_sort(history.begin(), history.end(), [&](const history_entry& a, const history_entry& b) {
    if (a.feed != b.feed)
      return a.feed < b.feed;
    if (rank(a) != rank(b))
      return rank(a) < rank(b);
    return a.seq < b.seq;
  });
  verify_report out;
  auto tail = [&](std::size_t first, std::size_t last) {
    std::vector<std::string> lines;
    for (auto i = last + 1 - std::min(last + 1 - first, lines_shown); i <= last; ++i)
      lines.push_back(history[i].line.empty() ? format_line(history[i]) : history[i].line);
    return lines;
  };
  for (std::size_t first = 0; first < history.size();) {
    const auto& feed = history[first].feed;
    ++out.feeds;
    presence_set possible = any_presence;
    std::size_t i = first;
    for (; i < history.size() && history[i].feed == feed; ++i) {
      const auto& e = history[i];
      if (e.what != feed_op::seen)
        ++(e.outcome == ack::ok ? out.ok : e.outcome == ack::refused ? out.refused : out.unknown);
      auto r = apply(possible, e);
      if (!r.warning.empty())
        out.warnings.push_back({feed, r.warning, tail(first, i)});
      if (!r.violation.empty())
        out.violations.push_back({feed, r.violation, tail(first, i)});
      possible = r.after;
    }
    auto found = listed.find(feed);
    std::string state = found == listed.end() ? "" : found->second;
    auto p = presence_of(state);
    if (!p || !(possible & static_cast<presence_set>(*p)))
      out.violations.push_back({feed, "expected " + to_string(possible) + ", found " + (state.empty() ? "absent" : state),
                                tail(first, i - 1)});
    first = i;
  }
  return out;
}

std::string format_summary(const verify_report& r) {
  auto steps = r.ok + r.refused + r.unknown;
  std::string out = "verify: " + group_digits(r.feeds) + " feeds, " + group_digits(steps) + " steps ("
                    + group_digits(r.ok) + " ok, " + group_digits(r.refused) + " refused, " + group_digits(r.unknown)
                    + " unknown): ";
  if (r.violations.empty())
    out += "no acknowledged step lost";
  else
    out += group_digits(r.violations.size()) + (r.violations.size() == 1 ? " violation" : " violations");
  if (!r.warnings.empty())
    out += ", " + group_digits(r.warnings.size()) + (r.warnings.size() == 1 ? " warning" : " warnings");
  return out;
}

} // namespace cdc::load
