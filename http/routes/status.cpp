// GET /api/v2/status: this node, from its published state (no actor hop).
#include <unistd.h>

#include "actors/published/node_state.hpp"
#include "http/routes.hpp"
#include "model/cluster_views.hpp"
#include "model/version.hpp"

namespace cdc::http {

void set_status_routes(router& r) {
  r.add(boost::beast::http::verb::get, "/api/v2/status", [](request_context& rc, const reply& rep) {
    // The pid never changes; getpid() is a system call on every request.
    static const std::int64_t pid = ::getpid();
    const auto& node = *rc.node;
    model::server_status st;
    st.version = model::release_version();
    st.git_hash = model::git_hash();
    st.id = node.capture_id();
    st.cluster_id = node.cluster_id;
    st.pid = pid;
    st.is_owner = node.owns();
    st.live = node.live.load(std::memory_order_relaxed);
    rep.send(200, model::to_json_text(st));
  });
}

} // namespace cdc::http
