// A fingerprint of the simulated upstream: every node of a cluster must run
// the same one, since a table's rows are a pure function of time and its
// definition, and a table moved between nodes must replicate the same rows.
// Nodes compare fingerprints when one joins (a file with the default's
// content and no file at all match).
#pragma once

#include <string>

#include "model/upstream/catalog.hpp"

namespace cdc::model::upstream {

/// 16 hex digits (FNV-1a over every field that shapes the rows).
std::string catalog_digest(const catalog& c);

} // namespace cdc::model::upstream
