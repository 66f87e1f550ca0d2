// The upstream's fingerprint; see catalog_digest.hpp.
#include "model/upstream/catalog_digest.hpp"

#include <cstdio>
#include <cstring>

namespace cdc::model::upstream {

namespace {

class fnv1a {
public:
  void bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
      h_ ^= p[i];
      h_ *= 0x100000001b3ull;
    }
  }
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  /// Length first, so "ab"+"c" and "a"+"bc" differ.
  void text(const std::string& s) {
    value(s.size());
    bytes(s.data(), s.size());
  }
  std::uint64_t result() const { return h_; }

private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

} // namespace

std::string catalog_digest(const catalog& c) {
  fnv1a h;
  h.value(c.resolved_lag_ms);
  h.value(c.tick_ms);
  h.value(c.gc_life_time_ms);
  h.value(c.tables.size());
  for (const auto& t : c.tables) {
    h.value(t.id);
    h.text(t.schema);
    h.text(t.name);
    h.value(t.rows_per_second);
    h.value(t.key_space);
    h.value(t.columns.size());
    for (const auto& col : t.columns) {
      h.text(col.name);
      h.value(static_cast<std::uint8_t>(col.type));
      h.value(static_cast<std::uint8_t>(col.nullable | (col.primary_key << 1) | (col.unique << 2)));
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.result()));
  return hex;
}

} // namespace cdc::model::upstream
