// The --config file; see config_file.hpp.
#include "tools/cdc/cli/config_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <boost/json/value_from.hpp>

#include "model/config/defaults.hpp"
#include "model/config/toml_config.hpp"
#include "tools/cdc/cli/api_client.hpp"

namespace cdc::cli {

boost::json::value apply_config_file(const std::string& file, const boost::json::value& base) {
  std::ifstream in(file);
  if (!in) {
    std::string why = std::strerror(errno);
    for (auto& c : why)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    throw cli_error("open " + file + ": " + why);
  }
  std::stringstream text;
  text << in.rdbuf();

  model::config::replica_config start;
  if (base.is_object()) {
    auto st = read_into(start, base.as_object(), model::json::path("config"));
    if (!st)
      throw cli_error(st.error().message);
  }
  auto cfg = model::config::replica_config_from_toml(text.str(), file, std::move(start));
  if (!cfg)
    throw cli_error(cfg.error().message);
  return boost::json::value_from(*cfg);
}

boost::json::value default_config() {
  return boost::json::value_from(model::config::default_replica_config());
}

} // namespace cdc::cli
