// GET /api/v2/status: this node, from its published state (no actor hop).
#include <unistd.h>

#include <boost/json/value_from.hpp>

#include "actors/node_state.hpp"
#include "http/routes.hpp"
#include "model/cluster_views.hpp"
#include "model/version.hpp"

namespace cdc::http {

void set_status_routes(router& r) {
  r.add(boost::beast::http::verb::get, "/api/v2/status", [](request_context& rc, const reply& rep) {
    const auto& node = *rc.node;
    model::server_status st;
    st.version = model::release_version();
    st.git_hash = model::git_hash();
    st.id = node.capture_id;
    st.pid = ::getpid();
    st.is_owner = node.is_owner.load(std::memory_order_relaxed);
    st.live = node.live.load(std::memory_order_relaxed);
    rep.send_json(boost::json::value_from(st));
  });
}

} // namespace cdc::http
