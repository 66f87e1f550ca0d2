// The changefeed endpoints: create, list, get, update, delete, pause, resume.
// Bodies are parsed and checked here; the owner and changefeed actors decide.
#include <boost/json/value_from.hpp>

#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/ids.hpp"
#include "model/list_response.hpp"

namespace cdc::http {

namespace {

using boost::beast::http::verb;

/// The changefeed a path names: {changefeed_id} checked by TiCDC's rule,
/// ?namespace= defaulting to "default" (not checked on reads, as in TiCDC).
model::result<model::changefeed_key> key_of(const request_context& rc) {
  const auto& id = rc.path_params.at(0);
  if (auto ok = model::check_id("changefeed_id", id); !ok)
    return ok.error();
  auto ns = rc.query_param("namespace").value_or(model::default_namespace);
  return model::changefeed_key{std::string(ns.empty() ? model::default_namespace : ns), id};
}

auto send_detail(reply rep) {
  return [rep](const model::changefeed_detail& d) { rep.send_json(boost::json::value_from(d)); };
}

auto send_empty(reply rep) {
  return [rep](bool) { rep.send_empty(); };
}

void create(request_context& rc, const reply& rep) {
  auto body = model::parse_create_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  ask_owner(rc, rep, send_detail(rep), atom::create_v, std::move(*body));
}

/// The list from the directory: snapshots in key order, each item's JSON
/// made once per change and appended (no JSON tree, no actor hop).
void list_published(const actors::feed_directory& dir, const std::optional<std::string>& state, const reply& rep) {
  auto feeds = dir.all();
  std::erase_if(feeds, [&](const auto& f) { return !model::matches_state_filter(f->state(), state); });
  rep.send(200, actors::list_body(feeds));
}

/// Keeps the feeds the ?state= filter selects and answers in ID order.
void list(request_context& rc, const reply& rep) {
  std::optional<std::string> state;
  if (auto s = rc.query_param("state"))
    state = std::string(*s);
  if (rc.api->directory)
    return list_published(*rc.api->directory, state, rep);
  // Without a directory: ask every changefeed for its item, in parallel.
  auto timeout = rc.api->actor_timeout;
  post_job(rc, {[=](actors::bridge_actor::pointer self, const actors::owner_actor& owner) {
                  if (!owner)
                    return rep.send_failure(model::fail(model::api_error::owner_not_found));
                  self->request(owner, timeout, atom::list_v)
                    .then(
                      [=](const std::vector<actors::changefeed_actor>& feeds) {
                        struct gather {
                          std::size_t left;
                          std::vector<model::changefeed_list_item> items;
                        };
                        auto acc = std::make_shared<gather>(gather{feeds.size(), {}});
                        auto finish = [=] {
                          std::erase_if(acc->items, [&](const auto& it) {
                            return !model::matches_state_filter(it.state, state);
                          });
                          std::sort(acc->items.begin(), acc->items.end(), [](const auto& a, const auto& b) {
                            return std::tie(a.namespace_, a.id) < std::tie(b.namespace_, b.id);
                          });
                          rep.send_json(model::list_response_of(acc->items));
                        };
                        if (feeds.empty())
                          return finish();
                        acc->items.reserve(feeds.size());
                        for (const auto& f : feeds)
                          self->request(f, timeout, atom::summary_v)
                            .then(
                              [=](model::changefeed_list_item& item) {
                                acc->items.push_back(std::move(item));
                                if (--acc->left == 0)
                                  finish();
                              },
                              [=](const caf::error&) {
                                // Removed meanwhile: it is no longer listed.
                                if (--acc->left == 0)
                                  finish();
                              });
                      },
                      fail_reply(rep));
                },
                true});
}

void get(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  if (rc.api->directory) {
    // What the feed published last, with its JSON made at most once.
    if (auto snap = rc.api->directory->find(*key))
      return rep.send(200, snap->detail_json());
    return rep.send_failure(model::fail(model::api_error::changefeed_not_exists, {key->display()}));
  }
  // Without a directory: the owner names the feed's actor, then we ask it.
  auto timeout = rc.api->actor_timeout;
  ask_owner_then(
    rc, rep,
    [rep, timeout, name = key->display()](actors::bridge_actor::pointer self, const actors::changefeed_actor& feed) {
      self->request(feed, timeout, atom::get_v).then(send_detail(rep), [rep, name](const caf::error& err) {
        // The feed ended between the owner's answer and ours: it is gone.
        if (err == caf::sec::request_receiver_down)
          return rep.send_failure(model::fail(model::api_error::changefeed_not_exists, {name}));
        rep.send_failure(actors::to_failure(err));
      });
    },
    atom::get_v, *key);
}

void update(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  auto body = model::parse_update_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  ask_owner(rc, rep, send_detail(rep), atom::update_v, *key, std::move(*body));
}

void remove(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  ask_owner(rc, rep, send_empty(rep), atom::remove_v, *key);
}

void pause(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  ask_owner(rc, rep, send_empty(rep), atom::pause_v, *key);
}

void resume(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  auto body = model::parse_resume_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  ask_owner(rc, rep, send_empty(rep), atom::resume_v, *key, std::move(*body));
}

} // namespace

void set_changefeed_routes(router& r) {
  r.add(verb::post, "/api/v2/changefeeds", create);
  r.add(verb::get, "/api/v2/changefeeds", list);
  r.add(verb::get, "/api/v2/changefeeds/{changefeed_id}", get);
  r.add(verb::put, "/api/v2/changefeeds/{changefeed_id}", update);
  r.add(verb::delete_, "/api/v2/changefeeds/{changefeed_id}", remove);
  r.add(verb::post, "/api/v2/changefeeds/{changefeed_id}/pause", pause);
  r.add(verb::post, "/api/v2/changefeeds/{changefeed_id}/resume", resume);
}

} // namespace cdc::http
