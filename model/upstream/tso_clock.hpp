// A PD-style timestamp oracle: hands out strictly increasing TSOs for a wall
// clock that the caller supplies (so tests control time).
#pragma once

#include <cstdint>

#include "model/tso.hpp"

namespace cdc::model::upstream {

class tso_clock {
public:
  /// The next TSO at wall time `now_ms`: physical = max(now, last physical),
  /// logical counts up within a millisecond and rolls into the next one.
  tso_t next(std::int64_t now_ms) noexcept;

  /// The last TSO handed out (0 before the first).
  tso_t last() const noexcept { return last_; }

private:
  tso_t last_ = 0;
};

} // namespace cdc::model::upstream
