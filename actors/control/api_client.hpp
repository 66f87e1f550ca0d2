// How code outside the actor world (the HTTP layer) calls the API actor
// without blocking: call<T>(lane, done, request...) makes one typed request
// through one of a few caller actors and runs `done` with the answer or the
// API failure, on an actor thread. Failures are mapped here, once.
#pragma once

#include <chrono>
#include <functional>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/send.hpp>

#include "actors/errors.hpp"
#include "actors/messages.hpp"
#include "model/result.hpp"

namespace cdc::actors {

class api_client {
public:
  api_client() = default;

  /// Spawns `callers` caller actors (one per I/O thread spreads the load).
  api_client(caf::actor_system& sys, api_actor api, std::size_t callers, std::chrono::milliseconds timeout);

  /// Sends `xs...` to the API actor; `done` gets its answer, or the failure
  /// (a timeout after `timeout`). `lane` picks the caller (e.g. a
  /// connection's number, so one connection's calls stay in order).
  template <class T, class... Ts>
  void call(std::size_t lane, std::function<void(model::result<T>)> done, Ts... xs) const {
    ask<T>(api_, lane, std::move(done), std::move(xs)...);
  }

  /// The same, to another actor of this process (the upstream, which
  /// answers reads the API serves on any node, as TiCDC's PD client does).
  template <class T, class Handle, class... Ts>
  void ask(Handle target, std::size_t lane, std::function<void(model::result<T>)> done, Ts... xs) const {
    caf::anon_send(callers_[lane % callers_.size()],
                   api_call{[target = std::move(target), timeout = timeout_, done = std::move(done),
                             xs...](api_caller_actor::pointer self) {
                     self->request(target, timeout, xs...)
                       .then([done](T& answer) { done(std::move(answer)); },
                             [done](const caf::error& err) { done(to_failure(err)); });
                   }});
  }

  /// Ends the callers and waits until they are gone, with the completions
  /// of calls still unanswered (blocks: for shutdown, after the I/O threads;
  /// a later call is dropped, and its reply answers 503 itself).
  void stop(caf::actor_system& sys);

private:
  api_actor api_;
  std::chrono::milliseconds timeout_{std::chrono::seconds(10)};
  std::vector<api_caller_actor> callers_;
};

} // namespace cdc::actors
