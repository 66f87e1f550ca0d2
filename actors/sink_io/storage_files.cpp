// Atomic file publishing for storage sinks; see storage_files.hpp.
#include "actors/sink_io/storage_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace cdc::sink_io {

namespace fs = std::filesystem;

namespace {

model::api_failure io_error(std::string_view op, const fs::path& p, int err) {
  return model::fail_with(model::api_error::external_storage_api,
                          "external storage api: " + std::string(op) + " " + p.string() + ": " + std::strerror(err));
}

/// fsync of a directory makes a rename or link in it durable.
model::result<void> sync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return io_error("open", dir, errno);
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0)
    return io_error("fsync", dir, err);
  return {};
}

model::result<void> make_dirs(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return io_error("mkdir", dir, ec.value());
  return {};
}

} // namespace

model::result<fs::path> storage_files::write_temp(const fs::path& target, std::string_view data) const {
  static std::atomic<std::uint64_t> counter{0};
  if (auto r = make_dirs(target.parent_path()); !r)
    return r.error();
  // Hidden and unique per process and call: readers skip dot files.
  auto tmp = target.parent_path()
             / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()) + "."
                + std::to_string(counter.fetch_add(1)));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return io_error("create", tmp, errno);
  std::size_t done = 0;
  while (done < data.size()) {
    auto n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return io_error("write", tmp, err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return io_error("fsync", tmp, err);
  }
  ::close(fd);
  return tmp;
}

model::result<bool> storage_files::publish_new(std::string_view rel, std::string_view data) const {
  auto target = root_ / rel;
  auto tmp = write_temp(target, data);
  if (!tmp)
    return tmp.error();
  // link() fails with EEXIST instead of replacing: a name is never reused.
  int rc = ::link(tmp->c_str(), target.c_str());
  int err = errno;
  ::unlink(tmp->c_str());
  if (rc != 0) {
    if (err == EEXIST)
      return false;
    return io_error("link", target, err);
  }
  if (auto r = sync_dir(target.parent_path()); !r)
    return r.error();
  return true;
}

model::result<void> storage_files::publish(std::string_view rel, std::string_view data) const {
  auto target = root_ / rel;
  auto tmp = write_temp(target, data);
  if (!tmp)
    return tmp.error();
  if (::rename(tmp->c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp->c_str());
    return io_error("rename", target, err);
  }
  return sync_dir(target.parent_path());
}

model::result<std::optional<std::string>> storage_files::read(std::string_view rel) const {
  auto p = root_ / rel;
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT)
      return std::optional<std::string>{};
    return io_error("open", p, errno);
  }
  std::string out;
  char buf[65536];
  for (;;) {
    auto n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      int err = errno;
      ::close(fd);
      return io_error("read", p, err);
    }
    if (n == 0)
      break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return std::optional<std::string>{std::move(out)};
}

model::result<bool> storage_files::non_empty(std::string_view rel) const {
  std::error_code ec;
  auto size = fs::file_size(root_ / rel, ec);
  if (ec)
    return false;
  return size > 0;
}

model::result<std::vector<std::string>> storage_files::list(std::string_view rel) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::directory_iterator it{root_ / rel, ec};
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory)
      return out;
    return io_error("list", root_ / rel, ec.value());
  }
  for (const auto& e : it)
    if (e.is_regular_file(ec))
      out.push_back(e.path().filename().string());
  return out;
}

} // namespace cdc::sink_io
