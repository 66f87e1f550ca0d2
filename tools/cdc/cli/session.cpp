// The verbs' shared parts; see session.hpp.
#include "tools/cdc/cli/session.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>

#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>

#include "model/tso.hpp"
#include "tools/cdc/cli/go_json.hpp"

namespace cdc::cli {

api_client connect(const global_flags& g) {
  if (!g.pd.empty())
    throw cli_error("--pd is not supported: this cdc cli talks to a cdc server, use --server=http://host:port");
  // TiCDC's cli reads what the flags leave unset from its environment.
  auto security = g.security;
  for (auto [name, value] : {std::pair{"TICDC_USER", &security.user}, {"TICDC_PASSWORD", &security.password},
                             {"TICDC_CA_PATH", &security.ca_path}, {"TICDC_CERT_PATH", &security.cert_path},
                             {"TICDC_KEY_PATH", &security.key_path}})
    if (const char* env = std::getenv(name); env && value->empty())
      *value = env;
  api_client api(g.server.empty() ? "http://127.0.0.1:8300" : g.server, security);
  api.check_version();
  return api;
}

bool read_yes() {
  std::string word;
  if (!(std::cin >> word)) {
    std::printf("Received invalid input: EOF, abort the command.\n");
    return false;
  }
  return word == "y" || word == "Y";
}

void print_json(const boost::json::value& v) {
  std::printf("%s\n", go_indent(v).c_str());
}

std::string api_path(std::string_view path, std::initializer_list<std::string_view> parts) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  auto part = parts.begin();
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path.substr(i, 2) != "{}" || part == parts.end()) {
      out += path[i];
      continue;
    }
    for (unsigned char c : *part++) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    ++i;
  }
  return out;
}

void require_flags(std::initializer_list<const CLI::Option*> flags) {
  std::string missing;
  for (const auto* f : flags)
    if (f->count() == 0)
      missing += (missing.empty() ? "\"" : ", \"") + f->get_single_name() + "\"";
  if (!missing.empty())
    throw cli_error("required flag(s) " + missing + " not set");
}

void help_when_no_verb(CLI::App& group) {
  group.callback([&group] {
    if (group.get_subcommands().empty())
      std::cout << group.help();
  });
}

const boost::json::value& member(const boost::json::value& v, std::string_view key) {
  static const boost::json::value null;
  if (!v.is_object())
    return null;
  const auto* found = v.as_object().if_contains(key);
  return found != nullptr ? *found : null;
}

std::uint64_t u64_member(const boost::json::value& v, std::string_view key) {
  const auto& m = member(v, key);
  if (m.is_uint64())
    return m.as_uint64();
  if (m.is_int64() && m.as_int64() >= 0)
    return static_cast<std::uint64_t>(m.as_int64());
  return 0;
}

std::string string_member(const boost::json::value& v, std::string_view key) {
  const auto& m = member(v, key);
  return m.is_string() ? std::string(m.as_string()) : std::string();
}

current_tso query_tso(api_client& api, std::uint64_t upstream_id) {
  boost::json::value body = boost::json::object{{"id", upstream_id}};
  auto tso = api.post("/api/v2/tso", &body);
  auto physical = static_cast<std::int64_t>(u64_member(tso, "timestamp"));
  return {model::compose_tso(physical, u64_member(tso, "logic_time")), physical};
}

namespace {

/// Go's time.Duration text for more than a day of milliseconds: "25h0m1.5s".
std::string go_duration(std::int64_t ms) {
  auto s = ms / 1000;
  std::string out = std::to_string(s / 3600) + "h" + std::to_string(s / 60 % 60) + "m" + std::to_string(s % 60);
  if (auto frac = ms % 1000; frac != 0) {
    auto digits = std::to_string(1000 + frac).substr(1);
    out += "." + digits.substr(0, digits.find_last_not_of('0') + 1);
  }
  return out + "s";
}

} // namespace

void confirm_large_data_gap(const current_tso& now, std::uint64_t start_ts, std::string_view command,
                            bool no_confirm) {
  constexpr std::int64_t one_day_ms = 86400 * 1000;
  auto gap = now.physical_ms - model::tso_physical_ms(start_ts);
  if (no_confirm || gap <= one_day_ms)
    return;
  std::printf("Replicate lag (%s) is larger than 1 days, large data may cause OOM, confirm to continue at your own "
              "risk [Y/N]\n",
              go_duration(gap).c_str());
  if (!read_yes()) {
    std::printf("Abort changefeed %.*s.\n", static_cast<int>(command.size()), command.data());
    throw cli_aborted{};
  }
}

} // namespace cdc::cli
