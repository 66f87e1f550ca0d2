// Shared by the Kafka end-to-end tests: the replicated window of TSOs, the
// default upstream and the changes each of its tables commits in a window.
#pragma once

#include <vector>

#include "model/tso.hpp"
#include "model/upstream/workload.hpp"
#include "tests/e2e/sink_e2e_support.hpp"

namespace cdc::test_kafka {

struct window {
  model::tso_t start = 0;
  model::tso_t target = 0;
};

/// From `back_ms` ago to `ahead_ms` from now.
inline window around_now(std::int64_t back_ms, std::int64_t ahead_ms) {
  auto now = test::wall_ms();
  return {model::compose_tso(now - back_ms, 0), model::compose_tso(now + ahead_ms, 0)};
}

inline const model::upstream::catalog& upstream() {
  static const auto c = model::upstream::default_catalog();
  return c;
}

inline std::vector<model::upstream::row_change> changes_of(const model::upstream::table_def& t, const window& w) {
  std::vector<model::upstream::row_change> out;
  model::upstream::table_workload{t}.changes(w.start, w.target, ~std::size_t{0}, out);
  return out;
}

} // namespace cdc::test_kafka
