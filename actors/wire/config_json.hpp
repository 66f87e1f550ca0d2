// A replica config crosses nodes as its TiCDC JSON text (the API's keys,
// model/config): the config tree is deep and already has exact codecs, so
// it gets no field-by-field inspect of its own.
#pragma once

#include <string>
#include <string_view>

#include <caf/error.hpp>
#include <caf/meta/load_callback.hpp>

#include "model/config/replica_config.hpp"

namespace cdc::actors::wire {

std::string config_to_json(const model::config::replica_config& c);

/// Decodes what config_to_json wrote; text that is not such a config is a
/// caf::error (sec::invalid_argument), never an exception.
caf::error config_from_json(std::string_view text, model::config::replica_config& out);

/// A config inspected as its JSON text.
struct json_ref {
  model::config::replica_config& c;
};

inline json_ref json_text(model::config::replica_config& c) {
  return {c};
}

struct as_json_text_t {
  json_ref operator()(model::config::replica_config& c) const { return {c}; }
};
inline constexpr as_json_text_t as_json_text{};

/// Most feeds keep the config a create without one gets: it crosses as an
/// empty text, so the owner does not encode it once per node it relays a
/// new feed to, nor does every node decode it.
bool is_default_config(const model::config::replica_config& c);
const model::config::replica_config& default_config();

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, json_ref& x) {
  if constexpr (Inspector::writes_state) {
    std::string text;
    return f(text, caf::meta::load_callback([&]() -> caf::error {
               if (!text.empty())
                 return config_from_json(text, x.c);
               x.c = default_config();
               return caf::none;
             }));
  } else {
    auto text = is_default_config(x.c) ? std::string{} : config_to_json(x.c);
    return f(text);
  }
}

} // namespace cdc::actors::wire
