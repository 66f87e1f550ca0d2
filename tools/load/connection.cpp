#include "tools/load/connection.hpp"

#include <boost/asio/strand.hpp>

namespace cdc::load {

void phase_state::connection_finished() {
  if (active.fetch_sub(1) == 1) {
    std::lock_guard guard{lock};
    all_done.notify_all();
  }
}

connection::connection(phase_state& phase, request_source& source, recorder& rec)
  : phase_(phase), source_(source), rec_(rec), stream_(net::make_strand(phase.ioc)), timer_(stream_.get_executor()) {
  req_.version(11);
  req_.set(bhttp::field::host, phase_.host_header);
  req_.set(bhttp::field::user_agent, "cdc-load");
  req_.keep_alive(true);
}

void connection::start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->next(); });
}

void connection::connect() {
  stream_.expires_after(phase_.timeout);
  stream_.async_connect(phase_.endpoint, [self = shared_from_this()](beast::error_code ec) { self->on_connect(ec); });
}

void connection::on_connect(beast::error_code ec) {
  if (ec)
    return broken(ec);
  connected_ = true;
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
  if (!res.keep_alive()) {
    beast::error_code ignored;
    stream_.socket().close(ignored);
    connected_ = false;
  }
  next();
}

void connection::broken(beast::error_code ec) {
  outcome o;
  o.kind = current_ ? current_->kind : op::status;
  o.status = 0;
  auto why = ec == beast::error::timeout ? std::string("timeout") : ec.message();
  o.error_code = why;
  o.latency = connected_ ? steady::now() - sent_ : std::chrono::nanoseconds{0};
  rec_.record(o);
  beast::error_code ignored;
  stream_.socket().close(ignored);
  connected_ = false;
  buffer_.clear();
  timer_.expires_after(std::chrono::milliseconds(100));
  timer_.async_wait([self = shared_from_this()](beast::error_code) { self->next(); });
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
