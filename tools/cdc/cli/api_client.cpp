// The cli's blocking HTTP client; see api_client.hpp.
#include "tools/cdc/cli/api_client.hpp"

#include <chrono>
#include <cctype>
#include <cstdio>
#include <type_traits>
#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/tls_context.hpp"
#include "model/codec/base64.hpp"

namespace cdc::cli {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

/// A request that takes longer than this has hung: the cli says so rather
/// than waiting for ever.
constexpr auto request_timeout = std::chrono::seconds(30);

/// Go's name for a method in its client errors ("Get", "Post", ...).
std::string go_method(std::string_view method) {
  std::string out(method);
  for (std::size_t i = 1; i < out.size(); ++i)
    out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
  return out;
}

/// Go's text for a socket error ("connect: connection refused").
std::string go_net_error(const beast::error_code& ec, bool connecting) {
  if (ec == beast::error::timeout)
    return "context deadline exceeded";
  std::string msg = ec.message();
  for (auto& c : msg)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return connecting ? "connect: " + msg : msg;
}

/// The client side of TLS: trust `ca_path` (else the system's CAs), and
/// show the client certificate when one is given.
std::shared_ptr<boost::asio::ssl::context> client_tls(const client_security& security) {
  std::string error;
  auto ctx = cdc::http::make_client_tls(security.ca_path, security.cert_path, security.key_path, error);
  if (!ctx)
    throw cli_error(error);
  return ctx;
}

/// Connects, shakes hands over TLS when the stream is one, writes `req` and
/// reads the answer into `parser`, all on `ioc` under the stream's deadline.
/// Returns the first error and whether it came while connecting.
template <class Stream, class Endpoints>
std::pair<beast::error_code, bool> exchange(boost::asio::io_context& ioc, Stream& stream, const Endpoints& endpoints,
                                            http::request<http::string_body>& req,
                                            http::response_parser<http::string_body>& parser) {
  beast::flat_buffer buffer;
  beast::error_code result;
  bool connecting = true;
  auto read_answer = [&] {
    http::async_write(stream, req, [&](beast::error_code e, std::size_t) {
      if (e) {
        result = e;
        return;
      }
      http::async_read(stream, buffer, parser, [&](beast::error_code e2, std::size_t) { result = e2; });
    });
  };
  beast::get_lowest_layer(stream).expires_after(request_timeout);
  beast::get_lowest_layer(stream).async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) {
    if (e) {
      result = e;
      return;
    }
    connecting = false;
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      read_answer();
    } else {
      stream.async_handshake(boost::asio::ssl::stream_base::client, [&](beast::error_code e2) {
        if (e2) {
          result = e2;
          return;
        }
        read_answer();
      });
    }
  });
  ioc.run();
  return {result, connecting};
}

} // namespace

api_client::~api_client() = default;
api_client::api_client(api_client&&) noexcept = default;

api_client::api_client(const std::string& server, const client_security& security) {
  std::string_view rest = server;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
    tls_ = client_tls(security);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  }
  if (!security.user.empty())
    authorization_ = "Basic " + model::base64_encode(security.user + ":" + security.password);
  while (rest.ends_with('/'))
    rest.remove_suffix(1);
  auto colon = rest.rfind(':');
  if (rest.empty() || colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size()
      || rest.find_first_of("/?#") != std::string_view::npos)
    throw cli_error("--server " + server + ": expected http://host:port or https://host:port");
  host_ = std::string(rest.substr(0, colon));
  port_ = std::string(rest.substr(colon + 1));
  if (host_.size() > 2 && host_.front() == '[' && host_.back() == ']')
    host_ = host_.substr(1, host_.size() - 2);
}

boost::json::value api_client::get(std::string_view target) { return call("GET", target, nullptr); }
boost::json::value api_client::post(std::string_view target, const boost::json::value* body) {
  return call("POST", target, body);
}
boost::json::value api_client::put(std::string_view target, const boost::json::value& body) {
  return call("PUT", target, &body);
}
boost::json::value api_client::del(std::string_view target, const boost::json::value* body) {
  return call("DELETE", target, body);
}

boost::json::value api_client::call(std::string_view method, std::string_view target,
                                    const boost::json::value* body) {
  std::string authority = host_.find(':') != std::string::npos ? "[" + host_ + "]:" + port_ : host_ + ":" + port_;
  std::string url = (tls_ ? "https://" : "http://") + authority + std::string(target);
  auto fail = [&](const std::string& why) {
    return cli_error(go_method(method) + " \"" + url + "\": " + why);
  };

  boost::asio::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(host_, port_, ec);
  if (ec)
    throw fail("dial tcp: lookup " + host_ + ": " + go_net_error(ec, false));

  http::request<http::string_body> req{http::string_to_verb(method), std::string(target), 11};
  req.set(http::field::host, authority);
  req.set(http::field::user_agent, "cdc-cli");
  req.set(http::field::accept, "application/json");
  if (!authorization_.empty())
    req.set(http::field::authorization, authorization_);
  if (body != nullptr) {
    req.set(http::field::content_type, "application/json");
    req.body() = boost::json::serialize(*body);
  }
  req.prepare_payload();

  // One deadline for connect, (handshake,) write and read, run on this
  // thread alone.
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  std::pair<beast::error_code, bool> outcome;
  if (tls_) {
    beast::ssl_stream<beast::tcp_stream> stream(ioc, *tls_);
    // SNI, and the name (or IP address) the server's certificate must carry.
    SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str());
    stream.set_verify_callback(boost::asio::ssl::host_name_verification(host_));
    outcome = exchange(ioc, stream, endpoints, req, parser);
    beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ec);
  } else {
    beast::tcp_stream stream(ioc);
    outcome = exchange(ioc, stream, endpoints, req, parser);
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  }
  auto [result, connecting] = outcome;
  if (result) {
    if (connecting)
      throw fail("dial tcp " + authority + ": " + go_net_error(result, true));
    throw fail(go_net_error(result, false));
  }

  const auto& res = parser.get();
  unsigned status = res.result_int();
  const std::string& text = res.body();
  if (status < 200 || status > 206) {
    boost::json::error_code jec;
    auto err = boost::json::parse(text, jec);
    if (!jec && err.is_object() && err.as_object().contains("error_msg")
        && err.as_object().at("error_msg").is_string())
      throw cli_error(std::string(err.as_object().at("error_msg").as_string()));
    throw cli_error("call cdc api failed, url=" + url + ", code=" + std::to_string(status)
                    + ", contentType=" + std::string(res[http::field::content_type]) + ", response=" + text);
  }
  if (text.empty())
    return nullptr;
  boost::json::error_code jec;
  auto out = boost::json::parse(text, jec);
  if (jec)
    throw cli_error("invalid character in the answer of " + url + ": " + jec.message());
  return out;
}

void api_client::check_version() {
  auto status = get("/api/v2/status");
  std::string version;
  if (status.is_object() && status.as_object().contains("version") && status.as_object().at("version").is_string())
    version = std::string(status.as_object().at("version").as_string());
  int major = 0;
  int minor = 0;
  std::string_view v = version;
  if (v.starts_with('v'))
    v.remove_prefix(1);
  if (std::sscanf(std::string(v).c_str(), "%d.%d", &major, &minor) != 2)
    throw cli_error("invalid CDC cluster version: " + version);
  if (major < 6 || (major == 6 && minor < 2))
    throw cli_error("Can’t operate the TiCDC cluster, the cluster version is too old. Only the version of this "
                    "cluster larger or equal than v6.2.0 can be operated, please make sure the server version and "
                    "the cli-tools version are matched.");
}

} // namespace cdc::cli
