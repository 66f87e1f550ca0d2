// CRC32-IEEE through Boost.CRC (header-only, table driven).
#include "model/dispatch/partition_hash.hpp"

#include <boost/crc.hpp>

namespace cdc::model::dispatch {

std::uint32_t crc32_ieee(std::string_view a, std::string_view b) noexcept {
  boost::crc_32_type crc;
  crc.process_bytes(a.data(), a.size());
  crc.process_bytes(b.data(), b.size());
  return crc.checksum();
}

} // namespace cdc::model::dispatch
