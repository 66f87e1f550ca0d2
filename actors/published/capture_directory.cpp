#include "actors/published/capture_directory.hpp"

#include <boost/json/serialize.hpp>

#include "model/list_response.hpp"

namespace cdc::actors {

void capture_directory::publish(std::shared_ptr<const captures> now) {
  if (!now) {
    current_.store(nullptr);
    return;
  }
  auto snap = std::make_shared<snapshot>();
  snap->body = boost::json::serialize(model::list_response_of(*now));
  snap->list = std::move(now);
  current_.store(std::move(snap));
}

std::shared_ptr<const capture_directory::captures> capture_directory::current() const {
  auto snap = current_.load();
  return snap ? snap->list : nullptr;
}

std::shared_ptr<const std::string> capture_directory::current_body() const {
  auto snap = current_.load();
  // Shares the snapshot's ownership: the body lives as long as the reader needs it.
  return snap ? std::shared_ptr<const std::string>(snap, &snap->body) : nullptr;
}

} // namespace cdc::actors
