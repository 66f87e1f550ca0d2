// Sink URI parsing and classification (TiCDC: api_helpers, validator.go
// preCheckSinkURI, pkg/sink scheme helpers).
#include "model/sink/sink_uri.hpp"

#include <algorithm>

namespace cdc::model::sink {

namespace {

struct scheme_entry {
  std::string_view scheme;
  scheme_class kind;
};

constexpr scheme_entry schemes[] = {
  {"mysql", scheme_class::mysql},
  {"mysql+ssl", scheme_class::mysql},
  {"tidb", scheme_class::mysql},
  {"tidb+ssl", scheme_class::mysql},
  {"kafka", scheme_class::kafka},
  {"kafka+ssl", scheme_class::kafka},
  {"pulsar", scheme_class::pulsar},
  {"pulsar+ssl", scheme_class::pulsar},
  {"pulsar+http", scheme_class::pulsar},
  {"pulsar+https", scheme_class::pulsar},
  {"file", scheme_class::storage},
  {"s3", scheme_class::storage},
  {"gcs", scheme_class::storage},
  {"gs", scheme_class::storage},
  {"azblob", scheme_class::storage},
  {"azure", scheme_class::storage},
  {"noop", scheme_class::storage},
  {"blackhole", scheme_class::blackhole},
};

constexpr std::string_view ipv6_message =
  "sink uri host is not valid IPv6 address, when using IPv6 address in URI, "
  "please use [ipv6-address]:port";

// TiCDC's IsValidIPv6AddressFormatInURI: the host, once an optional port is
// cut off, must be bracketed.
bool bracketed_ipv6(std::string_view host_port) {
  std::string_view host = host_port;
  if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
    auto port = host.substr(colon + 1);
    bool digits = std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits)
      host = host.substr(0, colon);
  }
  return host.size() >= 2 && host.front() == '[' && host.back() == ']';
}

} // namespace

std::string_view to_string(scheme_class c) noexcept {
  switch (c) {
    case scheme_class::mysql: return "mysql";
    case scheme_class::kafka: return "kafka";
    case scheme_class::pulsar: return "pulsar";
    case scheme_class::storage: return "storage";
    case scheme_class::blackhole: return "blackhole";
    case scheme_class::unknown: break;
  }
  return "unknown";
}

scheme_class classify_scheme(std::string_view lower_scheme) noexcept {
  if (lower_scheme.empty())
    return scheme_class::unknown;
  for (const auto& e : schemes)
    if (e.scheme == lower_scheme)
      return e.kind;
  return scheme_class::unknown;
}

std::optional<std::string_view> sink_uri::param(std::string_view key) const {
  for (const auto& p : query)
    if (p.key == key)
      return std::string_view{p.value};
  return std::nullopt;
}

std::string sink_uri::topic() const {
  auto first = path.find_first_not_of('/');
  if (first == std::string::npos)
    return {};
  auto last = path.find_last_not_of('/');
  return path.substr(first, last - first + 1);
}

result<sink_uri> parse_sink_uri(std::string_view text) {
  if (text.empty())
    return fail_with(api_error::sink_uri_invalid,
                     "sink_uri is empty, cannot create a changefeed without sink_uri");
  auto parsed = parse_go_url(text);
  if (!parsed) {
    // TiCDC masks the URI in parse errors; an unparsable URI cannot be masked
    // field by field, so it is not shown at all.
    return fail_with(api_error::sink_uri_invalid,
                     "sink uri invalid '<invalid uri>': parse \"<invalid uri>\": " + parsed.error().text);
  }
  go_url& u = *parsed;
  sink_uri out;
  out.raw = std::string{text};
  out.scheme = u.scheme;
  out.kind = classify_scheme(u.scheme);
  if (u.has_userinfo)
    out.user = u.username;
  out.password = u.password;
  out.host = u.host;
  out.hostname = u.hostname();
  out.port = u.port();
  if (is_ipv6_literal(out.hostname) && !bracketed_ipv6(out.host))
    return fail_with(api_error::sink_uri_invalid, std::string{ipv6_message});
  if (!out.host.empty()) {
    std::string_view rest = out.host;
    while (true) {
      auto comma = rest.find(',');
      out.hosts.emplace_back(rest.substr(0, comma));
      if (comma == std::string_view::npos)
        break;
      rest.remove_prefix(comma + 1);
    }
  }
  out.path = u.path;
  out.raw_query = u.raw_query.value_or(std::string{});
  out.query = parse_go_query(out.raw_query);
  return out;
}

} // namespace cdc::model::sink
