#include "tools/load/history_log.hpp"

namespace cdc::load {

namespace {

// Large enough that a busy run writes a few times a second, small enough
// that a killed client loses little.
constexpr std::size_t flush_at = 64 * 1024;

} // namespace

history_log::history_log(const std::string& path) : file_(std::fopen(path.c_str(), "w")) {
  buffer_.reserve(flush_at + 1024);
}

history_log::~history_log() {
  flush();
  if (file_)
    std::fclose(file_);
}

void history_log::append(const history_entry& e) {
  auto line = format_line(e);
  std::lock_guard guard{lock_};
  buffer_.append(line).push_back('\n');
  if (buffer_.size() >= flush_at && file_) {
    failed_ |= std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size();
    buffer_.clear();
  }
}

bool history_log::flush() {
  std::lock_guard guard{lock_};
  if (!file_)
    return false;
  failed_ |= std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size();
  buffer_.clear();
  failed_ |= std::fflush(file_) != 0;
  return !failed_;
}

} // namespace cdc::load
