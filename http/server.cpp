#include "http/server.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "actors/published/capture_id.hpp"
#include "http/listener.hpp"
#include "http/routes.hpp"
#include "http/server_metrics.hpp"

namespace cdc::http {

server::server(caf::actor_system& sys, server_options opts)
  : sys_(sys),
    opts_(std::move(opts)),
    ioc_(static_cast<int>(opts_.io_threads)),
    routes_(make_api_router()) {
  auto address = net::ip::make_address(opts_.host);
  for (std::size_t i = 0; i < opts_.captures; ++i) {
    auto port = static_cast<std::uint16_t>(opts_.port == 0 ? 0 : opts_.port + i);
    auto ctx = std::make_shared<server_context>();
    ctx->routes = &routes_;
    ctx->api = &api_;
    ctx->lim = opts_.lim;
    ctx->bodies.set_limit(std::max(opts_.lim.body_budget_bytes, opts_.lim.body_bytes));
    ctx->tls = opts_.tls;
    auto l = std::make_shared<listener>(ioc_, tcp::endpoint{address, port}, ctx);
    auto ep = l->local_endpoint();
    auto advertised = ep.address().to_string() + ":" + std::to_string(ep.port());
    if (i == 0 && !opts_.advertise_address.empty())
      advertised = opts_.advertise_address;
    auto node =
      std::make_shared<actors::node_state>(actors::new_capture_id(), std::move(advertised), opts_.cluster.cluster_id);
    ctx->node = node.get();
    listeners_.push_back(std::move(l));
    nodes_.push_back(std::move(node));
  }
  auto cfg = opts_.cluster;
  cfg.nodes = nodes_;
  if (!cfg.sink_metrics)
    cfg.sink_metrics = std::make_shared<metrics::sink_metrics>();
  cluster_ = actors::spawn_cluster(sys, cfg);
  api_.api = actors::api_client(sys, cluster_.api, opts_.io_threads, opts_.api_timeout);
  api_.directory = cluster_.directory;
  api_.captures = cluster_.capture_views;
  api_.upstream = cluster_.upstream;
  api_.tables = cluster_.tables;
  api_.upstream_id = cluster_.upstream_id;
  api_.auth = opts_.auth;
  api_.pd_addrs = cluster_.pd_addrs;
  for (const auto& n : nodes_)
    api_.nodes.push_back(n.get());
  api_.metrics = make_server_metrics(routes_, api_, cfg.sink_metrics);
  api_.bulk = std::make_shared<bulk_reads>();
}

server::~server() { shutdown(std::chrono::milliseconds(0)); }

std::vector<std::string> server::addresses() const {
  std::vector<std::string> out;
  for (const auto& n : nodes_)
    out.push_back(n->address);
  return out;
}

bool server::start(std::chrono::milliseconds wait) {
  // Serve only once an owner has loaded the cluster, so the first request
  // already sees every changefeed (start-up, not the request path, waits).
  auto deadline = std::chrono::steady_clock::now() + wait;
  // In cluster mode the owner may be another node's: then its list of
  // changefeeds having reached this node says that one is in office.
  auto ready = [this] {
    return std::any_of(nodes_.begin(), nodes_.end(), [](const auto& n) { return n->owner_ready.load(); })
           || (opts_.cluster.membership && cluster_.directory->loaded());
  };
  while (!ready() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  work_.emplace(ioc_.get_executor());
  for (auto& l : listeners_)
    l->run();
  for (std::size_t i = 0; i < opts_.io_threads; ++i)
    threads_.emplace_back([this] { ioc_.run(); });
  return ready();
}

void server::shutdown(std::chrono::milliseconds grace) {
  if (stopped_)
    return;
  stopped_ = true;
  for (auto& n : nodes_)
    n->live = model::liveness::stopping;
  actors::begin_shutdown(cluster_);
  for (auto& l : listeners_) {
    l->context()->draining = true;
    l->stop();
  }
  auto busy = [this] {
    for (auto& l : listeners_)
      if (l->context()->sessions.load() > 0)
        return true;
    return false;
  };
  auto deadline = std::chrono::steady_clock::now() + grace;
  while (busy() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // Cuts only what is left past the grace, and closed sessions still
  // reading what their peers send after the last answer.
  work_.reset();
  ioc_.stop();
  for (auto& t : threads_)
    t.join();
  threads_.clear();
  if (api_.metrics)
    api_.metrics->stop();
  // Lists being made read the directory the cluster keeps.
  if (api_.bulk)
    api_.bulk->stop();
  // The API callers hold the replies of unanswered requests, which post
  // to ioc_ when dropped, so ioc_ must outlive them.
  actors::terminate(cluster_);
  api_.api.stop(sys_);
}

} // namespace cdc::http
