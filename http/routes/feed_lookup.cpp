#include "http/routes/feed_lookup.hpp"

#include "model/ids.hpp"

namespace cdc::http {

model::result<model::changefeed_key> key_of(const request_context& rc) {
  const auto& id = rc.path_params.at(0);
  if (auto ok = model::check_id("changefeed_id", id); !ok)
    return ok.error();
  auto ns = rc.query_param("namespace").value_or(model::default_namespace);
  return model::changefeed_key{std::string(ns.empty() ? model::default_namespace : ns), id};
}

model::result<model::changefeed_key> v1_key_of(const request_context& rc) {
  const auto& id = rc.path_params.at(0);
  if (auto ok = model::check_id("changefeed_id", id); !ok)
    return ok.error();
  return model::changefeed_key{std::string(model::default_namespace), id};
}

std::shared_ptr<const actors::feed_snapshot> published_feed(const request_context& rc, const reply& rep,
                                                            const model::result<model::changefeed_key>& key) {
  if (!key) {
    rep.send_failure(key.error());
    return nullptr;
  }
  if (!feeds_loaded(rc, rep))
    return nullptr;
  auto snap = rc.api->directory->find(*key);
  if (!snap)
    rep.send_failure(model::fail(model::api_error::changefeed_not_exists, {key->display()}));
  return snap;
}

} // namespace cdc::http
