// A log-linear latency histogram (HdrHistogram's bucket layout): exact below
// 128 µs, then 128 buckets per power of two, so any recorded value is known
// to within 0.8 % at a fixed 32 KiB, and histograms merge by adding counts.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace cdc::load {

class histogram {
public:
  /// Sub-buckets per power of two: 2^7, so the relative error is ≤ 1/128.
  static constexpr unsigned precision_bits = 7;
  /// Values are microseconds; anything at or above 2^36 µs (19 h) lands in
  /// the top bucket, while max() stays exact.
  static constexpr unsigned range_bits = 36;

  histogram();

  void record(std::uint64_t micros) noexcept;
  void record(std::chrono::nanoseconds d) noexcept;
  void merge(const histogram& other) noexcept;
  void reset() noexcept;

  std::uint64_t count() const noexcept { return count_; }
  /// Exact smallest and largest recorded values (0 when empty).
  std::uint64_t min() const noexcept { return count_ ? min_ : 0; }
  std::uint64_t max() const noexcept { return max_; }
  double mean() const noexcept { return count_ ? static_cast<double>(sum_) / static_cast<double>(count_) : 0.0; }

  /// The value at quantile q in [0, 1]: the smallest recorded value v such
  /// that at least q of all values are ≤ v, to within the bucket width (the
  /// bucket's midpoint, clamped to [min, max]); 0 when empty.
  std::uint64_t quantile(double q) const noexcept;

  // -- the bucket layout (exposed for tests) ---------------------------------

  static std::size_t index_of(std::uint64_t v) noexcept;
  /// The smallest and largest value of bucket i.
  static std::uint64_t lowest_in(std::size_t i) noexcept;
  static std::uint64_t highest_in(std::size_t i) noexcept;
  static std::size_t bucket_count() noexcept;

private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t min_ = ~std::uint64_t{0};
  std::uint64_t max_ = 0;
};

} // namespace cdc::load
