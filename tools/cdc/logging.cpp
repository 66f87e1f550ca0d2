#include "tools/cdc/logging.hpp"

#include <chrono>
#include <filesystem>
#include <memory>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "http/spdlog_level.hpp"

namespace cdc::tool {

namespace {

namespace fs = std::filesystem;

/// spdlog's limit on backups; TiCDC's max-backups 0 means "keep them all".
constexpr std::size_t most_backups = 200000;

/// Whether `name` is one of `log`'s backups as spdlog's rotating sink names
/// them: "cdc.log" rotates to "cdc.1.log", "cdc.2.log", ...
bool is_backup_of(const fs::path& log, const std::string& name) {
  auto stem = log.stem().string() + ".";
  auto ext = log.extension().string();
  if (name.size() <= stem.size() + ext.size() || !name.starts_with(stem) || !name.ends_with(ext))
    return false;
  auto index = std::string_view(name).substr(stem.size(), name.size() - stem.size() - ext.size());
  return index.find_first_not_of("0123456789") == std::string_view::npos;
}

/// Deletes `log`'s backups last written more than `days` days ago: spdlog
/// rotates by size and count only, TiCDC also by age. Runs whenever the
/// sink opens the file (at start and after each rotation), so it costs a
/// directory listing per rotation, not per line.
void remove_backups_older_than(const fs::path& log, std::uint64_t days) {
  auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(24 * days);
  std::error_code ec;
  auto dir = log.has_parent_path() ? log.parent_path() : fs::path(".");
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!is_backup_of(log, entry.path().filename().string()))
      continue;
    std::error_code stat_ec;
    auto written = entry.last_write_time(stat_ec);
    if (!stat_ec && written < cutoff)
      fs::remove(entry.path(), stat_ec);
  }
}

std::shared_ptr<spdlog::logger> file_logger(const server_flags& f) {
  // TiCDC (pingcap/log) reads max-size 0 as its default, 300 MB.
  std::size_t max_bytes = (f.log_max_size_mb == 0 ? 300 : f.log_max_size_mb) << 20;
  std::size_t backups = f.log_max_backups == 0 ? most_backups : std::min<std::size_t>(f.log_max_backups, most_backups);
  spdlog::file_event_handlers on_open;
  if (f.log_max_days > 0)
    on_open.before_open = [log = fs::path(f.log_file), days = f.log_max_days](const spdlog::filename_t&) {
      remove_backups_older_than(log, days);
    };
  return spdlog::rotating_logger_mt("cdc", f.log_file, max_bytes, backups, false, on_open);
}

} // namespace

bool setup_logging(const server_flags& f, std::string& error) {
  auto level = model::parse_log_level(f.log_level);
  if (!level) {
    error = "invalid --log-level '" + f.log_level + "'";
    return false;
  }
  try {
    spdlog::set_default_logger(f.log_file.empty() ? spdlog::stderr_color_mt("cdc") : file_logger(f));
  } catch (const spdlog::spdlog_ex& e) {
    error = "cannot open log file " + f.log_file + ": " + e.what();
    return false;
  }
  spdlog::set_pattern("[%Y/%m/%d %H:%M:%S.%e %z] [%^%l%$] %v");
  spdlog::set_level(http::to_spdlog(*level));
  spdlog::flush_on(spdlog::level::warn);
  return true;
}

} // namespace cdc::tool
