// The file:// allow-list; see file_sink_dirs.hpp.
#include "model/sink/file_sink_dirs.hpp"

#include <algorithm>

namespace cdc::model::sink {

namespace {

namespace fs = std::filesystem;

/// A normal path without the trailing separator lexically_normal keeps
/// ("/tmp/" -> "/tmp"), so components compare one for one.
fs::path normal(const fs::path& p) {
  auto n = p.lexically_normal();
  if (n.has_relative_path() && !n.has_filename())
    n = n.parent_path();
  return n;
}

bool below_or_at(const fs::path& dir, const fs::path& base) {
  auto [b, d] = std::mismatch(base.begin(), base.end(), dir.begin(), dir.end());
  return b == base.end();
}

std::string listed(std::span<const fs::path> allowed) {
  std::string out;
  for (const auto& a : allowed)
    out += (out.empty() ? "" : ", ") + normal(a).string();
  return out.empty() ? "none" : out;
}

} // namespace

result<fs::path> check_file_sink_dir(std::string_view uri, std::string_view dir, std::span<const fs::path> allowed) {
  auto refuse = [&](const std::string& why) {
    return fail_with(api_error::sink_uri_invalid,
                     "sink uri invalid '" + std::string(uri) + "': " + why + "; file sinks may write only below "
                       + listed(allowed) + " (widen with cdc server --sink-file-allowed-dirs)");
  };
  fs::path path{std::string(dir)};
  if (!path.is_absolute())
    return refuse("the directory '" + path.string() + "' is not an absolute path");
  for (const auto& part : path)
    if (part == "..")
      return refuse("the directory '" + path.string() + "' has a '..' component");
  auto n = normal(path);
  for (const auto& a : allowed)
    if (a.is_absolute() && below_or_at(n, normal(a)))
      return n;
  return refuse("the directory '" + n.string() + "' is outside the allowed directories");
}

} // namespace cdc::model::sink
