// What route handlers reach the actor world through, and the helper that
// turns "ask the owner" into a non-blocking bridge job.
#pragma once

#include <chrono>
#include <vector>

#include <caf/actor.hpp>
#include <caf/send.hpp>

#include "actors/errors.hpp"
#include "actors/feed_directory.hpp"
#include "actors/messages.hpp"
#include "actors/node_state.hpp"
#include "http/reply.hpp"
#include "http/request_context.hpp"

namespace cdc::http {

struct api_context {
  std::vector<actors::bridge_actor> bridges;
  actors::election_actor election;
  /// Changefeed reads are served from here, on the I/O thread (null: ask
  /// the actors).
  std::shared_ptr<const actors::feed_directory> directory;
  /// Every node this process serves (a node whose capture is gone makes the
  /// cluster unhealthy: nobody else would notice it missing).
  std::vector<const actors::node_state*> nodes;
  /// How long a request may wait for the cluster before it answers 500.
  std::chrono::milliseconds actor_timeout{std::chrono::seconds(10)};
};

/// Hands `job` to this connection's bridge; returns at once.
inline void post_job(const request_context& rc, actors::bridge_job job) {
  const auto& bridges = rc.api->bridges;
  caf::anon_send(bridges[rc.bridge_index % bridges.size()], std::move(job));
}

/// An error handler for `then` that answers the request with the failure.
inline auto fail_reply(reply r) {
  return [r = std::move(r)](const caf::error& err) { r.send_failure(actors::to_failure(err)); };
}

/// Sends `args...` to the current owner and runs `on_ok` with its answer
/// (on the bridge). With no owner, or on error, answers with the failure.
template <class OnOk, class... Ts>
void ask_owner(const request_context& rc, reply r, OnOk on_ok, Ts... args) {
  auto timeout = rc.api->actor_timeout;
  post_job(rc, {[=](actors::bridge_actor::pointer self, const actors::owner_actor& owner) {
                  if (!owner) {
                    r.send_failure(model::fail(model::api_error::owner_not_found));
                    return;
                  }
                  self->request(owner, timeout, args...).then(on_ok, fail_reply(r));
                },
                true});
}

namespace detail {

template <class F>
struct answer_of : answer_of<decltype(&F::operator())> {};
template <class C, class R, class Self, class A>
struct answer_of<R (C::*)(Self, A) const> {
  using type = std::decay_t<A>;
};

} // namespace detail

/// Like ask_owner, but `on_ok(self, answer)` also gets the bridge, so it can
/// ask further actors (e.g. the owner names a changefeed, then we ask it).
template <class OnOk, class... Ts>
void ask_owner_then(const request_context& rc, reply r, OnOk on_ok, Ts... args) {
  using answer = typename detail::answer_of<OnOk>::type;
  auto timeout = rc.api->actor_timeout;
  post_job(rc, {[=](actors::bridge_actor::pointer self, const actors::owner_actor& owner) {
                  if (!owner) {
                    r.send_failure(model::fail(model::api_error::owner_not_found));
                    return;
                  }
                  self->request(owner, timeout, args...)
                    .then([self, on_ok](answer& x) { on_ok(self, x); }, fail_reply(r));
                },
                true});
}

} // namespace cdc::http
