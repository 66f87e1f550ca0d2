// Route modules, one per resource (Scylla's set_x style), and the full table.
#pragma once

#include "http/router.hpp"

namespace cdc::http {

void set_status_routes(router& r);
void set_health_routes(router& r);
void set_capture_routes(router& r);
void set_log_routes(router& r);
void set_owner_routes(router& r);
void set_changefeed_routes(router& r);
void set_processor_routes(router& r);
void set_changefeed_progress_routes(router& r);
void set_changefeed_v1_write_routes(router& r);
void set_table_routes(router& r);
void set_upstream_routes(router& r);
void set_metadata_routes(router& r);
void set_debug_routes(router& r);
void set_metrics_routes(router& r);

/// Every route of the API.
router make_api_router();

} // namespace cdc::http
