// TiCDC's partition hash (pkg/hash/position_inertia.go): each step is the
// CRC32-IEEE of a pair of byte strings, XORed into the running value.
#pragma once

#include <cstdint>
#include <string_view>

namespace cdc::model::dispatch {

/// CRC32-IEEE (Go's crc32.ChecksumIEEE) of `a` followed by `b`.
std::uint32_t crc32_ieee(std::string_view a, std::string_view b = {}) noexcept;

/// XOR makes the result independent of the order of the steps, which is why
/// TiCDC can hash index columns in map order.
class position_hasher {
public:
  void write(std::string_view a, std::string_view b) noexcept { value_ ^= crc32_ieee(a, b); }
  std::uint32_t sum() const noexcept { return value_; }
  void reset() noexcept { value_ = 0; }

private:
  std::uint32_t value_ = 0;
};

} // namespace cdc::model::dispatch
