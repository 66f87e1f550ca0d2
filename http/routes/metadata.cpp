// GET /api/v2/unsafe/metadata: every key TiCDC would keep in etcd for this
// cluster, built from what the owner published (the captures and the feeds
// with their progress).
#include "actors/published/node_state.hpp"
#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "http/routes/authenticated.hpp"
#include "model/cluster/metadata_view.hpp"
#include "model/version.hpp"

namespace cdc::http {

void set_metadata_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::get, "/api/v2/unsafe/metadata", authenticated([](request_context& rc, const reply& rep) {
    if (!feeds_loaded(rc, rep))
      return;
    with_captures(rc, rep,
                  [rep, directory = rc.api->directory,
                   cluster = rc.node->cluster_id](const std::vector<model::capture_view>& captures) {
                    auto snaps = directory->all();
                    auto resolved = directory->resolved();
                    std::vector<model::metadata_feed> feeds;
                    feeds.reserve(snaps.size());
                    for (const auto& s : snaps)
                      feeds.push_back({s->view().info.get(), s->view().progress.at(resolved), s->view().admin_job_type});
                    rep.send_json(
                      model::to_json(model::cluster_metadata(cluster, captures, feeds, model::release_version(), model::git_hash())));
                  });
  }));
}

} // namespace cdc::http
