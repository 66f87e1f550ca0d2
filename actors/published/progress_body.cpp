#include "actors/published/progress_body.hpp"

#include <algorithm>
#include <charconv>

#include "model/tso.hpp"

namespace cdc::actors {

namespace {

void append_number(std::string& out, model::tso_t n) {
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

/// checkpoint_time's text: a list reads thousands of feeds at one resolved
/// TS, so most of them show the same time, made once per thread.
void append_time(std::string& out, model::tso_t ts) {
  thread_local model::tso_t last_ms = ~model::tso_t{0};
  thread_local std::string last_text;
  auto ms = static_cast<model::tso_t>(model::tso_physical_ms(ts));
  if (ms != last_ms) {
    last_text = model::format_tso_time(ts);
    last_ms = ms;
  }
  out += last_text;
}

} // namespace

progress_body::progress_body(std::string json, const model::changefeed_progress& made_at)
  : json_(std::move(json)), made_at_(made_at) {
  find("\"checkpoint_ts\":", field::checkpoint);
  find("\"checkpoint_tso\":", field::checkpoint);
  find("\"resolved_ts\":", field::resolved);
  find("\"checkpoint_time\":\"", field::checkpoint_time);
  std::sort(holes_.begin(), holes_.end(), [](const hole& a, const hole& b) { return a.at < b.at; });
}

void progress_body::find(std::string_view key, field what) {
  auto pos = json_.rfind(key);
  if (pos == std::string::npos)
    return;
  hole h{pos + key.size(), 0, what};
  if (what == field::checkpoint_time) {
    auto close = json_.find('"', h.at);
    h.length = close == std::string::npos ? 0 : close - h.at;
  } else {
    while (h.at + h.length < json_.size() && json_[h.at + h.length] >= '0' && json_[h.at + h.length] <= '9')
      ++h.length;
  }
  holes_.push_back(h);
}

void progress_body::append_at(std::string& out, const model::changefeed_progress& p) const {
  if (p.checkpoint_ts == made_at_.checkpoint_ts && p.resolved_ts == made_at_.resolved_ts) {
    out += json_;
    return;
  }
  std::size_t from = 0;
  for (const auto& h : holes_) {
    out.append(json_, from, h.at - from);
    switch (h.what) {
    case field::checkpoint:
      append_number(out, p.checkpoint_ts);
      break;
    case field::resolved:
      append_number(out, p.resolved_ts);
      break;
    case field::checkpoint_time:
      append_time(out, p.checkpoint_ts);
      break;
    }
    from = h.at + h.length;
  }
  out.append(json_, from);
}

std::string progress_body::at(const model::changefeed_progress& p) const {
  std::string out;
  out.reserve(json_.size() + 8);
  append_at(out, p);
  return out;
}

} // namespace cdc::actors
