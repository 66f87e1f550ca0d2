// Masking of secrets in sink URIs: the display form every response and log
// line uses (api.md "Where we go beyond TiCDC") and TiCDC's error-message form
// (reference 7.3).
#pragma once

#include <string>
#include <string_view>

namespace cdc::model::sink {

/// The replacement TiCDC prints for a secret.
inline constexpr std::string_view mask_text = "xxxxx";

/// What an unparsable URI is shown as.
inline constexpr std::string_view invalid_uri_text = "<invalid uri>";

/// TiCDC's error-message rule: the lower-cased name contains password, passwd,
/// pwd, access, token, secret, key, signature, credential, private or client.
bool is_sensitive_message_key(std::string_view key) ;

/// Our display rule: names that carry a secret value (password, passwd, pwd,
/// secret, token, credential, signature, access-key, account-key and their
/// _/run-together spellings), but not paths and ids such as ssl-key or
/// kafka-client-id, which users need to see.
bool is_secret_display_key(std::string_view key) ;

/// For responses, lists and logs: the userinfo password becomes xxxxx, and
/// every secret-looking query value becomes xxxxx; when a query value is
/// masked the query is re-encoded with keys sorted (TiCDC's MaskSinkURI does
/// this for sasl-password). Everything else keeps its text; the scheme is
/// lower-cased as Go prints it. "" stays ""; unparsable gives "<invalid uri>".
std::string mask_for_display(std::string_view uri);

/// For error messages (TiCDC's MaskSensitiveDataInURIForError): the userinfo
/// password and every is_sensitive_message_key value become xxxxx and the
/// query is always re-encoded with keys sorted. "" stays ""; unparsable gives
/// "<invalid uri>".
std::string mask_for_message(std::string_view uri);

} // namespace cdc::model::sink
