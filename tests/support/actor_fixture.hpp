// A deterministic actor system for tests: CAF's test coordinator driven from
// Boost.Test (caf/test/dsl.hpp crashes outside CAF's own runner).
#pragma once

#include <memory>
#include <optional>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scheduler/test_coordinator.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/errors.hpp"
#include "actors/messages.hpp"

namespace cdc::test {

/// An answer that arrives whenever the system gets to it (empty until then).
template <class T>
using pending = std::shared_ptr<std::optional<model::result<T>>>;

struct actor_fixture {
  static caf::actor_system_config& make_config(caf::actor_system_config& cfg) {
    cfg.add_message_types<caf::id_block::cdc>();
    cfg.set("scheduler.policy", caf::atom("testing"));
    cfg.set("logger.inline-output", true);
    return cfg;
  }

  actor_fixture()
    : sys(make_config(cfg)),
      self(sys, true),
      sched(dynamic_cast<caf::scheduler::test_coordinator&>(sys.scheduler())) {}

  ~actor_fixture() {
    // Leave no pending work behind so the system can shut down.
    sched.run();
  }

  /// Runs every pending message and timer-free job to quiescence.
  void run() { sched.run(); }

  /// Sends a request from the test, runs the system, and returns the answer.
  template <class T, class Handle, class... Ts>
  T ask(const Handle& dest, Ts&&... xs) {
    T result{};
    bool answered = false;
    auto rh = self->request(dest, caf::infinite, std::forward<Ts>(xs)...);
    sched.run();
    rh.receive([&](T& x) { result = std::move(x); answered = true; },
               [&](caf::error& err) { throw std::runtime_error("request failed: " + caf::to_string(err)); });
    if (!answered)
      throw std::runtime_error("no answer");
    return result;
  }

  /// Sends a request from a helper actor without running anything, so
  /// several requests can be in flight at once; the answer (or the API
  /// failure) lands in the returned slot once the system runs.
  template <class T, class Handle, class... Ts>
  pending<T> send_request(const Handle& dest, Ts... xs) {
    auto out = std::make_shared<std::optional<model::result<T>>>();
    sys.spawn([=](caf::event_based_actor* helper) {
      helper->request(dest, caf::infinite, xs...)
        .then([out](T& v) { *out = std::move(v); }, [out](caf::error& e) { *out = actors::to_failure(e); });
    });
    return out;
  }

  /// Like ask, but expects an error and returns it.
  template <class Handle, class... Ts>
  caf::error ask_error(const Handle& dest, Ts&&... xs) {
    caf::error result;
    auto rh = self->request(dest, caf::infinite, std::forward<Ts>(xs)...);
    sched.run();
    rh.receive([&](caf::message&) {}, [&](caf::error& err) { result = std::move(err); });
    return result;
  }

  caf::actor_system_config cfg;
  caf::actor_system sys;
  caf::scoped_actor self;
  caf::scheduler::test_coordinator& sched;
};

} // namespace cdc::test
