#include "model/upstream/tso_clock.hpp"

namespace cdc::model::upstream {

tso_t tso_clock::next(std::int64_t now_ms) noexcept {
  auto last_physical = tso_physical_ms(last_);
  if (now_ms > last_physical) {
    last_ = compose_tso(now_ms, 0);
  } else if (tso_logical(last_) < logical_mask) {
    ++last_;
  } else {
    // The logical counter is spent: borrow the next millisecond, as PD does.
    last_ = compose_tso(last_physical + 1, 0);
  }
  return last_;
}

} // namespace cdc::model::upstream
