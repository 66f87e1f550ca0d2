#include "http/router.hpp"

#include <boost/beast/http/verb.hpp>

namespace cdc::http {

void router::add(boost::beast::http::verb method, std::string_view pattern, handler h) {
  route rt{method, std::string(pattern), {}, std::move(h),
           std::make_unique<route_metrics>(std::string(boost::beast::http::to_string(method)), std::string(pattern))};
  std::size_t pos = 1;
  while (pos <= pattern.size()) {
    auto end = pattern.find('/', pos);
    if (end == std::string_view::npos)
      end = pattern.size();
    auto seg = pattern.substr(pos, end - pos);
    rt.segments.emplace_back(seg.starts_with('{') ? "{}" : std::string(seg));
    pos = end + 1;
  }
  routes_.push_back(std::move(rt));
}

bool router::matches(const route& rt, const std::vector<std::string>& segments) {
  if (rt.segments.size() != segments.size())
    return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (rt.segments[i] == "{}") {
      if (segments[i].empty())
        return false;
    } else if (rt.segments[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

void router::dispatch(request_context& rc, const reply& r) const {
  bool path_known = false;
  for (const auto& rt : routes_) {
    if (!matches(rt, rc.segments))
      continue;
    if (rt.method != rc.method) {
      path_known = true;
      continue;
    }
    rc.path_params.clear();
    for (std::size_t i = 0; i < rt.segments.size(); ++i)
      if (rt.segments[i] == "{}")
        rc.path_params.push_back(rc.segments[i]);
    if (rc.route_taken)
      *rc.route_taken = rt.metrics.get();
    rt.run(rc, r);
    return;
  }
  std::string path = "/";
  for (std::size_t i = 0; i < rc.segments.size(); ++i) {
    if (i > 0)
      path += '/';
    path += rc.segments[i];
  }
  if (path_known)
    r.send_failure(model::fail(model::api_error::method_not_allowed,
                               {std::string(boost::beast::http::to_string(rc.method)), path}));
  else
    r.send_failure(model::fail(model::api_error::route_not_found, {path}));
}

std::vector<prometheus::MetricFamily> router::request_metrics() const {
  auto requests = http_requests_family();
  auto durations = http_durations_family();
  for (const auto& rt : routes_)
    rt.metrics->append_to(requests, durations);
  unrouted_->append_to(requests, durations);
  return {std::move(requests), std::move(durations)};
}

} // namespace cdc::http
