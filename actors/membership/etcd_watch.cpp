// The prefix watch; see etcd_watch.hpp.
#include "actors/membership/etcd_watch.hpp"

#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include "actors/store/backend/etcd_tls.hpp"
#include "model/cluster/etcd_keys.hpp"
#include "model/codec/base64.hpp"

namespace cdc::membership {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace bj = boost::json;
using tcp = net::ip::tcp;

constexpr auto retry_interval = std::chrono::seconds(1);
constexpr auto connect_timeout = std::chrono::seconds(5);
/// A line of the stream is one batch of events (a few KiB of capture infos);
/// more than this without a line end is a broken peer.
constexpr std::size_t max_line_bytes = std::size_t{16} << 20;

std::string watch_body(const std::string& prefix) {
  bj::object create;
  create["key"] = model::base64_encode(prefix);
  create["range_end"] = model::base64_encode(model::etcd_keys::prefix_range_end(prefix));
  return bj::serialize(bj::object{{"create_request", std::move(create)}});
}

} // namespace

struct prefix_watch::loop {
  loop(std::vector<store::etcd::endpoint> eps, std::shared_ptr<net::ssl::context> tls_options, std::string prefix,
       std::function<void()> changed, std::atomic<std::size_t>& established)
    : endpoints(std::move(eps)), tls_context(std::move(tls_options)), body(watch_body(prefix)),
      prefix(std::move(prefix)), changed(std::move(changed)), established(established) {}

  net::io_context ioc;
  tcp::resolver resolver{ioc};
  beast::tcp_stream stream{ioc};
  /// For https:// endpoints, over `stream` while it is open.
  std::shared_ptr<net::ssl::context> tls_context;
  std::optional<store::etcd::tls_stream> tls;
  net::steady_timer retry{ioc};
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  std::optional<http::response_parser<http::string_body>> parser;
  std::vector<store::etcd::endpoint> endpoints;
  std::size_t at = 0;
  const std::string body;
  const std::string prefix;
  std::function<void()> changed;
  std::atomic<std::size_t>& established;
  bool stopping = false;
  /// Whether the failure of this attempt is worth a log line (the first of a
  /// run of failures is; the retries a second apart are not).
  bool quiet = false;

  void connect() {
    if (stopping)
      return;
    const auto& ep = endpoints[at];
    resolver.async_resolve(ep.host, ep.port, [this](beast::error_code ec, tcp::resolver::results_type r) {
      if (ec)
        return again("cannot resolve: " + ec.message());
      stream.expires_after(connect_timeout);
      stream.async_connect(r, [this](beast::error_code ec, const tcp::endpoint&) {
        if (ec)
          return again("cannot connect: " + ec.message());
        if (!endpoints[at].tls)
          return send();
        tls_context = store::etcd::tls_context_or_default(std::move(tls_context));
        tls.emplace(stream, *tls_context);
        store::etcd::prepare_tls(*tls, endpoints[at]);
        tls->async_handshake(net::ssl::stream_base::client, [this](beast::error_code ec) {
          if (ec)
            return again("TLS handshake failed: " + ec.message());
          send();
        });
      });
    });
  }


  void send() {
    const auto& ep = endpoints[at];
    req = {http::verb::post, "/v3/watch", 11};
    req.set(http::field::host, ep.host + ":" + ep.port);
    req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
    store::etcd::on_stream(tls, stream, [this](auto& s) {
      http::async_write(s, req, [this](beast::error_code ec, std::size_t) {
        if (ec)
          return again("cannot send: " + ec.message());
        // The answer stays open for as long as the watch lives.
        stream.expires_never();
        parser.emplace();
        parser->body_limit(boost::none);
        read();
      });
    });
  }

  void read() {
    store::etcd::on_stream(tls, stream, [this](auto& s) {
      http::async_read_some(s, buffer, *parser, [this](beast::error_code ec, std::size_t) {
        if (ec)
          return again(ec == http::error::end_of_stream ? "etcd ended the watch" : "watch cut: " + ec.message());
        if (parser->is_header_done() && parser->get().result() != http::status::ok)
          return again("etcd answered " + std::to_string(parser->get().result_int()));
        if (!take_lines())
          return;
        if (parser->is_done())
          return again("etcd ended the watch");
        read();
      });
    });
  }

  /// Handles every complete line of the body so far; false once the
  /// watch has been given up (it is then being opened again).
  bool take_lines() {
    auto& text = parser->get().body();
    std::size_t from = 0;
    for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
      std::string_view line{text.data() + from, nl - from};
      from = nl + 1;
      if (!take(line))
        return false;
    }
    text.erase(0, from);
    if (text.size() > max_line_bytes) {
      again("a watch message over " + std::to_string(max_line_bytes) + " bytes");
      return false;
    }
    return true;
  }

  /// One message of the stream: {"result": {"created"|"events"|"canceled"...}}
  /// or {"error": ...}.
  bool take(std::string_view line) {
    boost::system::error_code ec;
    auto v = bj::parse(line, ec);
    const auto* obj = ec ? nullptr : v.if_object();
    const auto* result = obj ? obj->if_contains("result") : nullptr;
    const auto* r = result ? result->if_object() : nullptr;
    if (!r) {
      again("etcd sent " + std::string{line.substr(0, 200)});
      return false;
    }
    if (r->contains("canceled")) {
      again("etcd cancelled the watch");
      return false;
    }
    if (r->contains("created")) {
      if (quiet)
        spdlog::info("membership: watching {} again at {}", prefix, endpoints[at].url);
      quiet = false;
      changed();
      // Counted after the read it brings: whoever sees the count sees the read.
      ++established;
    } else if (r->contains("events")) {
      changed();
    }
    return true;
  }

  /// Gives this attempt up and tries again, on the next endpoint, shortly.
  void again(const std::string& why) {
    if (stopping)
      return;
    if (!quiet)
      spdlog::warn("membership: watch of {} at {}: {}; retrying every {} s", prefix, endpoints[at].url, why,
                   retry_interval.count());
    quiet = true;
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.close();
    // Called from the handler of the operation that failed: none is pending.
    tls.reset();
    buffer.clear();
    parser.reset();
    at = (at + 1) % endpoints.size();
    retry.expires_after(retry_interval);
    retry.async_wait([this](beast::error_code ec) {
      if (!ec)
        connect();
    });
  }

  void stop() {
    stopping = true;
    resolver.cancel();
    retry.cancel();
    stream.close();
  }
};

prefix_watch::prefix_watch(std::vector<store::etcd::endpoint> endpoints, std::shared_ptr<net::ssl::context> tls,
                           std::string prefix, std::function<void()> changed)
  : loop_(std::make_unique<loop>(std::move(endpoints), std::move(tls), std::move(prefix), std::move(changed),
                                 established_)) {
  loop_->connect();
  thread_ = std::thread([l = loop_.get()] { l->ioc.run(); });
}

prefix_watch::~prefix_watch() {
  net::post(loop_->ioc, [l = loop_.get()] { l->stop(); });
  thread_.join();
}

} // namespace cdc::membership
