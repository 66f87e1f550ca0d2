// A changefeed's sink URI, parsed the way TiCDC parses it (Go's url.Parse)
// and classified by scheme, with the pre-checks TiCDC runs on create/update.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"
#include "model/sink/go_url.hpp"

namespace cdc::model::sink {

/// Which family of sink a scheme selects (reference 7.1).
enum class scheme_class : std::uint8_t {
  mysql,     ///< mysql, mysql+ssl, tidb, tidb+ssl
  kafka,     ///< kafka, kafka+ssl
  pulsar,    ///< pulsar, pulsar+ssl, pulsar+http, pulsar+https
  storage,   ///< file, s3, gcs, gs, azblob, azure, noop
  blackhole, ///< blackhole
  unknown,   ///< anything else: passes config validation, fails at sink creation
};

/// "mysql", "kafka", "pulsar", "storage", "blackhole", "unknown".
std::string_view to_string(scheme_class c) noexcept;

/// The class of a lower-cased scheme.
scheme_class classify_scheme(std::string_view lower_scheme) noexcept;

/// Kafka and Pulsar: TiCDC's IsMQScheme.
constexpr bool is_mq(scheme_class c) noexcept {
  return c == scheme_class::kafka || c == scheme_class::pulsar;
}

/// A parsed sink URI. Text members are decoded unless named raw_.
struct sink_uri {
  std::string raw;              ///< exactly as given (stored and shown masked)
  std::string scheme;           ///< lower-cased
  scheme_class kind = scheme_class::unknown;
  std::optional<std::string> user;     ///< userinfo user name; nullopt without userinfo
  std::optional<std::string> password; ///< userinfo password; nullopt without ':'
  std::string host;             ///< the authority's host part as Go keeps it: "h:3306", "[::1]:3306", "b1:9092,b2:9092"
  std::string hostname;         ///< host without port and brackets (Go's Hostname())
  std::string port;             ///< digits after the last ':' (Go's Port()), "" if none
  std::vector<std::string> hosts; ///< host split at ',' (Kafka/Pulsar broker lists)
  std::string path;             ///< decoded path, e.g. "/topic" or "/tmp/dir"
  std::string raw_query;        ///< text after '?', "" if none
  query_params query;           ///< decoded parameters in written order

  /// The first value of `key` (Go's Values.Get), nullopt when absent.
  std::optional<std::string_view> param(std::string_view key) const;

  /// The first value of `key`, "" when absent (what Go code sees).
  std::string_view param_or_empty(std::string_view key) const {
    return param(key).value_or(std::string_view{});
  }

  /// The path with every leading and trailing '/' removed: the topic of an
  /// MQ sink (TiCDC's GetTopic).
  std::string topic() const;
};

/// Parses and pre-checks a sink URI as TiCDC's create/update does. Failures
/// are 400 CDC:ErrSinkURIInvalid: empty, unparsable (the message carries Go's
/// cause, with the URI masked as "<invalid uri>"), or an IPv6 host that is
/// not bracketed. An unknown scheme parses (kind unknown); validate_sink
/// rejects it.
result<sink_uri> parse_sink_uri(std::string_view text);

} // namespace cdc::model::sink
