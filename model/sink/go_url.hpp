// A port of the parts of Go's net/url that TiCDC relies on for sink URIs:
// url.Parse's splitting and checks (with Go's error texts), query decoding
// (url.ParseQuery) and encoding (url.Values.Encode). Go's parser accepts
// things RFC 3986 does not (Kafka's `b1:9092,b2:9092` authority), so we
// follow Go, not the RFC; Boost.URL does the percent coding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/sink/go_parse.hpp"

namespace cdc::model::sink {

/// One decoded `key=value` pair of a query, in the order written.
struct query_param {
  std::string key;
  std::string value;

  friend bool operator==(const query_param&, const query_param&) = default;
};

using query_params = std::vector<query_param>;

/// A URL split the way Go's url.Parse splits it. The raw_* members are the
/// text as written (for masking without re-normalising); the others decoded.
struct go_url {
  std::string scheme;            ///< lower-cased, "" when there is none
  bool has_authority = false;    ///< written with "//"
  bool opaque = false;           ///< "scheme:rest" without a slash after the colon
  std::string raw_userinfo;      ///< the text before the last '@' of the authority
  bool has_userinfo = false;
  std::string username;          ///< decoded
  std::optional<std::string> password; ///< decoded; set when userinfo has a ':'
  std::string raw_username;      ///< as written
  std::string host;              ///< decoded authority after userinfo, e.g. "[::1]:3306" or "b1:9092,b2:9092"
  std::string raw_host;
  std::string path;              ///< decoded (the opaque text when `opaque`)
  std::string raw_path;
  std::optional<std::string> raw_query;    ///< after '?', when there is a '?'
  std::optional<std::string> raw_fragment; ///< after '#', when there is a '#'

  /// Go's URL.Hostname(): host without port and brackets.
  std::string hostname() const;
  /// Go's URL.Port(): the digits after the last ':' when they form a port, else "".
  std::string port() const;
};

/// url.Parse; the error is Go's inner error text (without `parse "..."`).
go_result<go_url> parse_go_url(std::string_view text);

/// url.ParseQuery as URL.Query() uses it: '&'-separated pairs split at the
/// first '=', '+' read as space; pairs with ';' in them or bad escapes are
/// dropped, empty pairs skipped.
query_params parse_go_query(std::string_view raw_query);

/// url.QueryEscape: everything but A-Z a-z 0-9 - _ . ~ percent-encoded
/// (upper-case hex), space as '+'.
std::string go_query_escape(std::string_view text);

/// url.Values.Encode: grouped by key, keys in byte order, each key's values in
/// the order written, `k=v` joined with '&'.
std::string encode_go_query(const query_params& params);

/// net.ParseIP(s) != nil && s contains ':' (TiCDC's IsIPv6Address).
bool is_ipv6_literal(std::string_view hostname);

} // namespace cdc::model::sink
