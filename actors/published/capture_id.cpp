#include "actors/published/capture_id.hpp"

#include <cstdint>
#include <random>

#include "model/ids.hpp"

namespace cdc::actors {

std::string new_capture_id() {
  std::random_device rd;
  auto word = [&] { return (std::uint64_t{rd()} << 32) | rd(); };
  return model::make_uuid_v4(word(), word());
}

} // namespace cdc::actors
