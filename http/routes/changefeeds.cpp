// The changefeed endpoints: create, list, get, update, delete, pause, resume;
// and v1's list and get, which TiCDC's tools still call. Bodies are parsed
// and checked here; the owner and changefeed actors decide.
#include <boost/json/value_from.hpp>

#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "http/routes/authenticated.hpp"
#include "http/routes/feed_lookup.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/changefeed/views_v1.hpp"
#include "model/ids.hpp"

namespace cdc::http {

namespace {

using boost::beast::http::verb;

auto send_detail(reply rep) {
  return [rep](const model::changefeed_detail& d) { rep.send_json(boost::json::value_from(d)); };
}

auto send_empty(reply rep) {
  return [rep](bool) { rep.send_empty(); };
}

using snapshots = std::vector<std::shared_ptr<const actors::feed_snapshot>>;

/// `prefix`, the items of `feeds` as a JSON array, and `suffix`: each
/// feed's item written from its serialized one (no JSON tree, mostly one
/// allocation), all read at the upstream's one resolved TS.
std::string items_array(const snapshots& feeds, model::tso_t resolved, std::string_view prefix = {},
                        std::string_view suffix = {}) {
  std::string out;
  // One pass over the feeds: the first item's size is a fair guess at all.
  if (!feeds.empty())
    out.reserve(prefix.size() + suffix.size() + 2 + feeds.size() * (feeds.front()->item_json_size() + 16));
  out += prefix;
  out += '[';
  for (std::size_t i = 0; i < feeds.size(); ++i) {
    if (i > 0)
      out += ',';
    feeds[i]->append_item_json(out, resolved);
  }
  out += ']';
  out += suffix;
  return out;
}

/// GET /changefeeds' body from snapshots in key order: TiCDC's envelope
/// {"total":N,"items":[...]}.
std::string list_body(const snapshots& feeds, model::tso_t resolved) {
  return items_array(feeds, resolved, "{\"total\":" + std::to_string(feeds.size()) + ",\"items\":", "}");
}

/// What a list shows: the feeds the ?state= filter selects (TiCDC's rules:
/// model::matches_state_filter), of one namespace or all.
struct feed_selection {
  std::optional<std::string> state;
  std::optional<std::string> namespace_;

  /// The bulk reads' key: lists with the same selection share a body.
  /// Values are length-prefixed, so no query can pose as another.
  std::string key(std::string_view route) const {
    auto part = [](const std::optional<std::string>& v) {
      return v ? std::to_string(v->size()) + ':' + *v : std::string("-");
    };
    return std::string(route) + '|' + part(state) + '|' + part(namespace_);
  }

  /// In ID order, from the directory.
  snapshots of(const actors::feed_directory& directory) const {
    auto feeds = directory.all();
    std::erase_if(feeds, [&](const auto& f) {
      return !model::matches_state_filter(f->state(), state)
             || (namespace_ && f->view().info->key.namespace_ != *namespace_);
    });
    return feeds;
  }
};

/// The ?state= filter of `rc`, over every namespace.
feed_selection selection_of(const request_context& rc) {
  feed_selection out;
  if (auto s = rc.query_param("state"))
    out.state = std::string(*s);
  return out;
}

void create(request_context& rc, const reply& rep) {
  auto body = model::parse_create_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  call_api<model::changefeed_detail>(rc, rep, send_detail(rep), atom::create_v, std::move(*body));
}

/// v2 lists one namespace (?namespace=, "default" when absent), as TiCDC.
void list(request_context& rc, const reply& rep) {
  if (!feeds_loaded(rc, rep))
    return;
  auto selection = selection_of(rc);
  auto ns = rc.query_param("namespace").value_or(model::default_namespace);
  selection.namespace_ = std::string(ns.empty() ? model::default_namespace : ns);
  send_bulk(rc, rep, selection.key("changefeeds v2"), [api = rc.api, selection] {
    return list_body(selection.of(*api->directory), api->directory->resolved());
  });
}

/// What the feed published last, with its JSON made at most once.
void get(request_context& rc, const reply& rep) {
  if (auto snap = published_feed(rc, rep, key_of(rc)))
    rep.send(200, snap->detail_json(rc.api->directory->resolved()));
}

/// GET /api/v1/changefeeds: v2's items, filtered alike, as a bare array.
void v1_list(request_context& rc, const reply& rep) {
  if (!feeds_loaded(rc, rep))
    return;
  send_bulk(rc, rep, selection_of(rc).key("changefeeds v1"), [api = rc.api, selection = selection_of(rc)] {
    return items_array(selection.of(*api->directory), api->directory->resolved());
  });
}

void v1_get(request_context& rc, const reply& rep) {
  if (auto snap = published_feed(rc, rep, v1_key_of(rc)))
    rep.send_json(model::v1_detail(snap->view_at(rc.api->directory->resolved()).detail()));
}

void update(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  auto body = model::parse_update_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  call_api<model::changefeed_detail>(rc, rep, send_detail(rep), atom::update_v, *key, std::move(*body));
}

void remove(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  call_api<bool>(rc, rep, send_empty(rep), atom::remove_v, *key);
}

void pause(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  call_api<bool>(rc, rep, send_empty(rep), atom::pause_v, *key);
}

void resume(request_context& rc, const reply& rep) {
  auto key = key_of(rc);
  if (!key)
    return rep.send_failure(key.error());
  auto body = model::parse_resume_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  call_api<bool>(rc, rep, send_empty(rep), atom::resume_v, *key, std::move(*body));
}

} // namespace

void set_changefeed_routes(router& r) {
  r.add(verb::post, "/api/v2/changefeeds", authenticated(create));
  r.add(verb::get, "/api/v2/changefeeds", list);
  r.add(verb::get, "/api/v2/changefeeds/{changefeed_id}", get);
  r.add(verb::put, "/api/v2/changefeeds/{changefeed_id}", authenticated(update));
  r.add(verb::delete_, "/api/v2/changefeeds/{changefeed_id}", authenticated(remove));
  r.add(verb::post, "/api/v2/changefeeds/{changefeed_id}/pause", authenticated(pause));
  r.add(verb::post, "/api/v2/changefeeds/{changefeed_id}/resume", authenticated(resume));
  r.add(verb::get, "/api/v1/changefeeds", v1_list);
  r.add(verb::get, "/api/v1/changefeeds/{changefeed_id}", v1_get);
}

} // namespace cdc::http
