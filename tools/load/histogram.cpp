#include "tools/load/histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cdc::load {

namespace {

constexpr std::uint64_t sub = std::uint64_t{1} << histogram::precision_bits;
constexpr std::uint64_t top = (std::uint64_t{1} << histogram::range_bits) - 1;

} // namespace

histogram::histogram() : counts_(bucket_count(), 0) {}

std::size_t histogram::bucket_count() noexcept { return index_of(top) + 1; }

std::size_t histogram::index_of(std::uint64_t v) noexcept {
  v = std::min(v, top);
  if (v < sub)
    return static_cast<std::size_t>(v);
  // v >> shift lies in [sub, 2 sub): one linear run of `sub` buckets per octave.
  auto msb = static_cast<unsigned>(std::bit_width(v) - 1);
  auto shift = msb - precision_bits;
  return static_cast<std::size_t>((shift + 1) * sub + ((v >> shift) - sub));
}

std::uint64_t histogram::lowest_in(std::size_t i) noexcept {
  if (i < sub)
    return i;
  auto shift = i / sub - 1;
  auto mantissa = i % sub + sub;
  return mantissa << shift;
}

std::uint64_t histogram::highest_in(std::size_t i) noexcept {
  if (i < sub)
    return i;
  auto shift = i / sub - 1;
  auto mantissa = i % sub + sub;
  return ((mantissa + 1) << shift) - 1;
}

void histogram::record(std::uint64_t micros) noexcept {
  ++counts_[index_of(micros)];
  ++count_;
  sum_ += micros;
  min_ = std::min(min_, micros);
  max_ = std::max(max_, micros);
}

void histogram::record(std::chrono::nanoseconds d) noexcept {
  // Round to the nearest microsecond; sub-microsecond answers count as 0.
  auto ns = std::max<std::int64_t>(0, d.count());
  record(static_cast<std::uint64_t>((ns + 500) / 1000));
}

void histogram::merge(const histogram& other) noexcept {
  if (other.count_ == 0)
    return;
  for (std::size_t i = 0; i < counts_.size(); ++i)
    counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void histogram::reset() noexcept {
  std::fill(counts_.begin(), counts_.end(), 0);
  count_ = 0;
  sum_ = 0;
  min_ = ~std::uint64_t{0};
  max_ = 0;
}

std::uint64_t histogram::quantile(double q) const noexcept {
  if (count_ == 0)
    return 0;
  q = std::clamp(q, 0.0, 1.0);
  auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_)));
  rank = std::clamp<std::uint64_t>(rank, 1, count_);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      auto mid = lowest_in(i) + (highest_in(i) - lowest_in(i)) / 2;
      return std::clamp(mid, min(), max_);
    }
  }
  return max_;
}

} // namespace cdc::load
