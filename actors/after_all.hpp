// Fan-out: an actor sends several requests together and goes on once every
// one of them has been answered or has failed.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace cdc::actors {

/// A completion shared by `n` requests: calling it `n` times (once per
/// answer or failure) runs `done` once, on the last call. With `n` zero,
/// `done` runs at once. Actor-local: copies share one count, used on the
/// actor's own thread only.
inline std::function<void()> after_all(std::size_t n, std::function<void()> done) {
  if (n == 0) {
    done();
    return [] {};
  }
  auto left = std::make_shared<std::size_t>(n);
  return [left, done = std::move(done)] {
    if (*left > 0 && --*left == 0)
      done();
  };
}

} // namespace cdc::actors
