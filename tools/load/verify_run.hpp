// `cdc-load verify`: reads a churn history, lists the server's changefeeds
// and reports every acknowledged step the list (or a later refusal) shows
// lost.
#pragma once

#include "tools/load/options.hpp"
#include "tools/load/runner.hpp"

namespace cdc::load {

/// 0 when nothing acknowledged was lost, 1 otherwise (or when the history
/// or the list cannot be read).
int run_verify(const load_options& o, const server_set& servers);

} // namespace cdc::load
