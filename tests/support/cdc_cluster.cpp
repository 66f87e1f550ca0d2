#include "tests/support/cdc_cluster.hpp"

#include <signal.h>

#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"

namespace cdc::test {

using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

cdc_cluster::cdc_cluster(const std::string& name, int ttl, std::size_t count, std::vector<std::string> extra)
    : base(name), etcd(base.path / "etcd"), ttl(ttl), extra_flags(std::move(extra)) {
  for (std::size_t i = 0; i < count; ++i)
    start_node(i);
}

cdc_cluster::~cdc_cluster() {
  for (auto& n : nodes)
    if (n.running) {
      n.process->signal(SIGCONT);
      n.process->signal(SIGKILL);
      n.process->wait();
    }
}

void cdc_cluster::start_node(std::size_t i) {
  auto data = base.path / ("node-" + std::to_string(i));
  auto args = server_args(data.string());
  args.push_back("--pd=" + etcd.endpoint());
  args.push_back("--cluster-id=e2e");
  args.push_back("--capture-session-ttl=" + std::to_string(ttl));
  args.push_back("--log-file=" + log_of(i).string());
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  node n;
  n.process = std::make_unique<child_process>(cdc_binary(), args);
  n.address = listening_addresses(*n.process, 1).at(0);
  if (i < nodes.size())
    nodes[i] = std::move(n);
  else
    nodes.push_back(std::move(n));
}

std::filesystem::path cdc_cluster::log_of(std::size_t i) const {
  return base.path / ("node-" + std::to_string(i) + ".log");
}

std::optional<boost::json::object> cdc_cluster::status(std::size_t i) {
  try {
    http_client c(nodes[i].address);
    c.send_raw("GET /api/v2/status HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = c.read_response(300ms);
    if (r.status != 200)
      return std::nullopt;
    return r.json().as_object();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<std::size_t> cdc_cluster::owners() {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].running)
      if (auto s = status(i); s && s->at("is_owner").as_bool())
        out.push_back(i);
  return out;
}

std::optional<std::size_t> cdc_cluster::one_owner(std::chrono::milliseconds within) {
  auto deadline = clock_type::now() + within;
  do {
    if (auto o = owners(); o.size() == 1)
      return o.front();
    std::this_thread::sleep_for(50ms);
  } while (clock_type::now() < deadline);
  return std::nullopt;
}

std::set<std::string> cdc_cluster::captures(std::size_t i) {
  http_client c(nodes[i].address);
  auto r = c.get("/api/v2/captures");
  std::set<std::string> out;
  if (r.status != 200)
    return out;
  auto body = r.json();
  for (const auto& item : body.at("items").as_array())
    out.insert(std::string(item.at("id").as_string()) + (item.at("is_owner").as_bool() ? "*" : ""));
  return out;
}

std::string cdc_cluster::id_of(std::size_t i) { return std::string(status(i).value().at("id").as_string()); }

void cdc_cluster::kill(std::size_t i, int sig) {
  nodes[i].process->signal(sig);
  if (sig == SIGKILL || sig == SIGTERM) {
    BOOST_TEST(nodes[i].process->wait(20s).has_value());
    nodes[i].running = false;
  }
}

} // namespace cdc::test
