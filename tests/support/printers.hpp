// How Boost.Test prints model values in failure messages.
#pragma once

#include <ostream>

#include "model/api_error.hpp"
#include "model/changefeed/state.hpp"
#include "model/cluster_views.hpp"
#include "model/log_level.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model {

inline std::ostream& operator<<(std::ostream& os, api_error e) { return os << code_of(e); }
inline std::ostream& operator<<(std::ostream& os, feed_state s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, log_level l) { return os << to_string(l); }
inline std::ostream& operator<<(std::ostream& os, liveness l) { return os << static_cast<int>(l); }
inline std::ostream& operator<<(std::ostream& os, admin_job j) { return os << static_cast<int>(j); }
inline std::ostream& operator<<(std::ostream& os, const capture_view& c) {
  return os << c.id << (c.is_owner ? " (owner) at " : " at ") << c.address;
}

namespace upstream {
inline std::ostream& operator<<(std::ostream& os, row_op op) { return os << to_string(op); }
} // namespace upstream

} // namespace cdc::model
