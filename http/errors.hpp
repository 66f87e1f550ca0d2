// The one place API errors become HTTP: TiCDC's {"error_msg","error_code"}
// body with the catalog's status.
#pragma once

#include <string>

#include "model/api_error.hpp"

namespace cdc::http {

struct rendered_error {
  unsigned status;
  std::string body;
};

rendered_error render(const model::api_failure& failure);

} // namespace cdc::http
