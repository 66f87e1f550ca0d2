// TiCDC's storage layout; see layout.hpp.
#include "model/storage/layout.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>

#include <boost/json/parse.hpp>

namespace cdc::model::storage {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

template <class T>
std::optional<T> parse_digits(std::string_view s) {
  if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  T v{};
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc{} || r.ptr != s.data() + s.size())
    return std::nullopt;
  return v;
}

} // namespace

std::optional<date_separator> parse_date_separator(std::string_view text) {
  if (iequals(text, "none")) return date_separator::none;
  if (iequals(text, "year")) return date_separator::year;
  if (iequals(text, "month")) return date_separator::month;
  if (iequals(text, "day")) return date_separator::day;
  return std::nullopt;
}

std::string date_dir(date_separator sep, tso_t commit_ts) {
  if (sep == date_separator::none)
    return {};
  auto secs = static_cast<std::time_t>(tso_physical_ms(commit_ts) / 1000);
  std::tm tm{};
  localtime_r(&secs, &tm);
  char buf[32];
  switch (sep) {
    case date_separator::year: std::snprintf(buf, sizeof buf, "%04d", tm.tm_year + 1900); break;
    case date_separator::month: std::snprintf(buf, sizeof buf, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1); break;
    default:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
      break;
  }
  return buf;
}

std::string data_dir(std::string_view schema, std::string_view table, std::uint64_t table_version,
                     std::optional<std::int64_t> partition_id, std::string_view date) {
  std::string out;
  out.append(schema).append("/").append(table).append("/").append(std::to_string(table_version));
  if (partition_id)
    out.append("/").append(std::to_string(*partition_id));
  if (!date.empty())
    out.append("/").append(date);
  return out;
}

std::string_view file_extension(sink::protocol p) noexcept {
  return p == sink::protocol::csv ? ".csv" : ".json";
}

std::string data_file_name(std::uint64_t index, int width, std::string_view extension) {
  auto digits = std::to_string(index);
  std::string out = "CDC";
  if (static_cast<int>(digits.size()) < width)
    out.append(static_cast<std::size_t>(width) - digits.size(), '0');
  out += digits;
  out += extension;
  return out;
}

std::optional<std::uint64_t> parse_data_file_name(std::string_view name, std::string_view extension) {
  // TiCDC: "CDC", at least 6 digits, the extension.
  if (name.size() < 3 + 6 + extension.size() || !name.starts_with("CDC") || !name.ends_with(extension))
    return std::nullopt;
  return parse_digits<std::uint64_t>(name.substr(3, name.size() - 3 - extension.size()));
}

std::string index_file_path(std::string_view dir) {
  return std::string(dir) + "/meta/CDC.index";
}

std::string schema_dir(std::string_view schema, std::string_view table) {
  return std::string(schema) + "/" + std::string(table) + "/meta/";
}

std::string schema_file_name(std::uint64_t table_version, std::uint32_t checksum) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "schema_%llu_%010u.json", static_cast<unsigned long long>(table_version),
                static_cast<unsigned>(checksum));
  return buf;
}

std::optional<std::pair<std::uint64_t, std::uint32_t>> parse_schema_file_name(std::string_view name) {
  if (!name.starts_with("schema_") || !name.ends_with(".json"))
    return std::nullopt;
  auto body = name.substr(7, name.size() - 7 - 5);
  auto sep = body.find('_');
  if (sep == std::string_view::npos || body.size() - sep - 1 != 10)
    return std::nullopt;
  auto version = parse_digits<std::uint64_t>(body.substr(0, sep));
  auto checksum = parse_digits<std::uint32_t>(body.substr(sep + 1));
  if (!version || !checksum)
    return std::nullopt;
  return std::pair{*version, *checksum};
}

std::string metadata_json(tso_t checkpoint_ts) {
  return "{\"checkpoint-ts\":" + std::to_string(checkpoint_ts) + "}";
}

std::optional<tso_t> parse_metadata(std::string_view text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object())
    return std::nullopt;
  auto* ts = v.as_object().if_contains("checkpoint-ts");
  if (!ts)
    return std::nullopt;
  if (ts->is_uint64())
    return ts->get_uint64();
  if (ts->is_int64() && ts->get_int64() >= 0)
    return static_cast<tso_t>(ts->get_int64());
  return std::nullopt;
}

} // namespace cdc::model::storage
