// Protocols, atomicity and the URI-over-config precedence; see protocol.hpp.
#include "model/sink/protocol.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace cdc::model::sink {

namespace {

struct protocol_name {
  std::string_view name;
  protocol value;
};

constexpr std::array<protocol_name, 11> protocol_names{{
  {"default", protocol::open_protocol},
  {"canal", protocol::canal},
  {"avro", protocol::avro},
  {"flat-avro", protocol::avro},
  {"maxwell", protocol::maxwell},
  {"canal-json", protocol::canal_json},
  {"craft", protocol::craft},
  {"open-protocol", protocol::open_protocol},
  {"csv", protocol::csv},
  {"debezium", protocol::debezium},
  {"simple", protocol::simple},
}};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size()
         && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
              return std::tolower(x) == std::tolower(y);
            });
}

} // namespace

std::optional<protocol> parse_protocol(std::string_view text) {
  for (const auto& p : protocol_names)
    if (iequals(p.name, text))
      return p.value;
  return std::nullopt;
}

result<protocol> require_protocol(std::string_view text) {
  if (auto p = parse_protocol(text))
    return *p;
  return fail(api_error::sink_unknown_protocol, {text});
}

std::string_view to_string(protocol p) noexcept {
  switch (p) {
    case protocol::open_protocol: return "open-protocol";
    case protocol::canal: return "canal";
    case protocol::avro: return "avro";
    case protocol::maxwell: return "maxwell";
    case protocol::canal_json: return "canal-json";
    case protocol::craft: return "craft";
    case protocol::csv: return "csv";
    case protocol::debezium: return "debezium";
    case protocol::simple: return "simple";
  }
  return "open-protocol";
}

bool protocol_allowed(scheme_class kind, protocol p) noexcept {
  switch (kind) {
    case scheme_class::mysql: return false;
    case scheme_class::kafka: return p != protocol::csv;
    case scheme_class::pulsar: return p == protocol::canal_json;
    case scheme_class::storage: return p == protocol::csv || p == protocol::canal_json;
    case scheme_class::blackhole:
    case scheme_class::unknown: return true;
  }
  return false;
}

std::string_view to_string(txn_atomicity a) noexcept {
  return a == txn_atomicity::table ? "table" : "none";
}

result<sink_settings> resolve_sink_settings(const sink_uri& uri, const sink_config_view& config) {
  sink_settings out;
  out.protocol_text = config.protocol;
  out.atomicity_text = config.transaction_atomicity;
  // TiCDC: a non-empty URI value replaces the config's; a conflict is only logged.
  if (auto a = uri.param_or_empty("transaction-atomicity"); !a.empty())
    out.atomicity_text = std::string{a};
  if (auto p = uri.param_or_empty("protocol"); !p.empty())
    out.protocol_text = std::string{p};

  // Atomicity levels are case-sensitive in TiCDC.
  const std::string level = out.atomicity_text.value_or(std::string{});
  if (level == "table") {
    if (is_mq(uri.kind))
      return fail(api_error::sink_uri_invalid,
                  {"table level atomicity is not supported by " + uri.scheme + " scheme"});
    out.atomicity = txn_atomicity::table;
  } else if (!level.empty() && level != "none") {
    return fail(api_error::sink_uri_invalid,
                {std::string{level} + " level atomicity is not supported by " + uri.scheme + " scheme"});
  }

  switch (uri.kind) {
    case scheme_class::mysql:
      if (out.protocol_text)
        return fail(api_error::sink_uri_invalid,
                    {"protocol " + *out.protocol_text + " is incompatible with " + uri.scheme + " scheme"});
      break;
    case scheme_class::kafka:
    case scheme_class::pulsar:
    case scheme_class::storage: {
      auto p = require_protocol(out.protocol_text.value_or(std::string{}));
      if (!p)
        return p.error();
      out.proto = *p;
      break;
    }
    case scheme_class::blackhole:
    case scheme_class::unknown:
      // Any protocol is fine for the test sink; keep it when it is known.
      if (out.protocol_text)
        out.proto = parse_protocol(*out.protocol_text);
      break;
  }
  return out;
}

} // namespace cdc::model::sink
