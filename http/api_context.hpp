// What route handlers reach the cluster through: the API (one typed request
// per call, answered asynchronously) and what the cluster publishes for
// reads (changefeeds, captures, this process's nodes).
#pragma once

#include <memory>
#include <vector>

#include "actors/control/api_client.hpp"
#include "actors/published/capture_directory.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/published/node_state.hpp"
#include "http/bulk_reads.hpp"
#include "http/reply.hpp"
#include "http/request_context.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::http {

class metrics_exposition;
class client_auth;

struct api_context {
  actors::api_client api;
  /// Changefeed and capture reads are served from these, on the I/O thread.
  std::shared_ptr<const actors::feed_directory> directory;
  std::shared_ptr<const actors::capture_directory> captures;
  /// Every node this process serves (a node whose capture is gone makes the
  /// cluster unhealthy: nobody else would notice it missing).
  std::vector<const actors::node_state*> nodes;
  /// The upstream (PD's clock) and what the API tells of it.
  actors::upstream_actor upstream;
  std::shared_ptr<const model::upstream::catalog_view> tables;
  std::uint64_t upstream_id = 0;
  std::vector<std::string> pd_addrs;
  /// GET /metrics (null: not served).
  std::shared_ptr<const metrics_exposition> metrics;
  /// Where reads of every changefeed are made (null: on the I/O thread).
  std::shared_ptr<bulk_reads> bulk;
  /// security.client-user-required: who may call the routes that change
  /// something (null: anyone).
  std::shared_ptr<const client_auth> auth;
};

/// False, having answered 503 ErrServerIsNotReady, while this node has not
/// yet seen an owner's list of changefeeds: a feed it does not know may
/// exist all the same (TiCDC's node answers so until it is ready).
inline bool feeds_loaded(const request_context& rc, const reply& rep) {
  if (rc.api->directory->loaded())
    return true;
  rep.send_failure(model::fail(model::api_error::server_is_not_ready));
  return false;
}

/// Answers 200 with `make()`'s body, made on the bulk reads' thread
/// (bulk_reads.hpp) once there are enough feeds for walking them to cost
/// more than the thread hop; `key` names the body (requests with the same
/// key may share one). `make` runs on another thread: it holds copies, not
/// references into `rc`.
inline void send_bulk(const request_context& rc, const reply& rep, const std::string& key,
                      bulk_reads::make_fn make) {
  constexpr std::size_t few_feeds = 256;
  if (!rc.api->bulk || rc.api->directory->size() <= few_feeds)
    return rep.send(200, make());
  rc.api->bulk->run(key, std::move(make), [rep](const std::string& body) { rep.send(200, body); });
}

/// The completion of a call for this request: `render(answer)`, or the
/// failure.
template <class T, class Render>
std::function<void(model::result<T>)> answer_with(const reply& rep, Render render) {
  return [rep, render = std::move(render)](model::result<T> answer) {
    if (answer)
      render(*answer);
    else
      rep.send_failure(answer.error());
  };
}

/// Makes the API call `xs...` for this request and answers with
/// `render(answer)`, or with the failure.
template <class T, class Render, class... Ts>
void call_api(const request_context& rc, const reply& rep, Render render, Ts... xs) {
  rc.api->api.call<T>(rc.caller_lane, answer_with<T>(rep, std::move(render)), std::move(xs)...);
}

/// The same, asking this node's upstream (PD's clock).
template <class T, class Render, class... Ts>
void call_upstream(const request_context& rc, const reply& rep, Render render, Ts... xs) {
  rc.api->api.ask<T>(rc.api->upstream, rc.caller_lane, answer_with<T>(rep, std::move(render)), std::move(xs)...);
}

/// Answers with `render(captures)`: the captures under the current owner as
/// published, or, during an election, once the next owner is in office
/// (ErrOwnerNotFound after the API's wait for one).
template <class Render>
void with_captures(const request_context& rc, const reply& rep, Render render) {
  if (auto captures = rc.api->captures->current())
    return render(*captures);
  call_api<std::vector<model::capture_view>>(rc, rep, std::move(render), atom::captures_v);
}

} // namespace cdc::http
