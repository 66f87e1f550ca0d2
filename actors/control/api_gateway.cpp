#include "actors/control/api_gateway.hpp"

#include <spdlog/spdlog.h>

#include "actors/control_lane.hpp"
#include "actors/errors.hpp"
#include "actors/published/processor_reads.hpp"

namespace cdc::actors {

namespace {

using self_ptr = api_gateway_actor::stateful_pointer<api_gateway_state>;

void flush(self_ptr self) {
  auto waiting = std::move(self->state.waiting);
  self->state.waiting.clear();
  ++self->state.wait_epoch;
  for (auto& w : waiting)
    w(self->state.owner);
}

/// Runs `then` with the next owner the election announces; with none when
/// it takes too long (or too many requests wait already).
void wait_for_owner(self_ptr self, std::function<void(const owner_api_actor&)> then) {
  auto& st = self->state;
  if (st.waiting.size() >= api_gateway_state::max_waiting)
    return then(owner_api_actor{});
  if (st.waiting.empty())
    self->delayed_send(self, api_gateway_state::owner_wait, atom::run_v, st.wait_epoch);
  st.waiting.emplace_back(std::move(then));
}

/// Runs `then` with the owner, now or once one is elected.
void when_owner(self_ptr self, std::function<void(const owner_api_actor&)> then) {
  if (self->state.owner)
    return then(self->state.owner);
  wait_for_owner(self, std::move(then));
}

/// Asks the owner, failing the request if that owner goes down before it
/// answers (see api_gateway_state::owner_call).
template <class T, class... Ts>
void ask_owner(self_ptr self, const owner_api_actor& owner, caf::typed_response_promise<T> rp, Ts... xs) {
  auto& st = self->state;
  if (st.watched_owner != owner.address()) {
    st.watched_owner = owner.address();
    self->monitor(owner);
  }
  auto id = ++st.next_call;
  st.owner_calls.emplace(id, api_gateway_state::owner_call{owner.address(), [rp](const caf::error& e) mutable {
                                                              rp.deliver(e);
                                                            }});
  // Past any HTTP timeout: the entry goes when the answer, a down or this comes.
  self->request(owner, std::chrono::minutes(1), std::move(xs)...)
    .then(
      [self, rp, id](T& answer) mutable {
        if (self->state.owner_calls.erase(id))
          rp.deliver(std::move(answer));
      },
      [self, rp, id](caf::error& e) mutable {
        if (self->state.owner_calls.erase(id))
          rp.deliver(std::move(e));
      });
}

/// Hands the request `xs...` to the owner; its answer (or failure) goes
/// to the requester.
template <class T, class... Ts>
caf::typed_response_promise<T> to_owner(self_ptr self, Ts... xs) {
  auto rp = self->make_response_promise<T>();
  when_owner(self, [self, rp, xs...](const owner_api_actor& owner) mutable {
    if (!owner)
      rp.deliver(to_error(model::api_error::owner_not_found));
    else
      ask_owner<T>(self, owner, rp, std::move(xs)...);
  });
  return rp;
}

/// The owner went down (it stepped down, or its node died): whatever it had
/// not answered fails now; the outcome of such a write is unknown.
void owner_down(self_ptr self, const caf::down_msg& dm) {
  auto& st = self->state;
  if (dm.source == st.watched_owner)
    st.watched_owner = caf::actor_addr{};
  std::size_t failed = 0;
  for (auto it = st.owner_calls.begin(); it != st.owner_calls.end();) {
    if (it->second.owner == dm.source) {
      it->second.fail(to_error(model::api_error::owner_not_found));
      it = st.owner_calls.erase(it);
      ++failed;
    } else {
      ++it;
    }
  }
  if (failed > 0)
    spdlog::warn("api: the owner went down before answering {} requests; they fail with ErrOwnerNotFound", failed);
}

/// Answers `rp` with `read(captures)` over the published captures, which
/// are the cluster as the current owner sees it. While none are published
/// (an election, or an owner handing over that this actor has not yet
/// heard leave) it waits for the next owner, as writes do.
template <class T, class Read>
void deliver_published(self_ptr self, caf::typed_response_promise<T> rp, Read read) {
  if (auto captures = self->state.reads.captures->current()) {
    model::result<T> answer = read(*captures);
    if (answer)
      rp.deliver(std::move(*answer));
    else
      rp.deliver(to_error(answer.error()));
    return;
  }
  wait_for_owner(self, [self, rp, read = std::move(read)](const owner_api_actor& owner) mutable {
    if (owner)
      deliver_published<T>(self, rp, std::move(read));
    else
      rp.deliver(to_error(model::api_error::owner_not_found));
  });
}

template <class T, class Read>
caf::typed_response_promise<T> read_published(self_ptr self, Read read) {
  auto rp = self->make_response_promise<T>();
  deliver_published<T>(self, rp, std::move(read));
  return rp;
}

} // namespace

api_gateway_actor::behavior_type api_gateway(self_ptr self, election_actor election, published_reads reads) {
  join_control_plane(self);
  self->state.election = election;
  self->state.reads = std::move(reads);
  self->send(election, atom::subscribe_v, caf::actor_cast<owner_listener_actor>(self));
  self->set_down_handler([self](caf::down_msg& dm) { owner_down(self, dm); });
  using model::changefeed_key;
  using captures_t = capture_directory::captures;
  return {
    [self](atom::captures) {
      return read_published<captures_t>(self, [](const captures_t& captures) { return captures; });
    },
    [self](atom::health) { return to_owner<bool>(self, atom::health_v); },
    [self](atom::create, model::changefeed_config& cfg) {
      return to_owner<model::changefeed_detail>(self, atom::create_v, std::move(cfg));
    },
    [self](atom::pause, changefeed_key& key) { return to_owner<bool>(self, atom::pause_v, std::move(key)); },
    [self](atom::resume, changefeed_key& key, model::resume_config& body) {
      return to_owner<bool>(self, atom::resume_v, std::move(key), std::move(body));
    },
    [self](atom::remove, changefeed_key& key) { return to_owner<bool>(self, atom::remove_v, std::move(key)); },
    [self](atom::update, changefeed_key& key, model::changefeed_update& body) {
      return to_owner<model::changefeed_detail>(self, atom::update_v, std::move(key), std::move(body));
    },
    [self](atom::drain, std::string& capture_id) {
      return to_owner<std::int64_t>(self, atom::drain_v, std::move(capture_id));
    },
    [self](atom::move, changefeed_key& key, std::int64_t table, std::string& capture_id) {
      return to_owner<bool>(self, atom::move_v, std::move(key), table, std::move(capture_id));
    },
    [self](atom::rebalance, changefeed_key& key) { return to_owner<bool>(self, atom::rebalance_v, std::move(key)); },
    [self](atom::safepoint) { return to_owner<bool>(self, atom::safepoint_v); },
    [self](atom::processors) {
      return read_published<std::vector<model::processor_item>>(
        self, [feeds = self->state.reads.feeds](const captures_t&) { return processor_list(*feeds); });
    },
    [self](atom::processor, changefeed_key& key, std::string& capture) {
      return read_published<model::processor_detail>(
        self, [feeds = self->state.reads.feeds, key, capture](const captures_t& captures) {
          return processor_of(*feeds, captures, key, capture);
        });
    },
    [self](atom::resign) {
      // The election answers whether or not an owner exists right now.
      auto rp = self->make_response_promise<bool>();
      return rp.delegate(self->state.election, atom::resign_v);
    },
    [self](atom::owner, owner_actor& owner) {
      self->state.owner = std::move(owner);
      if (self->state.owner)
        flush(self);
    },
    [self](atom::run, std::uint64_t epoch) {
      // The election took too long: the waiting requests fail.
      if (epoch == self->state.wait_epoch)
        flush(self);
    },
  };
}

} // namespace cdc::actors
