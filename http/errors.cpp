#include "http/errors.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace cdc::http {

rendered_error render(const model::api_failure& failure) {
  const auto& spec = model::spec_of(failure.kind);
  boost::json::object body{
    {"error_msg", model::full_message(failure)},
    {"error_code", spec.code},
  };
  return {spec.http_status, boost::json::serialize(body)};
}

} // namespace cdc::http
