#include "tools/load/connection.hpp"

#include <boost/asio/strand.hpp>

namespace cdc::load {

namespace {

// A refused connect comes back at once; start retrying soon (the next node
// is likely alive) and back off to at most a second while none answers.
constexpr std::chrono::milliseconds first_backoff{50};
constexpr std::chrono::milliseconds max_backoff{1000};

std::optional<feed_op> step_of(op o) {
  switch (o) {
    case op::create: return feed_op::create;
    case op::pause: return feed_op::pause;
    case op::update: return feed_op::update;
    case op::resume: return feed_op::resume;
    case op::remove: return feed_op::remove;
    default: return std::nullopt;
  }
}

} // namespace

void phase_state::connection_finished() {
  if (active.fetch_sub(1) == 1) {
    std::lock_guard guard{lock};
    all_done.notify_all();
  }
}

connection::connection(phase_state& phase, request_source& source, recorder& rec, std::size_t id)
  : phase_(phase), source_(source), rec_(rec), stream_(net::make_strand(phase.ioc)), timer_(stream_.get_executor()),
    id_(id), node_(id % phase.endpoints.size()), backoff_(first_backoff) {
  req_.version(11);
  req_.set(bhttp::field::user_agent, "cdc-load");
  req_.keep_alive(true);
}

void connection::start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->next(); });
}

void connection::connect() {
  stream_.expires_after(phase_.timeout);
  stream_.async_connect(phase_.endpoints[node_],
                        [self = shared_from_this()](beast::error_code ec) { self->on_connect(ec); });
}

void connection::on_connect(beast::error_code ec) {
  if (ec)
    return connect_failed(ec);
  connected_ = true;
  backoff_ = first_backoff;
  stream_.socket().set_option(tcp::no_delay(true), ec);
  send();
}

void connection::next() {
  current_.reset();
  auto now = steady::now();
  if (phase_.deadline && now >= *phase_.deadline)
    return finish();
  if (phase_.budget.fetch_sub(1, std::memory_order_relaxed) <= 0)
    return finish();
  current_ = source_.next();
  if (!current_)
    return finish();
  connect_attempts_ = 0;
  if (phase_.rate > 0) {
    auto k = phase_.slots.fetch_add(1, std::memory_order_relaxed);
    auto when = phase_.start + std::chrono::duration_cast<steady::duration>(
                                 std::chrono::duration<double>(static_cast<double>(k) / phase_.rate));
    if (when > now) {
      if (phase_.deadline && when >= *phase_.deadline)
        return finish();
      timer_.expires_at(when);
      timer_.async_wait([self = shared_from_this()](beast::error_code) { self->send(); });
      return;
    }
  }
  send();
}

void connection::send() {
  if (!connected_)
    return connect();
  auto& spec = *current_;
  req_.set(bhttp::field::host, phase_.host_headers[node_]);
  req_.method_string(spec.method);
  req_.target(spec.target);
  if (spec.body.empty())
    req_.erase(bhttp::field::content_type);
  else
    req_.set(bhttp::field::content_type, "application/json");
  req_.body() = std::move(spec.body);
  req_.prepare_payload();
  sent_ = steady::now();
  stream_.expires_after(phase_.timeout);
  bhttp::async_write(stream_, req_, beast::bind_front_handler(&connection::on_write, shared_from_this()));
}

void connection::on_write(beast::error_code ec, std::size_t) {
  if (ec)
    return broken(ec);
  parser_.emplace();
  parser_->body_limit(std::uint64_t{1} << 30); // a list of every changefeed may be large
  bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&connection::on_read, shared_from_this()));
}

void connection::on_read(beast::error_code ec, std::size_t) {
  if (ec)
    return broken(ec);
  const auto& res = parser_->get();
  outcome o;
  o.kind = current_->kind;
  o.status = res.result_int();
  if (o.failed())
    o.error_code = extract_error_code(res.body());
  o.latency = steady::now() - sent_;
  rec_.record(o);
  record_step(o.status, o.error_code);
  if (!res.keep_alive()) {
    beast::error_code ignored;
    stream_.socket().close(ignored);
    connected_ = false;
  }
  next();
}

void connection::connect_failed(beast::error_code ec) {
  beast::error_code ignored;
  stream_.socket().close(ignored);
  node_ = (node_ + 1) % phase_.endpoints.size();
  timer_.expires_after(backoff_);
  backoff_ = std::min(backoff_ * 2, max_backoff);
  // Once every node refused it the request fails (no node may be up, and
  // create N must still end); before that it just goes to the next node.
  if (++connect_attempts_ >= phase_.endpoints.size()) {
    outcome o;
    o.kind = current_->kind;
    auto why = "connect: " + (ec == beast::error::timeout ? std::string("timeout") : ec.message());
    o.error_code = why;
    rec_.record(o);
    timer_.async_wait([self = shared_from_this()](beast::error_code) { self->next(); });
    return;
  }
  timer_.async_wait([self = shared_from_this()](beast::error_code) {
    if (self->phase_.deadline && steady::now() >= *self->phase_.deadline)
      return self->finish();
    self->connect();
  });
}

void connection::broken(beast::error_code ec) {
  outcome o;
  o.kind = current_ ? current_->kind : op::status;
  o.status = 0;
  auto why = ec == beast::error::timeout ? std::string("timeout") : ec.message();
  o.error_code = why;
  o.latency = steady::now() - sent_;
  rec_.record(o);
  record_step(0, why);
  beast::error_code ignored;
  stream_.socket().close(ignored);
  connected_ = false;
  buffer_.clear();
  timer_.expires_after(std::chrono::milliseconds(100));
  timer_.async_wait([self = shared_from_this()](beast::error_code) { self->next(); });
}

void connection::record_step(unsigned status, std::string_view error_code) {
  auto step = step_of(current_->kind);
  if (!phase_.history || !step || current_->feed.empty())
    return;
  history_entry e;
  e.feed = current_->feed;
  e.what = *step;
  e.outcome = status ? classify(status, error_code) : ack::unknown;
  e.status = status;
  e.error_code = error_code;
  e.node = phase_.host_headers[node_];
  e.setup = phase_.setup;
  e.conn = id_;
  e.seq = seq_++;
  e.at_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::system_clock::now().time_since_epoch())
              .count();
  phase_.history->append(e);
}

void connection::finish() {
  if (finished_)
    return;
  finished_ = true;
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
  phase_.connection_finished();
}

} // namespace cdc::load
