// Fan-out with a window: an actor asks many others, but never has more than
// a few of its requests unanswered at once.
//
// CAF 0.17 keeps an actor's unanswered `request(...).then(...)` handlers in
// a flat map, a vector searched from the front and shifted on every erase,
// so an actor that asked 100,000 feeds at once paid a scan of the rest on
// each answer: quadratic, minutes for an owner restarting 100,000 feeds.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace cdc::actors {

/// How many requests a fan-out keeps unanswered at once: enough to keep the
/// asked actors busy, few enough that each answer's lookup stays short.
inline constexpr std::size_t fan_out_window = 128;

/// Calls `start(i, done)` for every `i` in [0, n), at most `window` of them
/// begun and not yet done at any time, in order of `i`; runs `all_done` once
/// after the last `done`. Each `done` must be called exactly once, possibly
/// from inside `start`. With `n` zero, `all_done` runs at once. Actor-local:
/// every call runs on the actor's own thread.
inline void bounded_fan_out(std::size_t n, std::size_t window,
                            std::function<void(std::size_t, std::function<void()>)> start,
                            std::function<void()> all_done) {
  struct run {
    std::size_t n, window, next = 0, running = 0, left;
    std::function<void(std::size_t, std::function<void()>)> start;
    std::function<void()> all_done;
    /// Set while `pump` loops: a `done` called from inside `start` only
    /// counts, so a long row of synchronous answers cannot nest calls.
    bool pumping = false;
  };
  auto r = std::make_shared<run>();
  r->n = n;
  r->window = window == 0 ? 1 : window;
  r->left = n;
  r->start = std::move(start);
  r->all_done = std::move(all_done);
  if (n == 0)
    return r->all_done();
  // `pump` owns no reference to the run: each `done` holds one, so the run
  // lives until its last request is answered.
  struct pumper {
    static void pump(const std::shared_ptr<run>& r) {
      if (r->pumping)
        return;
      r->pumping = true;
      while (r->running < r->window && r->next < r->n) {
        ++r->running;
        auto i = r->next++;
        r->start(i, [r] {
          --r->running;
          if (--r->left == 0) {
            r->all_done();
            return;
          }
          pump(r);
        });
      }
      r->pumping = false;
    }
  };
  pumper::pump(r);
}

} // namespace cdc::actors
