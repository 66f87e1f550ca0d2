#include "tools/bench/bench_cluster.hpp"

#include <sys/resource.h>

#include <stdexcept>
#include <thread>

#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "model/changefeed/bodies.hpp"

namespace cdc::bench {

system_config::system_config() {
  add_message_types<caf::id_block::cdc>();
  actors::configure_scheduler(*this); // as `cdc server`
}

bench_cluster::bench_cluster(std::size_t captures, model::upstream::catalog catalog, actors::sink_factory make_sink)
  : sys_(cfg_) {
  spdlog::set_level(spdlog::level::warn);
  actors::cluster_config cfg;
  for (std::size_t i = 0; i < captures; ++i)
    nodes_.push_back(std::make_shared<actors::node_state>("capture-" + std::to_string(100 + i),
                                                          "127.0.0.1:" + std::to_string(8300 + i)));
  cfg.nodes = nodes_;
  cfg.catalog = std::make_shared<const model::upstream::catalog>(std::move(catalog));
  cfg.make_sink = std::move(make_sink);
  cluster_ = actors::spawn_cluster(sys_, cfg);
  while (!nodes_[0]->owner_ready)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

bench_cluster::~bench_cluster() { actors::terminate(cluster_); }

actors::owner_actor bench_cluster::owner() {
  for (;;) {
    if (auto o = ask<actors::owner_actor>(cluster_.election, atom::owner_v))
      return o;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

model::changefeed_detail bench_cluster::create(const std::string& body) {
  auto cfg = model::parse_create_body(body);
  if (!cfg)
    throw std::runtime_error(cfg.error().message);
  return ask<model::changefeed_detail>(cluster_.api, atom::create_v, std::move(*cfg));
}

void bench_cluster::create_all(const std::vector<std::string>& bodies) {
  auto api = cluster_.api;
  caf::scoped_actor self{sys_};
  std::string failure;
  for (std::size_t at = 0; at < bodies.size(); at += 64) {
    std::vector<decltype(self->request(api, std::chrono::seconds(60), atom::create_v,
                                       model::changefeed_config{}))>
      pending;
    for (std::size_t i = at; i < std::min(bodies.size(), at + 64); ++i) {
      auto cfg = model::parse_create_body(bodies[i]);
      if (!cfg)
        throw std::runtime_error(cfg.error().message);
      pending.push_back(self->request(api, std::chrono::seconds(60), atom::create_v, std::move(*cfg)));
    }
    for (auto& h : pending)
      h.receive([](model::changefeed_detail&) {}, [&](caf::error& e) { failure = actors::to_failure(e).message; });
    if (!failure.empty())
      throw std::runtime_error(failure);
  }
}

model::upstream::catalog make_catalog(std::size_t schemas, std::size_t tables_per_schema, double rows_per_second) {
  auto base = model::upstream::default_catalog();
  model::upstream::catalog c;
  c.tick_ms = base.tick_ms;
  std::int64_t id = 100;
  for (std::size_t s = 0; s < schemas; ++s)
    for (std::size_t t = 0; t < tables_per_schema; ++t) {
      model::upstream::table_def def;
      def.id = id++;
      def.schema = "s" + std::to_string(s);
      def.name = "t" + std::to_string(t);
      def.columns = base.tables.front().columns;
      def.rows_per_second = rows_per_second;
      def.key_space = 1000;
      c.tables.push_back(std::move(def));
    }
  return c;
}

double process_cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto sec = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; };
  return sec(ru.ru_utime) + sec(ru.ru_stime);
}

} // namespace cdc::bench
