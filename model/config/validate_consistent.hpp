// The redo-log checks of TiCDC's ConsistentConfig.ValidateAndAdjust that need
// no I/O: they apply only when level is "eventual".
#pragma once

#include <string_view>

#include "model/config/consistent_config.hpp"
#include "model/result.hpp"

namespace cdc::model::config {

/// Whether the redo log is on: level exactly "eventual" (any other value,
/// even a misspelt one, silently means off, as in TiCDC).
bool is_consistent_enabled(std::string_view level) noexcept;

/// The scheme of a redo storage URI, lower-cased ("" when it has none).
std::string storage_scheme(std::string_view storage);

/// When enabled: zero max_log_size, flush intervals and worker counts take
/// the defaults; flush_interval and meta_flush_interval must be >= 50 ms and
/// compression "", none or lz4 (500 ErrInvalidReplicaConfig); the storage
/// scheme must be blackhole*, local, nfs, file, s3, gcs, gs, azblob, azure or
/// noop (500 ErrConsistentStorage "consistent storage (<scheme>) not support").
/// Probing the storage itself is I/O and left to the caller.
json::status validate_and_adjust_consistent(consistent_config& c);

} // namespace cdc::model::config
