#include "http/session.hpp"

#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include "http/errors.hpp"
#include "http/reply.hpp"
#include "http/router.hpp"
#include "model/json/utf8.hpp"

namespace cdc::http {

session::session(tcp::socket&& socket, std::shared_ptr<server_context> ctx,
                 std::size_t bridge_index)
  : stream_(std::move(socket)), ctx_(std::move(ctx)), bridge_index_(bridge_index) {}

void session::run() {
  // Start on the connection's strand: all I/O of this session happens there.
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&session::do_read, shared_from_this()));
}

void session::do_read() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(ctx_->lim.header_bytes));
  parser_->body_limit(ctx_->lim.body_bytes);
  stream_.expires_after(ctx_->lim.idle_timeout);
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&session::on_read, shared_from_this()));
}

void session::on_read(beast::error_code ec, std::size_t) {
  if (ec == bhttp::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout
      || ec == net::error::operation_aborted || ec == net::error::connection_reset)
    return do_close();
  if (ec) {
    // The request cannot be read to its end: answer once, then close, since
    // the rest of the stream can no longer be framed.
    keep_alive_ = false;
    ++ctx_->in_flight;
    if (ec == bhttp::error::body_limit)
      return on_reply(413, render(model::fail(model::api_error::request_body_too_large,
                                              {std::to_string(ctx_->lim.body_bytes)})).body);
    auto bad = render(model::fail_with(model::api_error::api_invalid_param,
                                       "invalid api parameter: malformed HTTP request: " + ec.message()));
    return on_reply(400, std::move(bad.body));
  }
  dispatch(parser_->release());
}

void session::dispatch(bhttp::request<bhttp::string_body>&& req) {
  version_ = req.version();
  keep_alive_ = req.keep_alive() && !ctx_->draining.load(std::memory_order_relaxed);
  ++ctx_->in_flight;

  // The reply may come from any thread; continue on this strand (at once when
  // the handler answered synchronously, already on the strand).
  reply r{[self = shared_from_this()](unsigned status, std::string body) {
    net::dispatch(self->stream_.get_executor(),
                  [self, status, body = std::move(body)]() mutable { self->on_reply(status, std::move(body)); });
  }};

  request_context rc;
  rc.method = req.method();
  rc.node = ctx_->node;
  rc.api = ctx_->api;
  rc.bridge_index = bridge_index_;
  auto target = req.target();
  auto url = boost::urls::parse_origin_form(std::string_view(target.data(), target.size()));
  if (!url) {
    r.send_failure(model::fail_with(model::api_error::api_invalid_param,
                                    "invalid api parameter: malformed request target"));
    return;
  }
  for (auto seg : url->segments())
    rc.segments.push_back(std::move(seg));
  // "/api/v2/changefeeds/" means the same as without the slash (TiCDC
  // redirects instead; curl does not follow redirects by default).
  if (!rc.segments.empty() && rc.segments.back().empty())
    rc.segments.pop_back();
  for (auto param : url->params())
    rc.query.emplace_back(std::move(param.key), std::move(param.value));
  rc.body = std::move(req.body());
  ctx_->routes->dispatch(rc, r);
}

void session::on_reply(unsigned status, std::string body) {
  // Every answer leaves here: request bytes that reached it unchecked (a
  // percent-decoded path in an error message) must not make it invalid JSON.
  model::json::replace_invalid_utf8(body);
  res_ = {};
  res_.version(version_);
  res_.result(status);
  res_.set(bhttp::field::content_type, "application/json; charset=utf-8");
  res_.keep_alive(keep_alive_ && !ctx_->draining.load(std::memory_order_relaxed));
  res_.body() = std::move(body);
  res_.prepare_payload();
  stream_.expires_after(ctx_->lim.write_timeout);
  bhttp::async_write(stream_, res_, beast::bind_front_handler(&session::on_write, shared_from_this()));
}

void session::on_write(beast::error_code ec, std::size_t) {
  --ctx_->in_flight;
  if (ec || !res_.keep_alive())
    return do_close();
  do_read();
}

void session::do_close() {
  // Half-close, then read until the peer closes too (bounded by a timeout):
  // closing with unread request bytes would send a reset that can destroy the
  // answer we just wrote (e.g. a 413 for a body still being uploaded).
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) {
    stream_.socket().close(ec);
    return;
  }
  stream_.expires_after(std::chrono::seconds(2));
  do_drain();
}

void session::do_drain() {
  buffer_.clear();
  stream_.async_read_some(buffer_.prepare(64 * 1024),
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                            if (!ec)
                              return self->do_drain();
                            self->stream_.socket().close(ec);
                          });
}

} // namespace cdc::http
