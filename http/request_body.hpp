// A request body read into a string whose bytes count against a budget
// shared by every connection of a listener, as they arrive. Bodies are the
// one part of a request a client can make large and keep waiting: bounding
// their sum (not the number of requests) lets a flood of slow or unfinished
// uploads refuse only other uploads, while requests without a body, and
// bodies that fit, are read as usual.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/optional.hpp>

#include "http/beast.hpp"

namespace cdc::http {

/// Bytes of request bodies a listener holds, bounded.
class body_budget {
public:
  explicit body_budget(std::size_t limit = 0) : limit_(limit) {}
  void set_limit(std::size_t limit) noexcept { limit_ = limit; }

  /// Takes `bytes` from the budget; false (and nothing taken) when they do not fit.
  bool try_take(std::size_t bytes) noexcept {
    auto before = held_.fetch_add(bytes, std::memory_order_relaxed);
    if (before + bytes <= limit_)
      return true;
    held_.fetch_sub(bytes, std::memory_order_relaxed);
    return false;
  }
  /// Takes `bytes` whether or not they fit (an allocator rounding up what
  /// try_take allowed).
  void take(std::size_t bytes) noexcept { held_.fetch_add(bytes, std::memory_order_relaxed); }
  void give_back(std::size_t bytes) noexcept { held_.fetch_sub(bytes, std::memory_order_relaxed); }
  std::size_t held() const noexcept { return held_.load(std::memory_order_relaxed); }

private:
  std::atomic<std::size_t> held_{0};
  std::size_t limit_;
};

/// Beast's Body (reader side only: requests are never written from it).
struct budgeted_body {
  struct value_type {
    std::string text;
    /// Null: nothing is counted.
    body_budget* budget = nullptr;
    /// Bytes of `text`'s capacity taken from the budget (what is allocated,
    /// not only what arrived); whoever owns the body gives them back once
    /// it is dropped.
    std::size_t taken = 0;
    /// The read stopped because the budget had no room for the next bytes.
    bool over_budget = false;
  };

  static std::uint64_t size(const value_type& body) { return body.text.size(); }

  class reader {
  public:
    template <bool isRequest, class Fields>
    reader(bhttp::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>& length, beast::error_code& ec) {
      // Only what a small body needs up front: a declared length is a
      // promise the client may never keep.
      constexpr std::uint64_t reserved_at_most = 64 * 1024;
      ec = {};
      if (length && !grow_to(static_cast<std::size_t>(std::min(*length, reserved_at_most)), 0))
        refuse(ec);
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, beast::error_code& ec) {
      auto bytes = net::buffer_size(buffers);
      auto at = body_.text.size();
      ec = {};
      if (!grow_to(at + bytes, 2 * body_.text.capacity())) {
        refuse(ec);
        return 0;
      }
      body_.text.resize(at + bytes);
      net::buffer_copy(net::buffer(body_.text.data() + at, bytes), buffers);
      return bytes;
    }

    void finish(beast::error_code& ec) { ec = {}; }

  private:
    /// Makes room for `need` bytes, `ample` if the budget has room for it
    /// (doubling keeps appends linear); false when even `need` does not fit.
    bool grow_to(std::size_t need, std::size_t ample) {
      auto have = body_.text.capacity();
      if (need <= have)
        return true;
      auto& budget = body_.budget;
      auto want = std::max(need, ample);
      if (budget && !budget->try_take(want - have)) {
        want = need;
        if (!budget->try_take(want - have))
          return false;
      }
      body_.text.reserve(want);
      if (budget) {
        // The string may round up what it allocates.
        budget->take(body_.text.capacity() - want);
        body_.taken += body_.text.capacity() - have;
      }
      return true;
    }

    void refuse(beast::error_code& ec) {
      body_.over_budget = true;
      ec = net::error::no_buffer_space;
    }

    value_type& body_;
  };
};

} // namespace cdc::http
