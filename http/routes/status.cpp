// This node's status, from its published state (no actor hop): GET
// /api/v2/status and /api/v1/status (the same body, which TiCDC's cli and
// TiUP read first to check the server's version), and the legacy GET
// /status (TiCDC's status API: version, git hash, id, pid, owner).
#include <unistd.h>

#include <boost/json/serialize.hpp>

#include "actors/published/node_state.hpp"
#include "http/routes.hpp"
#include "model/cluster_views.hpp"
#include "model/version.hpp"

namespace cdc::http {

namespace {

// The pid never changes; getpid() is a system call on every request.
const std::int64_t pid = ::getpid();

model::server_status status_of(const actors::node_state& node) {
  model::server_status st;
  st.version = model::release_version();
  st.git_hash = model::git_hash();
  st.id = node.capture_id();
  st.cluster_id = node.cluster_id;
  st.pid = pid;
  st.is_owner = node.owns();
  st.live = node.live.load(std::memory_order_relaxed);
  return st;
}

void status(request_context& rc, const reply& rep) {
  rep.send(200, model::to_json_text(status_of(*rc.node)));
}

void legacy_status(request_context& rc, const reply& rep) {
  auto st = status_of(*rc.node);
  rep.send(200, boost::json::serialize(boost::json::object{
                  {"version", st.version}, {"git_hash", st.git_hash}, {"id", st.id}, {"pid", st.pid},
                  {"is_owner", st.is_owner}}));
}

} // namespace

void set_status_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::get, "/api/v2/status", status);
  r.add(verb::get, "/api/v1/status", status);
  r.add(verb::get, "/status", legacy_status);
}

} // namespace cdc::http
