// Replica configs as JSON text on the wire; see config_json.hpp.
#include "actors/wire/config_json.hpp"

#include <exception>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <caf/sec.hpp>

#include "model/config/defaults.hpp"
#include "model/config/merge.hpp"

namespace cdc::actors::wire {

const model::config::replica_config& default_config() {
  // What a create without a replica_config gets (bodies.cpp).
  static const auto defaults = model::config::to_internal(model::config::default_replica_config());
  return defaults;
}

bool is_default_config(const model::config::replica_config& c) {
  return c == default_config();
}

std::string config_to_json(const model::config::replica_config& c) {
  return boost::json::serialize(boost::json::value_from(c));
}

caf::error config_from_json(std::string_view text, model::config::replica_config& out) {
  // The decoders report through error codes and results; the catch is for
  // what they cannot (allocation failure on an absurd document), since a
  // throw here would unwind through CAF's deserializer.
  try {
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if (ec)
      return caf::make_error(caf::sec::invalid_argument, "replica config: " + ec.message());
    model::config::replica_config c;
    if (auto st = model::config::read_into(c, v, model::json::path{"config"}); !st)
      return caf::make_error(caf::sec::invalid_argument, "replica config: " + st.error().message);
    out = std::move(c);
    return caf::none;
  } catch (const std::exception& e) {
    return caf::make_error(caf::sec::invalid_argument, std::string{"replica config: "} + e.what());
  }
}

} // namespace cdc::actors::wire
