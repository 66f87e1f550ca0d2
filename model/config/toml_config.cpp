// TiCDC's changefeed TOML onto a replica_config; see toml_config.hpp.
#include "model/config/toml_config.hpp"

#include "model/config/internal_keys.hpp"

#include <map>
#include <sstream>
#include <string>
#include <vector>

// toml++ as a header-only library in this one file: nothing else in the
// model parses TOML, and no shared library has to match its build flags.
#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace cdc::model::config {

namespace {

std::string join(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

/// Turns the TOML tree into API-form JSON, remembering each API path's TOML
/// name so that decoding errors can name the key the user wrote.
class converter {
public:
  std::map<std::string, std::string> toml_names;  ///< API path -> TOML key path
  std::vector<std::string> unknown;               ///< TOML key paths
  std::string error;                              ///< the first failure

  boost::json::value convert(const toml::node& n, const std::string& at, const std::string& logical,
                             const std::string& toml_at) {
    switch (n.type()) {
    case toml::node_type::table: return table(*n.as_table(), at, logical, toml_at);
    case toml::node_type::array: {
      boost::json::array out;
      const auto& arr = *n.as_array();
      for (std::size_t i = 0; i < arr.size(); ++i)
        out.push_back(convert(arr[i], at + "[" + std::to_string(i) + "]", logical, toml_at));
      return out;
    }
    case toml::node_type::string: return boost::json::value(n.as_string()->get());
    case toml::node_type::integer: return boost::json::value(n.as_integer()->get());
    case toml::node_type::floating_point: return boost::json::value(n.as_floating_point()->get());
    case toml::node_type::boolean: return boost::json::value(n.as_boolean()->get());
    default:
      if (error.empty())
        error = "toml: " + toml_at + ": a date or time is not a value any option takes";
      return nullptr;
    }
  }

private:
  boost::json::value table(const toml::table& t, const std::string& at, const std::string& logical,
                           const std::string& toml_at) {
    boost::json::object out;
    for (const auto& [k, v] : t) {
      std::string_view key = k.str();
      auto toml_key = join(toml_at, key);
      auto api = api_key(logical, key);
      if (api.empty()) {
        unknown.push_back(toml_key);
        continue;
      }
      if (out.contains(api)) {
        if (error.empty())
          error = "toml: " + toml_at + ": dispatcher and partition cannot be configured both";
        continue;
      }
      auto child = join(at, api);
      toml_names[child] = toml_key;
      out[api] = convert(v, child, join(logical, api), toml_key);
    }
    return out;
  }
};

/// The TOML name of an API path the decoder reported ("" for the root).
std::string toml_name(const converter& c, const std::string& api_path) {
  auto it = c.toml_names.find(api_path);
  return it != c.toml_names.end() ? it->second : api_path;
}

api_failure failure(std::string message) {
  return fail_with(api_error::invalid_replica_config, std::move(message));
}

} // namespace

result<replica_config> replica_config_from_toml(std::string_view text, std::string_view file_name,
                                                replica_config base) {
  toml::table doc;
  try {
    doc = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << "toml: line " << e.source().begin.line << ", column " << e.source().begin.column << ": "
        << e.description();
    return failure(msg.str());
  }

  converter c;
  auto api_json = c.convert(doc, "", "", "");
  if (!c.error.empty())
    return failure(c.error);

  std::vector<std::string> unknown_api_paths;
  json::path root("", unknown_api_paths);
  auto st = read_into(base, api_json.as_object(), root);
  for (const auto& p : unknown_api_paths)
    c.unknown.push_back(toml_name(c, p));
  if (!c.unknown.empty()) {
    std::string msg = "component TiCDC changefeed's config file " + std::string(file_name)
                      + " contained unknown configuration options: ";
    for (std::size_t i = 0; i < c.unknown.size(); ++i)
      msg += (i ? ", " : "") + c.unknown[i];
    return failure(msg);
  }
  if (!st) {
    // "invalid api parameter: <api path>: <why>" with the path the user wrote.
    auto message = st.error().message;
    std::string_view msg = message;
    if (msg.starts_with(json::invalid_param_prefix))
      msg.remove_prefix(json::invalid_param_prefix.size());
    std::string best;
    for (const auto& [api, toml_key] : c.toml_names)
      if (api.size() > best.size() && msg.starts_with(api + ": "))
        best = api;
    if (best.empty())
      return failure("toml: " + std::string(msg));
    return failure("toml: " + toml_name(c, best) + std::string(msg.substr(best.size())));
  }
  return base;
}

} // namespace cdc::model::config
