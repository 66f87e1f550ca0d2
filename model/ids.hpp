// Changefeed IDs, namespaces and capture IDs: TiCDC's naming rule and UUIDs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace cdc::model {

inline constexpr std::size_t max_id_length = 128;
inline constexpr std::string_view default_namespace = "default";

/// TiCDC's rule for changefeed IDs, namespaces and capture IDs:
/// ^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$ and at most 128 bytes.
bool is_valid_id(std::string_view id) noexcept;

/// Why `id` breaks the rule, in words a user can act on; empty when valid.
std::string explain_invalid_id(std::string_view id);

/// 400 ErrAPIInvalidParam "invalid <what>: <id>" (what = changefeed_id,
/// namespace, capture_id) with the reason appended, or the id when valid.
result<std::string_view> check_id(std::string_view what, std::string_view id);

/// A UUID v4 string from 128 random bits supplied by the caller (model/ has no
/// random source of its own).
std::string make_uuid_v4(std::uint64_t hi, std::uint64_t lo);

} // namespace cdc::model
