#include "actors/errors.hpp"

#include <caf/sec.hpp>

namespace cdc::actors {

caf::error to_error(const model::api_failure& failure) {
  return caf::make_error(failure.kind, failure.message);
}

caf::error to_error(model::api_error kind, std::initializer_list<std::string_view> args) {
  return to_error(model::fail(kind, args));
}

model::api_failure to_failure(const caf::error& err) {
  using model::api_error;
  if (err.category() == caf::atom("cdc")) {
    auto kind = static_cast<api_error>(err.code());
    std::string message;
    if (err.context().match_elements<std::string>())
      message = err.context().get_as<std::string>(0);
    else
      message = std::string(model::spec_of(kind).message_template);
    return {kind, std::move(message)};
  }
  if (err.category() == caf::atom("system")) {
    switch (static_cast<caf::sec>(err.code())) {
      case caf::sec::request_timeout:
        return model::fail(api_error::request_timeout, {"the cluster did not answer in time"});
      case caf::sec::request_receiver_down:
        return model::fail(api_error::owner_not_found);
      default:
        break;
    }
  }
  return model::fail_with(api_error::internal_server_error,
                          "internal server error: " + caf::to_string(err));
}

caf::error meta_store_error(const caf::error& err) {
  if (err.category() == caf::atom("cdc"))
    return err;
  return to_error(model::fail(model::api_error::meta_store_failed, {to_failure(err).message}));
}

} // namespace cdc::actors
