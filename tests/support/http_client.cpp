#include "tests/support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>

namespace cdc::test {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

boost::json::value http_response::json() const { return boost::json::parse(body); }

std::string http_response::error_code() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object())
    return {};
  auto* code = v.as_object().if_contains("error_code");
  return code && code->is_string() ? std::string(code->get_string()) : std::string{};
}

struct http_client::impl {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;

  http_response read(std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    bhttp::response<bhttp::string_body> res;
    // Asynchronously, run to completion here: a stream's timeout bounds
    // only asynchronous operations.
    beast::error_code ec;
    stream.expires_after(timeout);
    bhttp::async_read(stream, buffer, res, [&ec](beast::error_code e, std::size_t) { ec = e; });
    ioc.restart();
    ioc.run();
    if (ec)
      throw boost::system::system_error(ec);
    http_response out;
    out.status = res.result_int();
    out.body = res.body();
    out.content_type = std::string(res[bhttp::field::content_type]);
    out.retry_after = std::string(res[bhttp::field::retry_after]);
    out.keep_alive = res.keep_alive();
    return out;
  }
};

http_client::http_client(const std::string& address) : impl_(std::make_unique<impl>()) {
  auto colon = address.rfind(':');
  tcp::resolver resolver{impl_->ioc};
  auto results = resolver.resolve(address.substr(0, colon), address.substr(colon + 1));
  impl_->stream.connect(results);
}

http_client::~http_client() {
  if (!impl_) // moved from
    return;
  beast::error_code ec;
  impl_->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

http_client::http_client(http_client&&) noexcept = default;
http_client& http_client::operator=(http_client&&) noexcept = default;

http_response http_client::request(const std::string& method, const std::string& target,
                                   const std::string& body, bool with_body) {
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "test");
  req.keep_alive(true);
  if (with_body) {
    req.set(bhttp::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
  }
  impl_->stream.expires_after(std::chrono::seconds(30));
  // A server may answer (413, 400) and stop reading before the body is sent:
  // still read its answer, as real clients do.
  beast::error_code ec;
  bhttp::write(impl_->stream, req, ec);
  return impl_->read();
}

http_response http_client::raw(const std::string& bytes) {
  send_raw(bytes);
  return impl_->read();
}

void http_client::send_raw(const std::string& bytes) { net::write(impl_->stream.socket(), net::buffer(bytes)); }

http_response http_client::read_response(std::chrono::milliseconds timeout) { return impl_->read(timeout); }

} // namespace cdc::test
