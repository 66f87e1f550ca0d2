// A capture's ID: a random UUID v4, as TiCDC's. A node takes one at start
// and, in cluster mode, a new one each time it registers again after
// losing its session.
#pragma once

#include <string>

namespace cdc::actors {

std::string new_capture_id();

} // namespace cdc::actors
