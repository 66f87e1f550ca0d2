// The blocking etcd client; see etcd_client.hpp.
#include "actors/store/backend/etcd_client.hpp"

#include <poll.h>

#include <charconv>
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>

#include "actors/store/backend/etcd_tls.hpp"
#include "actors/store/backend/etcd_wire.hpp"

namespace cdc::store::etcd {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using clock = std::chrono::steady_clock;

/// A page of 1,000 changefeed infos is a few MiB of base64; this only stops
/// a broken peer from filling memory.
constexpr std::uint64_t max_answer_bytes = std::uint64_t{256} << 20;

error fault(error::kind k, std::string message) {
  return {k, 0, std::move(message)};
}

std::string millis(std::chrono::milliseconds d) {
  return std::to_string(d.count()) + " ms";
}

} // namespace

model::result<std::vector<endpoint>> parse_endpoints(std::string_view list) {
  std::vector<endpoint> out;
  auto refuse = [&](std::string_view entry, std::string_view why) {
    return model::fail(model::api_error::meta_store_failed,
                       {"invalid etcd endpoint \"" + std::string{entry} + "\": " + std::string{why}});
  };
  std::size_t at = 0;
  while (at <= list.size()) {
    auto comma = list.find(',', at);
    auto entry = list.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at);
    at = comma == std::string_view::npos ? list.size() + 1 : comma + 1;
    auto url = boost::urls::parse_uri(entry);
    if (!url)
      return refuse(entry, "expected http://host:port");
    if (url->scheme() != "http" && url->scheme() != "https")
      return refuse(entry, "only http:// and https:// are supported");
    if (url->host().empty() || !url->has_port() || url->port().empty())
      return refuse(entry, "expected http://host:port");
    if (url->has_userinfo() || url->has_query() || url->has_fragment() || (!url->path().empty() && url->path() != "/"))
      return refuse(entry, "expected http://host:port with nothing after the port");
    out.push_back({std::string{url->host_address()}, std::string{url->port()}, std::string{entry},
                   url->scheme() == "https"});
  }
  if (out.empty() || list.empty())
    return refuse(list, "no endpoint given");
  return out;
}

/// The one connection and the I/O context it runs on, driven on the
/// caller's thread: each step is an asynchronous operation that the call
/// runs to completion or to its deadline.
struct client::connection {
  net::io_context ioc;
  tcp::resolver resolver{ioc};
  beast::tcp_stream stream{ioc};
  /// For https:// endpoints, over `stream` while it is open.
  std::shared_ptr<net::ssl::context> tls_context;
  std::optional<tls_stream> tls;
  beast::flat_buffer buffer;
  /// The endpoint in use, or to try first.
  std::size_t at = 0;
  bool open = false;

  // A page of a list is megabytes: read it 64 KiB at a time, not 512 bytes.
  explicit connection(std::shared_ptr<net::ssl::context> tls_options) : tls_context(std::move(tls_options)) {
    buffer.reserve(64 * 1024);
  }


  /// Runs the operations started until `done` or the deadline. At the
  /// deadline everything pending is cancelled and run to its end, so no
  /// handler outlives the call.
  bool run_until(clock::time_point deadline, const bool& done) {
    ioc.restart();
    while (!done && ioc.run_one_until(deadline) > 0) {
    }
    if (done)
      return true;
    resolver.cancel();
    stream.close();
    open = false;
    ioc.restart();
    ioc.run();
    return false;
  }

  void close() {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.close();
    tls.reset();
    buffer.clear();
    open = false;
  }

  /// An idle kept-alive connection that has anything to read was closed by
  /// etcd (a restart, an idle timeout): it is opened again before a request
  /// is sent on it, so that request cannot be lost on a dead socket.
  bool closed_by_peer() {
    pollfd p{stream.socket().native_handle(), POLLIN | POLLRDHUP, 0};
    return ::poll(&p, 1, 0) != 0;
  }

  /// Connects to `ep`; an empty string on success, else why not.
  std::string connect(const endpoint& ep, clock::time_point deadline) {
    bool done = false;
    beast::error_code ec;
    std::vector<tcp::endpoint> targets;
    // An IP address (the usual --pd) needs no lookup, and so no resolver
    // thread (asio resolves on a thread of its own).
    auto ip = net::ip::make_address(ep.host, ec);
    std::uint16_t port = 0;
    std::from_chars(ep.port.data(), ep.port.data() + ep.port.size(), port);
    if (!ec) {
      targets.emplace_back(ip, port);
    } else {
      resolver.async_resolve(ep.host, ep.port, [&](beast::error_code e, tcp::resolver::results_type r) {
        ec = e;
        for (const auto& entry : r)
          targets.push_back(entry.endpoint());
        done = true;
      });
      if (!run_until(deadline, done))
        return "cannot resolve the host in time";
      if (ec)
        return "cannot resolve the host: " + ec.message();
      done = false;
    }
    stream.expires_at(deadline);
    stream.async_connect(targets, [&](beast::error_code e, const tcp::endpoint&) {
      ec = e;
      done = true;
    });
    if (!run_until(deadline, done) || ec == beast::error::timeout)
      return "cannot connect in time";
    if (ec)
      return "cannot connect: " + ec.message();
    stream.socket().set_option(tcp::no_delay(true), ec);
    if (ep.tls) {
      if (auto why = handshake(ep, deadline); !why.empty()) {
        close();
        return why;
      }
    }
    open = true;
    return {};
  }

  /// TLS over the connected stream; an empty string on success, else why not.
  std::string handshake(const endpoint& ep, clock::time_point deadline) {
    tls_context = tls_context_or_default(std::move(tls_context));
    tls.emplace(stream, *tls_context);
    prepare_tls(*tls, ep);
    beast::error_code ec;
    bool done = false;
    stream.expires_at(deadline);
    tls->async_handshake(net::ssl::stream_base::client, [&](beast::error_code e) {
      ec = e;
      done = true;
    });
    if (!run_until(deadline, done) || ec == beast::error::timeout)
      return "no TLS handshake in time";
    if (ec)
      return "TLS handshake failed: " + ec.message();
    return {};
  }

  /// What one request brought back.
  struct exchange_result {
    beast::error_code ec;
    /// Part of the request may have reached etcd.
    bool sent = false;
    bool timed_out = false;
    http::response<http::string_body> answer;
  };

  exchange_result exchange(const endpoint& ep, std::string_view path, const std::string& body,
                           clock::time_point deadline) {
    exchange_result out;
    http::request<http::string_body> req{http::verb::post, path, 11};
    req.set(http::field::host, ep.host + ":" + ep.port);
    req.set(http::field::content_type, "application/json");
    req.keep_alive(true);
    req.body() = body;
    req.prepare_payload();
    bool done = false;
    stream.expires_at(deadline);
    on_stream(tls, stream, [&](auto& s) {
      http::async_write(s, req, [&](beast::error_code e, std::size_t n) {
        out.ec = e;
        out.sent = n > 0 || !e;
        done = true;
      });
    });
    if (!run_until(deadline, done) || out.ec == beast::error::timeout) {
      out.timed_out = true;
      out.sent = true;
      return out;
    }
    if (out.ec)
      return out;
    http::response_parser<http::string_body> parser;
    parser.body_limit(max_answer_bytes);
    done = false;
    stream.expires_at(deadline);
    on_stream(tls, stream, [&](auto& s) {
      http::async_read(s, buffer, parser, [&](beast::error_code e, std::size_t) {
        out.ec = e;
        done = true;
      });
    });
    if (!run_until(deadline, done) || out.ec == beast::error::timeout) {
      out.timed_out = true;
      return out;
    }
    if (!out.ec)
      out.answer = parser.release();
    return out;
  }
};

client::client(std::vector<endpoint> endpoints, client_options options)
  : endpoints_(std::move(endpoints)), options_(options), conn_(std::make_unique<connection>(options_.tls)) {}

client::~client() = default;
client::client(client&&) noexcept = default;
client& client::operator=(client&&) noexcept = default;

std::string client::describe() const {
  std::string out = "etcd ";
  for (std::size_t i = 0; i < endpoints_.size(); ++i)
    out += (i ? "," : "") + endpoints_[i].url;
  return out;
}

result<boost::json::value> client::call(std::string_view path, std::string body, bool idempotent) {
  auto& c = *conn_;
  auto deadline = clock::now() + options_.timeout;
  auto n = endpoints_.size();
  std::string failures;
  auto next_endpoint = [&](const std::string& why) {
    failures += (failures.empty() ? "" : "; ") + endpoints_[c.at].url + ": " + why;
    c.close();
    c.at = (c.at + 1) % n;
  };
  for (std::size_t tried = 0; tried < n && clock::now() < deadline; ++tried) {
    const auto& ep = endpoints_[c.at];
    if (c.open && c.closed_by_peer())
      c.close();
    if (!c.open) {
      // A silent endpoint gets its share of the time, not all of it.
      auto share = (deadline - clock::now()) / static_cast<long>(n - tried);
      if (auto why = c.connect(ep, clock::now() + share); !why.empty()) {
        next_endpoint(why);
        continue;
      }
    }
    auto x = c.exchange(ep, path, body, deadline);
    auto where = "etcd " + ep.url + " " + std::string{path} + ": ";
    if (x.timed_out) {
      c.close();
      return fault(error::kind::timed_out, where + "no answer within " + millis(options_.timeout));
    }
    if (x.ec) {
      c.close();
      if (x.sent && !idempotent)
        return fault(error::kind::unreachable, where + "the connection was lost before the answer (" + x.ec.message()
                                                 + "); the write may have been applied");
      next_endpoint("the connection was lost: " + x.ec.message());
      continue;
    }
    if (!x.answer.keep_alive())
      c.close();
    boost::system::error_code ec;
    auto json = boost::json::parse(x.answer.body(), ec);
    if (x.answer.result() != http::status::ok) {
      if (auto e = ec ? std::nullopt : wire::read_error(json)) {
        e->message = where + e->message + " (gRPC code " + std::to_string(e->grpc_code) + ")";
        return *e;
      }
      return fault(error::kind::rejected,
                   where + "HTTP " + std::to_string(x.answer.result_int()) + ": " + x.answer.body().substr(0, 200));
    }
    if (ec)
      return fault(error::kind::bad_answer, where + "the answer is not JSON: " + ec.message());
    return json;
  }
  if (failures.empty())
    failures = "no time left to try (timeout " + millis(options_.timeout) + ")";
  return fault(error::kind::unreachable, describe() + " " + std::string{path} + ": unreachable: " + failures);
}

namespace {

/// Decodes a call's answer, naming the call when it is not what the API says.
template <class T, class Read>
result<T> decode(result<boost::json::value> answer, const client& c, std::string_view path, Read read) {
  if (!answer)
    return answer.error();
  auto r = read(*answer);
  if (!r) {
    auto e = r.error();
    e.message = c.describe() + " " + std::string{path} + ": unexpected answer: " + e.message;
    return e;
  }
  return r;
}

} // namespace

result<range_response> client::range(const range_request& r) {
  constexpr std::string_view path = "/v3/kv/range";
  return decode<range_response>(call(path, wire::range_body(r), true), *this, path, wire::read_range);
}

result<std::int64_t> client::put(const put_request& r) {
  constexpr std::string_view path = "/v3/kv/put";
  return decode<std::int64_t>(call(path, wire::put_body(r), false), *this, path, wire::read_revision);
}

result<std::int64_t> client::remove(const delete_request& r) {
  constexpr std::string_view path = "/v3/kv/deleterange";
  return decode<std::int64_t>(call(path, wire::delete_body(r), false), *this, path, wire::read_revision);
}

result<txn_response> client::txn(const txn_request& r) {
  constexpr std::string_view path = "/v3/kv/txn";
  // A txn made only of reads may be sent again; one that writes may not.
  bool reads_only = std::all_of(r.success.begin(), r.success.end(),
                                [](const txn_op& op) { return std::holds_alternative<range_request>(op); })
                    && std::all_of(r.failure.begin(), r.failure.end(),
                                   [](const txn_op& op) { return std::holds_alternative<range_request>(op); });
  return decode<txn_response>(call(path, wire::txn_body(r), reads_only), *this, path, wire::read_txn);
}

result<lease_grant> client::grant_lease(std::chrono::seconds ttl) {
  constexpr std::string_view path = "/v3/lease/grant";
  return decode<lease_grant>(call(path, wire::lease_grant_body(ttl), false), *this, path, wire::read_lease_grant);
}

result<void> client::revoke_lease(std::int64_t id) {
  constexpr std::string_view path = "/v3/lease/revoke";
  auto r = decode<std::int64_t>(call(path, wire::lease_id_body(id), true), *this, path, wire::read_revision);
  if (!r)
    return r.error();
  return {};
}

result<std::int64_t> client::keep_alive(std::int64_t id) {
  constexpr std::string_view path = "/v3/lease/keepalive";
  return decode<std::int64_t>(call(path, wire::lease_id_body(id), true), *this, path, wire::read_keep_alive);
}

} // namespace cdc::store::etcd
