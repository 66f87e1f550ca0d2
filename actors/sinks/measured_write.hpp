// What every row sink does with one batch around its own writing: refuse it
// at once when the sink could not be opened, else apply it, and count the
// outcome (the server's row total, the feed's sink metrics, a warning that
// names the sink on failure).
#pragma once

#include <chrono>

#include <spdlog/spdlog.h>

#include "actors/errors.hpp"
#include "actors/messages.hpp"

namespace cdc::actors {

/// `st` has `broken` (an optional failure), `apply(batch)` (a result),
/// `total` and `measured` (either may be null); `where` names the sink in
/// the warning, e.g. "mysql sink 127.0.0.1:3306".
template <class State, class Where>
caf::result<bool> measured_write(State& st, const model::sink::row_batch& batch, Where&& where) {
  if (st.broken)
    return to_error(*st.broken);
  auto started = std::chrono::steady_clock::now();
  if (auto r = st.apply(batch); !r) {
    if (st.measured)
      st.measured->failed();
    spdlog::warn("{}: {}", where(), r.error().message);
    return to_error(r.error());
  }
  if (st.total)
    st.total->fetch_add(batch.row_count, std::memory_order_relaxed);
  if (st.measured)
    st.measured->written(batch.row_count,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return true;
}

} // namespace cdc::actors
