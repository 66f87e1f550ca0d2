// Standard base64 (RFC 4648 section 4, with padding): how etcd's JSON
// gateway carries keys and values, which are bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cdc::model {

std::string base64_encode(std::string_view bytes);

/// The bytes, or nullopt for text that is not padded standard base64.
std::optional<std::string> base64_decode(std::string_view text);

} // namespace cdc::model
