// The data dir at start; see data_dir.hpp.
#include "tools/cdc/data_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace cdc::tool {

namespace {

/// Writes a few bytes to a new file in `dir` and removes it, whether the
/// write worked or not: a refused start leaves nothing behind.
int write_probe(const std::filesystem::path& dir) {
  auto probe = dir / ".write-probe";
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return errno;
  int err = 0;
  if (::write(fd, "ok", 2) != 2)
    err = errno ? errno : EIO;
  if (::close(fd) != 0 && err == 0)
    err = errno;
  ::unlink(probe.c_str());
  return err;
}

} // namespace

bool prepare_data_dir(const std::string& dir, std::string& error) {
  std::error_code ec;
  bool existed = std::filesystem::exists(dir, ec);
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = "cannot create data dir " + dir + ": " + ec.message();
    return false;
  }
  // The store holds sink URIs with passwords: a data dir made here is its
  // user's alone (one that exists keeps the mode its owner gave it).
  if (!existed)
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
  if (int err = write_probe(dir); err != 0) {
    error = "data dir " + dir + " is not writable: " + std::strerror(err);
    return false;
  }
  return true;
}

} // namespace cdc::tool
