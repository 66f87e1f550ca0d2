#include "tools/load/scenario.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace cdc::load {

namespace {

std::string quoted(std::string_view s) { return boost::json::serialize(boost::json::string(s)); }

// 2^62: a TSO in the year 2527, beyond any checkpoint, so target_ts updates
// are accepted and never reached.
constexpr std::uint64_t far_target = std::uint64_t{1} << 62;

} // namespace

request_builder::request_builder(std::string prefix, std::string sink_uri, std::string replica_config_json)
  : prefix_(std::move(prefix)) {
  create_head_ = "{\"changefeed_id\":\"";
  create_tail_ = "\",\"sink_uri\":" + quoted(sink_uri);
  if (!replica_config_json.empty())
    create_tail_ += ",\"replica_config\":" + replica_config_json;
  create_tail_ += "}";
}

std::string request_builder::feed_id(std::uint64_t index) const { return prefix_ + "-" + std::to_string(index); }

request_spec request_builder::create(std::uint64_t index) const {
  auto id = feed_id(index);
  std::string body;
  body.reserve(create_head_.size() + id.size() + create_tail_.size());
  body.append(create_head_).append(id).append(create_tail_);
  return {op::create, "POST", "/api/v2/changefeeds", std::move(body), std::move(id)};
}

request_spec request_builder::status() const { return {op::status, "GET", "/api/v2/status", {}, {}}; }
request_spec request_builder::list() const { return {op::list, "GET", "/api/v2/changefeeds", {}, {}}; }
request_spec request_builder::processors() const { return {op::processors, "GET", "/api/v2/processors", {}, {}}; }

request_spec request_builder::get(std::uint64_t index) const {
  return {op::get, "GET", "/api/v2/changefeeds/" + feed_id(index), {}, {}};
}

request_spec request_builder::pause(std::uint64_t index) const {
  auto id = feed_id(index);
  return {op::pause, "POST", "/api/v2/changefeeds/" + id + "/pause", {}, id};
}

request_spec request_builder::update(std::uint64_t index, std::uint64_t round) const {
  auto id = feed_id(index);
  return {op::update, "PUT", "/api/v2/changefeeds/" + id, "{\"target_ts\":" + std::to_string(far_target + round) + "}",
          id};
}

request_spec request_builder::resume(std::uint64_t index) const {
  auto id = feed_id(index);
  return {op::resume, "POST", "/api/v2/changefeeds/" + id + "/resume", "{}", id};
}

request_spec request_builder::remove(std::uint64_t index) const {
  auto id = feed_id(index);
  return {op::remove, "DELETE", "/api/v2/changefeeds/" + id, {}, id};
}

op op_of(churn_step s) noexcept {
  switch (s) {
    case churn_step::pause: return op::pause;
    case churn_step::update: return op::update;
    case churn_step::resume: return op::resume;
    case churn_step::remove: return op::remove;
    default: return op::create;
  }
}

churn_step after(churn_step s) noexcept {
  return s == churn_step::create ? churn_step::pause : static_cast<churn_step>(static_cast<int>(s) + 1);
}

request_source request_source::creating(std::shared_ptr<const request_builder> b,
                                        std::shared_ptr<create_counter> creates,
                                        std::shared_ptr<const std::vector<std::uint64_t>> indices) {
  request_source s;
  s.build_ = std::move(b);
  s.creates_ = std::move(creates);
  s.indices_ = std::move(indices);
  return s;
}

request_source request_source::mixing(std::shared_ptr<const request_builder> b, op_mix mix, std::uint64_t feeds,
                                      std::size_t connection, std::size_t connections, std::uint64_t seed) {
  request_source s;
  s.build_ = std::move(b);
  s.mix_ = std::move(mix);
  s.feeds_ = feeds;
  if (s.mix_->has(pick::churn))
    for (auto i = static_cast<std::uint64_t>(connection); i < feeds; i += connections)
      s.owned_.push_back(i);
  s.steps_.assign(s.owned_.size(), churn_step::pause);
  s.rounds_.assign(s.owned_.size(), 0);
  // Distinct, reproducible streams per connection.
  s.random_.seed(seed * 0x9E3779B97F4A7C15ull + connection);
  return s;
}

request_spec request_source::churn() {
  // One feed goes through its whole cycle, then the next owned feed: with
  // thousands of feeds per connection, stepping them in turn would pause
  // every one of them before the first update.
  auto slot = turn_ % owned_.size();
  auto feed = owned_[slot];
  auto step = steps_[slot];
  steps_[slot] = after(step);
  if (step == churn_step::create)
    ++turn_;
  switch (step) {
    case churn_step::pause: return build_->pause(feed);
    case churn_step::update: return build_->update(feed, rounds_[slot]);
    case churn_step::resume: return build_->resume(feed);
    case churn_step::remove: return build_->remove(feed);
    default: ++rounds_[slot]; return build_->create(feed);
  }
}

std::optional<request_spec> request_source::next() {
  if (creates_) {
    auto k = creates_->next.fetch_add(1, std::memory_order_relaxed);
    if (k >= creates_->total)
      return std::nullopt;
    return build_->create(indices_ ? (*indices_)[k] : k);
  }
  auto what = mix_->choose(random_());
  auto any_feed = [&] { return feeds_ ? random_() % feeds_ : 0; };
  switch (what) {
    case pick::status: return build_->status();
    case pick::list: return build_->list();
    case pick::processors: return build_->processors();
    case pick::churn:
      if (!owned_.empty())
        return churn();
      if (mix_->entries().size() == 1)
        return std::nullopt; // a churn-only run with no feeds of its own
      return build_->get(any_feed());
    default: return build_->get(any_feed());
  }
}

} // namespace cdc::load
