#include "model/config/validate_consistent.hpp"

#include "model/config/defaults.hpp"

namespace cdc::model::config {

namespace {

api_failure invalid_config(std::string detail) {
  return fail(api_error::invalid_replica_config, {detail});
}

api_failure flush_too_small(std::string_view key, std::int64_t value) {
  return invalid_config("The consistent." + std::string(key) + ":" + std::to_string(value)
                        + " must be equal or greater than " + std::to_string(min_redo_flush_interval));
}

bool is_scheme_char(char c, bool first) noexcept {
  bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first)
    return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

bool valid_redo_scheme(std::string_view scheme) noexcept {
  if (scheme.starts_with("blackhole"))
    return true;
  for (std::string_view ok : {"local", "nfs", "file", "s3", "gcs", "gs", "azblob", "azure", "noop"})
    if (scheme == ok)
      return true;
  return false;
}

} // namespace

bool is_consistent_enabled(std::string_view level) noexcept {
  return level == "eventual";
}

std::string storage_scheme(std::string_view storage) {
  // Go's url.Parse: a scheme is a letter followed by letters, digits, + - .
  // and ends at the first ':'; anything else means no scheme.
  auto colon = storage.find(':');
  if (colon == std::string_view::npos || colon == 0)
    return {};
  for (std::size_t i = 0; i < colon; ++i)
    if (!is_scheme_char(storage[i], i == 0))
      return {};
  std::string scheme{storage.substr(0, colon)};
  for (auto& c : scheme)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return scheme;
}

json::status validate_and_adjust_consistent(consistent_config& c) {
  if (!is_consistent_enabled(c.level))
    return {};
  if (c.max_log_size == 0)
    c.max_log_size = default_redo_max_log_size;
  if (c.flush_interval == 0)
    c.flush_interval = default_redo_flush_interval;
  if (c.flush_interval < min_redo_flush_interval)
    return flush_too_small("flush-interval", c.flush_interval);
  if (c.meta_flush_interval == 0)
    c.meta_flush_interval = default_redo_meta_flush_interval;
  if (c.meta_flush_interval < min_redo_flush_interval)
    return flush_too_small("meta-flush-interval", c.meta_flush_interval);
  if (!c.compression.empty() && c.compression != "none" && c.compression != "lz4")
    return invalid_config("The consistent.compression:" + c.compression + " must be 'none' or 'lz4'");
  if (c.encoding_worker_num == 0)
    c.encoding_worker_num = default_redo_encoding_worker_num;
  if (c.flush_worker_num == 0)
    c.flush_worker_num = default_redo_flush_worker_num;
  auto scheme = storage_scheme(c.storage);
  if (!valid_redo_scheme(scheme))
    return fail(api_error::consistent_storage, {scheme});
  return {};
}

} // namespace cdc::model::config
