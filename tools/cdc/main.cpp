// `cdc`: the server (`cdc server`), its client (`cdc cli`) and its version
// (`cdc version`).
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <pthread.h>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/openssl/manager.hpp>
#include <spdlog/spdlog.h>

#include "actors/cluster.hpp"
#include "actors/messages.hpp"
#include "actors/store/backend/etcd_backend.hpp"
#include "actors/store/backend/sqlite_backend.hpp"
#include "http/client_auth.hpp"
#include "http/server.hpp"
#include "http/tls_context.hpp"
#include "model/upstream/catalog.hpp"
#include "model/upstream/catalog_digest.hpp"
#include "model/version.hpp"
#include "tools/cdc/cli/cli.hpp"
#include "tools/cdc/cluster_join.hpp"
#include "tools/cdc/config_file.hpp"
#include "tools/cdc/data_dir.hpp"
#include "tools/cdc/logging.hpp"
#include "tools/cdc/open_files.hpp"
#include "tools/cdc/options.hpp"
#include "tools/cdc/security.hpp"
#include "tools/cdc/time_zone.hpp"

namespace {

using namespace cdc;

int print_version() {
  std::printf("Release Version: %.*s\nGit Commit Hash: %.*s\nGit Branch: %.*s\n",
              static_cast<int>(model::release_version().size()), model::release_version().data(),
              static_cast<int>(model::git_hash().size()), model::git_hash().data(),
              static_cast<int>(model::git_branch().size()), model::git_branch().data());
  return 0;
}

/// The meta store: etcd with --pd, else SQLite in the data dir. Opened
/// before anything runs, so a store that cannot be used stops the server
/// here, naming it and the reason.
model::result<std::shared_ptr<store::meta_backend>> open_meta_store(const tool::server_flags& f,
                                                                    const store::etcd::client_options& etcd,
                                                                    std::shared_ptr<const store::owner_fence> fence) {
  if (f.pd.empty()) {
    auto sqlite = store::sqlite_backend::open(f.data_dir);
    if (!sqlite)
      return sqlite.error();
    return std::shared_ptr<store::meta_backend>(std::move(*sqlite));
  }
  auto endpoints = store::etcd::parse_endpoints(f.pd);
  if (!endpoints)
    return endpoints.error();
  store::etcd_options options;
  options.cluster_id = f.cluster_id;
  options.fence = std::move(fence);
  return std::make_shared<store::etcd_backend>(store::etcd::client(std::move(*endpoints), etcd), std::move(options));
}

/// Where file:// sinks may write: the flag's directories, or the data dir and
/// the system temp dir; absolute, so a relative one means the same whatever
/// a sink's own path says.
std::vector<std::filesystem::path> file_sink_dirs(const tool::server_flags& f) {
  std::vector<std::filesystem::path> out(f.sink_file_allowed_dirs.begin(), f.sink_file_allowed_dirs.end());
  if (out.empty()) {
    out.push_back(f.data_dir);
    for (auto& d : actors::default_file_sink_dirs())
      out.push_back(d);
  }
  for (auto& d : out)
    d = std::filesystem::absolute(d).lexically_normal();
  return out;
}

int run_server(const std::vector<std::string>& args) {
  std::string error;
  tool::server_flags from_file;
  from_file.config_file = tool::config_file_flag(args);
  if (!from_file.config_file.empty() && !tool::apply_config_file(from_file.config_file, from_file, error)) {
    std::fprintf(stderr, "cdc server: %s\n", error.c_str());
    return 2;
  }
  auto flags = tool::parse_server_flags(args, error, std::move(from_file));
  if (!flags) {
    if (error == "help") {
      std::fputs(tool::server_usage, stdout);
      return 0;
    }
    std::fprintf(stderr, "cdc server: %s\n\n%s", error.c_str(), tool::server_usage);
    return 2;
  }
  // Before any thread starts: the zone is the process's environment.
  tool::use_time_zone(flags->tz);
  if (!tool::setup_logging(*flags, error) || !tool::prepare_data_dir(flags->data_dir, error)) {
    std::fprintf(stderr, "cdc server: %s\n", error.c_str());
    return 1;
  }
  if (!flags->config_file.empty())
    spdlog::info("server options read from {}, then the flags given", flags->config_file);
  auto security = tool::make_security(flags->security, error);
  if (!security) {
    std::fprintf(stderr, "cdc server: %s\n", error.c_str());
    return 1;
  }
  // The [security] files serve etcd too, as TiCDC's do for PD and etcd:
  // its certificate must chain to the CA, and it may ask for ours.
  store::etcd::client_options etcd;
  if (!flags->pd.empty() && !flags->security.ca_path.empty()) {
    etcd.tls = http::make_client_tls(flags->security.ca_path, flags->security.cert_path, flags->security.key_path,
                                     error);
    if (!etcd.tls) {
      std::fprintf(stderr, "cdc server: security: %s\n", error.c_str());
      return 1;
    }
  }

  // SIGINT/SIGTERM are taken by sigwait below; block them before any thread
  // starts so no other thread gets them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  // Cluster mode: the session holds it, the etcd meta store is fenced by it.
  auto fence = std::make_shared<store::owner_fence>();
  auto backend = open_meta_store(*flags, etcd, fence);
  if (!backend) {
    std::fprintf(stderr, "cdc server: %s\n", backend.error().message.c_str());
    return 1;
  }
  // Every record is decoded here: one that cannot be stops the server with
  // its key, rather than its owner later. The meta store takes the records
  // over (and the first owner term loads them) instead of decoding them
  // again; nothing here keeps them.
  auto stored = (*backend)->list();
  if (!stored) {
    std::fprintf(stderr, "cdc server: %s\n", stored.error().message.c_str());
    return 1;
  }
  spdlog::info("meta store: {} holds {} changefeeds at revision {}", (*backend)->describe(), stored->records.size(),
               stored->revision);
  auto listed = std::make_shared<store::meta_snapshot>(std::move(*stored));

  caf::actor_system_config cfg;
  cfg.add_message_types<caf::id_block::cdc>();
  // CAF's network layer, for actors on other nodes (nothing is published
  // yet); the middleman registers its own message types when it starts.
  cfg.load<caf::io::middleman>();
  // Cluster mode with certificates: nodes talk over TLS only, each showing
  // the server certificate and accepting only peers signed by the CA.
  if (!flags->pd.empty() && !flags->security.ca_path.empty()) {
    cfg.openssl_certificate = flags->security.cert_path;
    cfg.openssl_key = flags->security.key_path;
    cfg.openssl_cafile = flags->security.ca_path;
    cfg.load<caf::openssl::manager>();
  }
  actors::configure_scheduler(cfg);
  // Ended explicitly below, before the logger: actors may log while it winds down.
  auto sys = std::make_unique<caf::actor_system>(cfg);

  http::server_options opts;
  if (!flags->upstream_config.empty()) {
    std::ifstream in(flags->upstream_config);
    if (!in) {
      std::fprintf(stderr, "cdc server: cannot read --upstream-config %s\n", flags->upstream_config.c_str());
      return 1;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto cat = model::upstream::parse_catalog(text);
    if (!cat) {
      std::fprintf(stderr, "cdc server: %s: %s\n", flags->upstream_config.c_str(), cat.error().message.c_str());
      return 1;
    }
    opts.cluster.catalog = std::make_shared<const model::upstream::catalog>(std::move(*cat));
  }
  opts.cluster.meta_backend = std::move(*backend);
  opts.cluster.meta.listed = std::move(listed);
  opts.cluster.cluster_id = flags->cluster_id;
  // etcd is PD's too, and its load grows with every feed: checkpoints go
  // there at a bounded rate, the longest-waiting first.
  if (!flags->pd.empty()) {
    opts.cluster.meta.max_progress_writes_per_s = 2000;
    actors::cluster_config::etcd_membership membership;
    membership.endpoints = store::etcd::parse_endpoints(flags->pd).value();
    membership.session.ttl = std::chrono::seconds(flags->capture_session_ttl);
    membership.session.fence = fence;
    membership.etcd = etcd;
    // Other nodes reach this one's actors on the advertised host, on a
    // port of the OS's choosing (the capture info tells them which).
    membership.actor_host = flags->host;
    if (auto colon = flags->advertise_addr.rfind(':'); colon != std::string::npos)
      membership.actor_host = flags->advertise_addr.substr(0, colon);
    membership.session.upstream_digest = model::upstream::catalog_digest(*opts.cluster.catalog);
    if (auto why = tool::upstream_mismatch(membership.endpoints, etcd, flags->cluster_id, membership.session.upstream_digest);
        !why.empty()) {
      spdlog::error("refusing to join cluster {}: {}", flags->cluster_id, why);
      std::fprintf(stderr, "cdc server: refusing to join cluster %s: %s\n", flags->cluster_id.c_str(), why.c_str());
      return 1;
    }
    opts.cluster.membership = std::move(membership);
  }
  opts.tls = security->tls;
  if (flags->security.client_user_required) {
    const auto& catalog = opts.cluster.catalog;
    opts.auth = std::make_shared<const http::client_auth>(
      flags->security.client_allowed_user,
      std::shared_ptr<const model::upstream::user_accounts>(catalog, &catalog->users));
  }
  opts.advertise_address = flags->advertise_addr;
  opts.cluster.file_sink_dirs = file_sink_dirs(*flags);
  std::string dirs;
  for (const auto& d : opts.cluster.file_sink_dirs)
    dirs += (dirs.empty() ? "" : ", ") + d.string();
  spdlog::info("file sinks may write below {}", dirs);
  opts.host = flags->host;
  opts.port = flags->port;
  opts.captures = flags->captures;
  opts.cluster.memory_quota = flags->memory_quota;
  opts.lim.body_bytes = flags->max_request_body;
  opts.lim.max_connections = flags->max_connections;
  if (auto open_files = tool::raise_open_files_limit();
      !tool::holds_connections(open_files, flags->max_connections * flags->captures))
    spdlog::warn("the process may open {} files, too few for {} connections per capture: raise `ulimit -n`",
                 open_files, flags->max_connections);
  opts.lim.max_in_flight = flags->max_requests_in_flight;
  std::unique_ptr<http::server> srv;
  try {
    srv = std::make_unique<http::server>(*sys, opts);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cdc server: cannot listen on %s:%u: %s\n", flags->host.c_str(),
                 flags->port, e.what());
    return 1;
  }
  if (!srv->start())
    spdlog::warn("no owner was elected, or its changefeeds had not reached this node, within 10 s; serving anyway");
  for (std::size_t i = 0; i < srv->nodes().size(); ++i) {
    const auto& node = *srv->nodes()[i];
    spdlog::info("capture {} listening on {}", node.capture_id(), node.address);
    std::printf("cdc server listening on %s capture %s\n", node.address.c_str(),
                node.capture_id().c_str());
  }
  std::fflush(stdout);

  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("received signal {}, shutting down gracefully", sig);
  srv->shutdown(std::chrono::seconds(10));
  srv.reset();
  sys.reset();
  spdlog::info("server stopped");
  spdlog::shutdown();
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help") {
    std::puts("Usage: cdc <command>\n\nCommands:\n  server    start a cdc server\n"
              "  cli       manage changefeeds and the cluster (TiCDC's cdc cli)\n  version   print version information");
    return args.empty() ? 2 : 0;
  }
  auto cmd = args[0];
  args.erase(args.begin());
  if (cmd == "version" || cmd == "--version")
    return print_version();
  if (cmd == "server")
    return run_server(args);
  if (cmd == "cli")
    return cdc::cli::run(args);
  std::fprintf(stderr, "cdc: unknown command '%s'\n", cmd.c_str());
  return 2;
}
