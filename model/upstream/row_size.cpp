#include "model/upstream/row_size.hpp"

namespace cdc::model::upstream {

namespace {

// glibc's malloc keeps a header per chunk and rounds sizes up to 16.
constexpr std::size_t chunk_overhead = 16;

// An event number far ahead of any today's clock makes: values that render
// it as text are then as long as any the workload produces.
constexpr std::uint64_t late_event = 99'999'999'999'999;

std::size_t heap_bytes(const row_values& values) noexcept {
  if (values.capacity() == 0)
    return 0;
  auto n = values.capacity() * sizeof(column_value) + chunk_overhead;
  for (const auto& v : values)
    if (const auto* s = std::get_if<std::string>(&v); s && s->capacity() > std::string{}.capacity())
      n += s->capacity() + 1 + chunk_overhead;
  return n;
}

} // namespace

std::size_t approx_bytes(const row_change& c) noexcept {
  return sizeof(row_change) + heap_bytes(c.new_values) + heap_bytes(c.old_values);
}

std::size_t bytes_per_change(const table_workload& w) {
  row_change c;
  c.op = row_op::update;
  c.new_values = w.values_of(late_event);
  c.old_values = c.new_values;
  return approx_bytes(c);
}

} // namespace cdc::model::upstream
