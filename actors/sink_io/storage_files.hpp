// The blocking file operations of storage sinks, relative to a root
// directory: atomic publish (write a hidden temporary file, fsync, then link
// or rename it into place and fsync the directory), so a reader never sees
// half a file and a crash leaves either the old file or the new one.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"

namespace cdc::sink_io {

class storage_files {
public:
  explicit storage_files(std::filesystem::path root) : root_(std::move(root)) {}

  const std::filesystem::path& root() const noexcept { return root_; }

  /// Publishes `data` at `rel` unless a file is already there: true when
  /// published, false when the name was taken (another writer got it first).
  model::result<bool> publish_new(std::string_view rel, std::string_view data) const;

  /// Publishes `data` at `rel`, replacing what was there.
  model::result<void> publish(std::string_view rel, std::string_view data) const;

  /// The content of `rel`, nullopt when there is no such file.
  model::result<std::optional<std::string>> read(std::string_view rel) const;

  /// Whether `rel` exists and holds at least one byte.
  model::result<bool> non_empty(std::string_view rel) const;

  /// The names of the regular files in directory `rel` (none if it is missing).
  model::result<std::vector<std::string>> list(std::string_view rel) const;

private:
  /// Writes and fsyncs a temporary file next to `target`; returns its path.
  model::result<std::filesystem::path> write_temp(const std::filesystem::path& target, std::string_view data) const;

  std::filesystem::path root_;
};

} // namespace cdc::sink_io
