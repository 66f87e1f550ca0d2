// POST /api/v2/log {"log_level": "..."}: changes this process's log level at once.
#include <spdlog/spdlog.h>

#include "http/routes.hpp"
#include "http/spdlog_level.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/log_level.hpp"

namespace cdc::http {

void set_log_routes(router& r) {
  r.add(boost::beast::http::verb::post, "/api/v2/log", [](request_context& rc, const reply& rep) {
    auto body = model::parse_log_level_body(rc.body);
    if (!body)
      return rep.send_failure(body.error());
    const auto& name = body->log_level;
    auto level = model::parse_log_level(name);
    if (!level)
      return rep.send_failure(model::fail_with(model::api_error::api_invalid_param,
                                               "fail to change log level: " + std::string(name)));
    spdlog::set_level(to_spdlog(*level));
    spdlog::warn("log level changed to {}", model::to_string(*level));
    rep.send_empty();
  });
}

} // namespace cdc::http
