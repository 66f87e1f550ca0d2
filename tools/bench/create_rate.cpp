// create-rate: changefeed creates per second over HTTP, from N concurrent
// keep-alive clients (Beast, synchronous, one thread each), each create with
// a unique changefeed ID. Measures the write path through the meta store.
//   create-rate HOST:PORT [clients=16] [creates_per_client=100] [id_prefix=bench]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using clock_type = std::chrono::steady_clock;

namespace {

struct client_result {
  std::size_t ok = 0;
  std::size_t failed = 0;
  std::string first_error;
  std::vector<double> latencies_ms;
};

void run_client(const std::string& host, const std::string& port, const std::string& prefix, std::size_t index,
                std::size_t creates, client_result& out) {
  try {
    net::io_context ioc;
    tcp::resolver resolver{ioc};
    beast::tcp_stream stream{ioc};
    stream.connect(resolver.resolve(host, port));
    beast::flat_buffer buffer;
    for (std::size_t i = 0; i < creates; ++i) {
      http::request<http::string_body> req{http::verb::post, "/api/v2/changefeeds", 11};
      req.set(http::field::host, host);
      req.set(http::field::content_type, "application/json");
      req.keep_alive(true);
      // One table per feed keeps the replication each new feed adds small,
      // so the figure is about the create path, not the sinks.
      req.body() = R"({"changefeed_id":")" + prefix + "-" + std::to_string(index) + "-" + std::to_string(i)
                   + R"(","sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test0.t0"]}}})";
      req.prepare_payload();
      auto start = clock_type::now();
      http::write(stream, req);
      http::response<http::string_body> res;
      http::read(stream, buffer, res);
      out.latencies_ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
      if (res.result_int() == 200) {
        ++out.ok;
      } else {
        ++out.failed;
        if (out.first_error.empty())
          out.first_error = std::to_string(res.result_int()) + " " + res.body();
      }
    }
  } catch (const std::exception& e) {
    ++out.failed;
    if (out.first_error.empty())
      out.first_error = e.what();
  }
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: create-rate HOST:PORT [clients=16] [creates_per_client=100] [id_prefix=bench]\n");
    return 2;
  }
  std::string address = argv[1];
  auto colon = address.rfind(':');
  if (colon == std::string::npos) {
    std::fprintf(stderr, "create-rate: address must be HOST:PORT\n");
    return 2;
  }
  auto host = address.substr(0, colon);
  auto port = address.substr(colon + 1);
  std::size_t clients = argc > 2 ? std::stoul(argv[2]) : 16;
  std::size_t per_client = argc > 3 ? std::stoul(argv[3]) : 100;
  std::string prefix = argc > 4 ? argv[4] : "bench";

  std::vector<client_result> results(clients);
  std::vector<std::thread> threads;
  auto start = clock_type::now();
  for (std::size_t i = 0; i < clients; ++i)
    threads.emplace_back(run_client, host, port, prefix, i, per_client, std::ref(results[i]));
  for (auto& t : threads)
    t.join();
  auto seconds = std::chrono::duration<double>(clock_type::now() - start).count();

  std::size_t ok = 0, failed = 0;
  std::vector<double> lat;
  for (const auto& r : results) {
    ok += r.ok;
    failed += r.failed;
    lat.insert(lat.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    if (!r.first_error.empty())
      std::fprintf(stderr, "create-rate: first error of a client: %s\n", r.first_error.c_str());
  }
  std::sort(lat.begin(), lat.end());
  auto pct = [&](double p) { return lat.empty() ? 0.0 : lat[static_cast<std::size_t>(p * (lat.size() - 1))]; };
  std::printf("clients %zu  creates %zu  failed %zu  seconds %.2f  creates/s %.0f  p50 %.2f ms  p99 %.2f ms\n",
              clients, ok, failed, seconds, ok / seconds, pct(0.5), pct(0.99));
  return failed == 0 ? 0 : 1;
}
