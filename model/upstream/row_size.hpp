// What a row change costs in memory, the unit processors count catch-up in
// (actors/replication/memory_quota.hpp): its struct, its value vectors and every string
// that does not fit inline, each allocation with the allocator's overhead.
#pragma once

#include <cstddef>

#include "model/upstream/workload.hpp"

namespace cdc::model::upstream {

std::size_t approx_bytes(const row_change& c) noexcept;

/// Bytes of a table's costliest change (an update: old and new values).
std::size_t bytes_per_change(const table_workload& w);

} // namespace cdc::model::upstream
