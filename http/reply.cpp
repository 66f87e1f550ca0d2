#include "http/reply.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/errors.hpp"

namespace cdc::http {

reply::reply(deliver_fn deliver) : state_(std::make_shared<state>(std::move(deliver))) {}

reply::state::~state() {
  if (!done.exchange(true)) {
    auto err = render(model::fail(model::api_error::server_is_not_ready));
    deliver(err.status, std::move(err.body), json_type);
  }
}

void reply::send(unsigned status, std::string body) const { send_as(status, std::move(body), json_type); }

void reply::send_as(unsigned status, std::string body, const char* content_type) const {
  if (!state_->done.exchange(true))
    state_->deliver(status, std::move(body), content_type);
}

void reply::send_json(const boost::json::value& body, unsigned status) const {
  send(status, boost::json::serialize(body));
}

void reply::send_empty() const { send(200, "{}"); }

void reply::send_failure(const model::api_failure& failure) const {
  auto err = render(failure);
  send(err.status, std::move(err.body));
}

bool reply::sent() const noexcept { return state_->done.load(); }

} // namespace cdc::http
