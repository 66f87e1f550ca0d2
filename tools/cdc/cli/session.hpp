// What every `cdc cli` verb shares: the global flags, the checked API
// client, TiCDC's y/n prompt and its printing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "tools/cdc/cli/api_client.hpp"

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace cdc::cli {

/// `cdc cli`'s own flags, before or after the verb.
struct global_flags {
  std::string server;  ///< empty: TiCDC's default, http://127.0.0.1:8300
  std::string pd;      ///< refused: this cli talks to a cdc server only
  std::string log_level = "warn";
  /// --ca, --cert, --key, --user, --password (else TICDC_CA_PATH,
  /// TICDC_CERT_PATH, TICDC_KEY_PATH, TICDC_USER, TICDC_PASSWORD, as TiCDC's
  /// cli reads them).
  client_security security;
};

/// The user declined a confirmation: TiCDC's ErrCliAborted, which its cli
/// does not print (the exit status is 0).
struct cli_aborted {};

/// The API client for the flags' server, after TiCDC's version check.
api_client connect(const global_flags& g);

/// TiCDC's readInput: one word from stdin, true for "y" or "Y". Nothing to
/// read prints "Received invalid input: EOF, abort the command." as TiCDC.
bool read_yes();

/// json.MarshalIndent of `v` and a newline, on stdout.
void print_json(const boost::json::value& v);

/// "/api/v2/changefeeds/<id>?namespace=<ns>" and the like: `path` with
/// each {} replaced by the next (percent-encoded) part.
std::string api_path(std::string_view path, std::initializer_list<std::string_view> parts);

/// Cobra's check for flags a verb needs: "required flag(s) "a", "b" not set".
void require_flags(std::initializer_list<const CLI::Option*> flags);

/// A verb group with no verb given prints its help, as cobra does.
void help_when_no_verb(CLI::App& group);

/// The object member `key` of `v`, or null.
const boost::json::value& member(const boost::json::value& v, std::string_view key);

/// The member as a u64 (0 when absent or not a number).
std::uint64_t u64_member(const boost::json::value& v, std::string_view key);

/// The member as a string ("" when absent or not a string).
std::string string_member(const boost::json::value& v, std::string_view key);

/// POST /api/v2/tso {"id": upstream}: the current TSO (physical ms << 18 |
/// logical) and its physical milliseconds.
struct current_tso {
  std::uint64_t ts = 0;
  std::int64_t physical_ms = 0;
};
current_tso query_tso(api_client& api, std::uint64_t upstream_id = 0);

/// TiCDC's confirmLargeDataGap: a start (or checkpoint) more than a day
/// behind asks first; a "no" is cli_aborted.
void confirm_large_data_gap(const current_tso& now, std::uint64_t start_ts, std::string_view command,
                            bool no_confirm);

} // namespace cdc::cli
