// The floor: a bare Boost.Beast keep-alive server answering a fixed JSON body
// of the size of /api/v2/status (or of BYTES), with the same thread count as
// `cdc server`. Our API is measured against it on the same machine in the
// same run.   beast-floor [port=8400] [threads=2] [bytes]
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string body =
  R"({"version":"v0.1.0","git_hash":"0000000000000000000000000000000000000000","id":"82a0e38f-130c-4bd3-bad2-f968e7394d9e","cluster_id":"default","pid":4711,"is_owner":true,"liveness":0})";

class session : public std::enable_shared_from_this<session> {
public:
  explicit session(tcp::socket&& s) : stream_(std::move(s)) {}
  void run() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&session::do_read, shared_from_this()));
  }

private:
  void do_read() {
    req_ = {};
    bhttp::async_read(stream_, buffer_, req_, beast::bind_front_handler(&session::on_read, shared_from_this()));
  }
  void on_read(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    res_ = {};
    res_.version(req_.version());
    res_.result(bhttp::status::ok);
    res_.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res_.keep_alive(req_.keep_alive());
    res_.body() = body;
    res_.prepare_payload();
    bhttp::async_write(stream_, res_, beast::bind_front_handler(&session::on_write, shared_from_this()));
  }
  void on_write(beast::error_code ec, std::size_t) {
    if (ec || !res_.keep_alive())
      return;
    do_read();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> req_;
  bhttp::response<bhttp::string_body> res_;
};

void accept(tcp::acceptor& acc, net::io_context& ioc) {
  acc.async_accept(net::make_strand(ioc), [&](beast::error_code ec, tcp::socket s) {
    if (!ec) {
      s.set_option(tcp::no_delay(true));
      std::make_shared<session>(std::move(s))->run();
    }
    accept(acc, ioc);
  });
}

} // namespace

int main(int argc, char** argv) {
  unsigned short port = argc > 1 ? static_cast<unsigned short>(std::stoi(argv[1])) : 8400;
  int threads = argc > 2 ? std::stoi(argv[2]) : 2;
  if (argc > 3) // a body as large as another endpoint's answer, e.g. a changefeed's detail
    body = R"({"pad":")" + std::string(std::max(0, std::stoi(argv[3]) - 11), 'x') + R"("})";
  net::io_context ioc{threads};
  tcp::acceptor acc{ioc, {net::ip::make_address("127.0.0.1"), port}};
  accept(acc, ioc);
  std::printf("beast-floor listening on 127.0.0.1:%u\n", acc.local_endpoint().port());
  std::fflush(stdout);
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i)
    pool.emplace_back([&] { ioc.run(); });
  ioc.run();
}
