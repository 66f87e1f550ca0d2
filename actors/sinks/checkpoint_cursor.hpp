// What a checkpoint writer (a storage sink's metadata file, a Kafka sink's
// watermarks) was given and what it wrote. A burst of progress is written
// once: the first checkpoint of a burst queues a flush behind the progress
// already in the mailbox, and the flush writes the newest one. The written
// checkpoint never goes back.
#pragma once

#include <algorithm>
#include <optional>

#include "model/tso.hpp"

namespace cdc::actors {

class checkpoint_cursor {
public:
  /// Takes a checkpoint; true when the caller is to queue a flush.
  bool receive(model::tso_t ts) noexcept {
    received_ = std::max(received_, ts);
    if (received_ <= written_ || flush_queued_)
      return false;
    flush_queued_ = true;
    return true;
  }

  /// At the queued flush: the checkpoint to write, or nullopt when nothing
  /// newer than the written one came.
  std::optional<model::tso_t> due() noexcept {
    flush_queued_ = false;
    if (received_ <= written_)
      return std::nullopt;
    return received_;
  }

  /// `ts` is written (or was, before a restart).
  void wrote(model::tso_t ts) noexcept { written_ = std::max(written_, ts); }

private:
  model::tso_t received_ = 0;
  model::tso_t written_ = 0;
  bool flush_queued_ = false;
};

} // namespace cdc::actors
