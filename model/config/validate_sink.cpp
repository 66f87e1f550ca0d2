#include "model/config/validate_sink.hpp"

#include "model/config/defaults.hpp"

namespace cdc::model::config {

namespace {

// TiCDC wraps a plain error in ErrSinkInvalidConfig: "<template>: <cause>".
api_failure sink_invalid(std::string_view cause) {
  std::string msg{spec_of(api_error::sink_invalid_config).message_template};
  msg += ": ";
  msg += cause;
  return fail_with(api_error::sink_invalid_config, std::move(msg));
}

bool has_line_break(std::string_view s) noexcept {
  return s.find_first_of("\r\n") != std::string_view::npos;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i]))
      return false;
  }
  return true;
}

} // namespace

json::status validate_csv(const csv_config& csv) {
  if (csv.quote.size() > 1)
    return sink_invalid("csv config quote contains more than one character");
  if (csv.quote.size() == 1 && has_line_break(csv.quote))
    return sink_invalid("csv config quote cannot be line break character");
  if (csv.delimiter.empty())
    return sink_invalid("csv config delimiter cannot be empty");
  if (csv.delimiter.size() > 3)
    return sink_invalid("csv config delimiter contains more than three characters, note that escape "
                        "sequences can only be used in double quotes in toml configuration items.");
  if (has_line_break(csv.delimiter))
    return sink_invalid("csv config delimiter contains line break characters");
  if (!csv.quote.empty() && csv.delimiter.find_first_of(csv.quote) != std::string::npos)
    return sink_invalid("csv config quote and delimiter has common characters which is not allowed");
  if (csv.binary_encoding_method != "hex" && csv.binary_encoding_method != "base64")
    return sink_invalid("csv config binary-encoding-method can only be hex or base64");
  return {};
}

json::status validate_date_separator(std::string_view separator) {
  if (separator.empty())
    return {};
  for (std::string_view ok : {"none", "year", "month", "day"})
    if (iequals(separator, ok))
      return {};
  // TiCDC prints "%!(EXTRA string=...)" here (its template has no verb); we
  // say what was given and what is allowed instead.
  std::string cause = "[CDC:ErrStorageSinkInvalidDateSeparator]date separator in storage sink is invalid: '";
  cause += separator;
  cause += "' is not one of none, year, month, day";
  return sink_invalid(cause);
}

json::status validate_encoder_concurrency(std::optional<std::int64_t> concurrency) {
  if (concurrency.value_or(0) >= 0)
    return {};
  return fail_with(api_error::sink_invalid_config,
                   "encoder-concurrency should greater than 0, but got " + std::to_string(*concurrency));
}

json::status validate_delete_only_handle_key(const sink_config& sink, std::string_view protocol) {
  if (sink.delete_only_output_handle_key_columns.value_or(false) && protocol == "csv")
    return fail_with(api_error::sink_invalid_config,
                     "CSV protocol always output all columns for the delete event, "
                     "do not set `delete-only-output-handle-key-columns` to true");
  return {};
}

std::int64_t adjusted_file_index_width(std::optional<std::int64_t> width) noexcept {
  auto w = width.value_or(0);
  return w < min_file_index_width || w > max_file_index_width ? default_file_index_width : w;
}

} // namespace cdc::model::config
