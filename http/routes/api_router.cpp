#include "http/routes.hpp"

namespace cdc::http {

router make_api_router() {
  router r;
  set_status_routes(r);
  set_health_routes(r);
  set_capture_routes(r);
  set_log_routes(r);
  set_owner_routes(r);
  set_changefeed_routes(r);
  set_processor_routes(r);
  set_changefeed_progress_routes(r);
  set_changefeed_v1_write_routes(r);
  set_table_routes(r);
  set_upstream_routes(r);
  set_metadata_routes(r);
  set_debug_routes(r);
  set_metrics_routes(r);
  return r;
}

} // namespace cdc::http
