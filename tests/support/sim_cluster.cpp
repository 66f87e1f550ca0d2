// Out of line so the actor spawns are instantiated once, not in every test
// file that includes sim_cluster.hpp (they dominate the suite's build time).
#include "tests/support/sim_cluster.hpp"

namespace cdc::test {

sim_cluster::sim_cluster(std::size_t captures, model::upstream::catalog cat, actors::sink_factory make_sink,
                         std::shared_ptr<store::meta_backend> backend,
                         actors::checkpoint_sink_factory make_checkpoint_sink) {
  using namespace cdc::actors;
  catalog = std::make_shared<const model::upstream::catalog>(std::move(cat));
  auto resolved = std::make_shared<actors::resolved_clock>();
  upstream_hdl = sys.spawn(upstream, catalog, sim_wall_start_ms, resolved);
  services.resolved = resolved;
  // Not detached: under the test coordinator every actor runs on this thread.
  meta = sys.spawn(meta_store, upstream_hdl, std::move(backend), actors::meta_store_options{});
  capture_views = std::make_shared<actors::capture_directory>();
  election_hdl = sys.spawn(election, capture_views, std::string(model::default_cluster_id));
  services.upstream = upstream_hdl;
  services.meta = meta;
  services.catalog = catalog;
  services.tables = std::make_shared<const model::upstream::catalog_view>(model::upstream::make_catalog_view(*catalog));
  services.make_sink = std::move(make_sink);
  services.make_checkpoint_sink = std::move(make_checkpoint_sink);
  services.upstream_id = 42;
  directory = std::make_shared<actors::feed_directory>(resolved);
  services.directory = directory;
  for (std::size_t i = 0; i < captures; ++i)
    add_capture();
  api_hdl = sys.spawn(api_gateway, election_hdl, actors::published_reads{directory, capture_views});
  run();
}

sim_cluster::~sim_cluster() {
  for (auto& c : capture_hdls)
    caf::anon_send_exit(c, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(api_hdl, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(election_hdl, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(meta, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(upstream_hdl, caf::exit_reason::user_shutdown);
  run();
}

void sim_cluster::add_capture() {
  using namespace cdc::actors;
  auto i = nodes.size();
  auto node = std::make_shared<node_state>("capture-" + std::to_string(i), "127.0.0.1:" + std::to_string(8300 + i));
  auto cap = sys.spawn(capture, node, election_hdl, services);
  caf::anon_send(election_hdl, atom::campaign_v, capture_info{node->capture_id(), node->address}, cap);
  nodes.push_back(node);
  capture_hdls.push_back(cap);
}

void sim_cluster::advance(std::chrono::milliseconds d) {
  auto step = std::chrono::milliseconds(catalog->tick_ms);
  for (auto done = std::chrono::milliseconds(0); done < d; done += step) {
    sched.advance_time(std::min(step, d - done));
    run();
  }
}

std::vector<std::string> sim_cluster::claimed_owners() const {
  std::vector<std::string> out;
  for (const auto& n : nodes)
    if (n->is_owner)
      out.push_back(n->capture_id());
  return out;
}

model::changefeed_detail sim_cluster::detail(const std::string& id) {
  auto d = ask_feed<model::changefeed_detail>(key(id), atom::get_v);
  if (!d)
    throw std::runtime_error(id + ": " + d.error().message);
  return *d;
}

std::size_t sim_cluster::processors(const std::string& id) {
  std::size_t n = 0;
  for (const auto& p : ask_api<std::vector<model::processor_item>>(atom::processors_v).value())
    n += p.changefeed_id == id;
  return n;
}

} // namespace cdc::test
