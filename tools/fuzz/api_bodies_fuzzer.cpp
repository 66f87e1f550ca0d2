// libFuzzer target: arbitrary bytes as the body of every API request that
// has one, through its decoder (the first byte picks which). Decoders answer
// a value or a 400; any crash, hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/changefeed/bodies.hpp"
#include "model/changefeed/bodies_v1.hpp"
#include "model/config/defaults.hpp"
#include "model/json/body.hpp"

using namespace cdc::model;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  static const auto current = config::default_replica_config();
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 9) {
    case 0: (void)parse_create_body(body); break;
    case 1: (void)parse_update_body(body); break;
    case 2: (void)parse_resume_body(body); break;
    case 3: (void)parse_upstream_body(body); break;
    case 4: (void)parse_resolve_lock_body(body); break;
    case 5: (void)parse_log_level_body(body); break;
    case 6: (void)parse_v1_create_body(body); break;
    case 7: (void)parse_v1_update_body(body, current); break;
    default: (void)json::parse_object(body); break;
  }
  return 0;
}
