// The sink check at create and update; see sink_probe.hpp.
#include "actors/sinks/sink_probe.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "actors/errors.hpp"
#include "actors/sink_io/mysql_client.hpp"
#include "actors/sinks/kafka_sink.hpp"
#include "actors/sinks/mysql_sink.hpp"
#include "model/changefeed/validate_config.hpp"
#include "model/config/defaults.hpp"
#include "model/sink/file_sink_dirs.hpp"

namespace cdc::actors {

namespace {

namespace fs = std::filesystem;

/// What TiCDC reports when its storage cannot open a sink's location.
model::api_failure storage_failure(const std::string& what, const fs::path& dir, int err) {
  auto kind = model::api_error::fail_to_create_external_storage;
  return model::fail_with(kind, std::string(model::spec_of(kind).message_template) + ": " + what + " "
                                  + dir.string() + ": " + std::strerror(err));
}

/// A hidden file made and removed: the directory takes new files.
model::result<void> try_write(const fs::path& dir) {
  static std::atomic<std::uint64_t> counter{0};
  auto probe = dir / (".cdc-probe." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1)));
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return storage_failure("cannot write in", dir, errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return {};
}

model::result<void> probe_file(const model::changefeed_info& info, const model::sink::storage_params& p,
                               const sink_probe_options& o) {
  auto dir = allowed_file_sink_dir(info.sink_uri, p.location, o.file_dirs);
  if (!dir)
    return dir.error();
  std::error_code ec;
  fs::create_directories(*dir, ec);
  if (ec)
    return storage_failure("cannot create directory", *dir, ec.value());
  return try_write(*dir);
}

model::result<void> probe_mysql(const model::sink::mysql_params& p, const sink_probe_options& o) {
  auto e = endpoint_of(p);
  e.connect_timeout = std::min(e.connect_timeout, o.mysql_timeout);
  e.read_timeout = std::min(e.read_timeout, o.mysql_timeout);
  e.write_timeout = std::min(e.write_timeout, o.mysql_timeout);
  sink_io::mysql_client client;
  return client.connect(e);
}

bool opens_with_io(const model::changefeed_info& info) {
  auto uri = model::sink::parse_sink_uri(info.sink_uri);
  return uri
         && (uri->kind == model::sink::scheme_class::mysql || uri->kind == model::sink::scheme_class::kafka
             || uri->scheme == "file");
}

} // namespace

model::result<void> probe_sink(const model::changefeed_info& info, const sink_probe_options& options) {
  auto cfg = info.config ? *info.config : model::config::default_replica_config();
  auto validated = model::validate_and_adjust(cfg, info.sink_uri);
  if (!validated)
    return validated.error();
  if (const auto* p = std::get_if<model::sink::mysql_params>(&validated->params))
    return probe_mysql(*p, options);
  if (const auto* p = std::get_if<model::sink::storage_params>(&validated->params); p && p->scheme == "file")
    return probe_file(info, *p, options);
  if (std::holds_alternative<model::sink::kafka_params>(validated->params)) {
    auto settings = model::mq::mq_settings_of(info);
    if (!settings)
      return settings.error();
    return probe_kafka(*settings, options.kafka_timeout);
  }
  return {};
}

std::vector<fs::path> default_file_sink_dirs() {
  std::error_code ec;
  auto tmp = fs::temp_directory_path(ec);
  return {ec ? fs::path("/tmp") : tmp};
}

model::result<fs::path> allowed_file_sink_dir(std::string_view uri, std::string_view dir,
                                             const std::vector<fs::path>& allowed) {
  // Lexically first: a relative path or ".." is refused before the disk is asked.
  auto lexical = model::sink::check_file_sink_dir(uri, dir, allowed);
  if (!lexical)
    return lexical.error();
  // Then where the path leads: its deepest existing directory with the
  // symlinks resolved, against the allowed directories resolved alike.
  // A path the file system cannot resolve cannot be written either: the
  // write that follows reports why.
  std::error_code ec;
  auto real = fs::weakly_canonical(*lexical, ec);
  if (ec)
    return *lexical;
  std::vector<fs::path> real_allowed;
  for (const auto& a : allowed)
    if (auto r = fs::weakly_canonical(a, ec); !ec)
      real_allowed.push_back(std::move(r));
  if (auto resolved = model::sink::check_file_sink_dir(uri, real.string(), real_allowed); !resolved)
    return resolved.error();
  return *lexical;
}

sink_probe_actor::behavior_type sink_probe(sink_probe_actor::pointer self, sink_probe_options options) {
  return {
    [self, options](atom::probe, const model::changefeed_info& info) -> caf::result<bool> {
      auto r = probe_sink(info, options);
      self->quit();
      if (!r)
        return to_error(r.error());
      return true;
    },
  };
}

sink_probe_actor probe_for(caf::actor_system& sys, const cluster_services& services,
                           const model::changefeed_info& info) {
  if (!services.make_sink_probe || !opens_with_io(info))
    return {};
  return services.make_sink_probe(sys);
}

} // namespace cdc::actors
