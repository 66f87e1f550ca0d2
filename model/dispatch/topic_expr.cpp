// TiCDC's cdc/sink/dmlsink/mq/dispatcher/topic/expression.go, with its
// regexes compiled once through go_regex so they mean exactly what Go reads.
#include "model/dispatch/topic_expr.hpp"

#include "model/filter/go_regex.hpp"

namespace cdc::model::dispatch {

using filter::go_regex;

namespace {

const go_regex& hard_coded_re() {
  static const go_regex re = *go_regex::compile(R"(^([A-Za-z0-9\._\-]+)$)");
  return re;
}
const go_regex& kafka_re() {
  static const go_regex re =
    *go_regex::compile(R"(^[A-Za-z0-9\._\-]*(\{schema\})?([A-Za-z0-9\._\-]*\{table\})?[A-Za-z0-9\._\-]*$)");
  return re;
}
const go_regex& avro_re() {
  static const go_regex re =
    *go_regex::compile(R"(^[A-Za-z0-9\._\-]*\{schema\}[A-Za-z0-9\._\-]*\{table\}[A-Za-z0-9\._\-]*$)");
  return re;
}
const go_regex& pulsar_re() {
  static const go_regex re = *go_regex::compile(
    R"((^((persistent|non-persistent)://)[A-Za-z0-9{}._\-]*/[A-Za-z0-9{}._\-]*/[A-Za-z0-9{}._\-]*$)|)"
    R"((^[A-Za-z0-9._-]*\{schema}[A-Za-z0-9._-]*\{table}[A-Za-z0-9._-]*)$)");
  return re;
}
const go_regex& pulsar_full_re() {
  static const go_regex re = *go_regex::compile(R"((?:persistent|non-persistent)://.*)");
  return re;
}

// Go's fmt appends "%!(EXTRA string=<arg>)" for an argument no verb consumed;
// TiCDC passes such arguments, so its messages carry this text.
std::string go_extra(std::string_view arg) {
  return "%!(EXTRA string=" + std::string(arg) + ")";
}

api_failure pulsar_failure(std::string_view reason) {
  return fail_with(api_error::pulsar_topic_expr_invalid,
                   std::string(spec_of(api_error::pulsar_topic_expr_invalid).message_template)
                     + go_extra(reason));
}

bool allowed(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
         || c == '_' || c == '-';
}

// Go's regexp replaces per character, so a multi-byte UTF-8 character
// becomes a single `_`.
void append_sanitized(std::string& out, std::string_view name) {
  for (std::size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    if (allowed(c)) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t len = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
    i += std::min(len, name.size() - i);
    out += '_';
  }
}

} // namespace

bool is_hard_coded_topic(std::string_view topic) noexcept {
  return hard_coded_re().search(topic);
}

result<void> validate_kafka_topic(std::string_view expression) {
  if (kafka_re().search(expression))
    return {};
  return fail(api_error::kafka_topic_expr_invalid, {expression});
}

result<void> validate_avro_topic(std::string_view expression) {
  if (avro_re().search(expression))
    return {};
  auto failure = fail(api_error::kafka_topic_expr_invalid, {expression});
  failure.message += go_extra("topic rule for Avro must contain {schema} and {table}");
  return failure;
}

result<void> validate_pulsar_topic(std::string_view expression) {
  if (expression.empty())
    return pulsar_failure("topic name is empty");
  if (!pulsar_full_re().search(expression)) {
    if (expression.find('/') != std::string_view::npos)
      return pulsar_failure("it should be in the format of a <topic> and topic name must contain '{schema}'"
                            "and simple topic name must not contain '/'");
  } else if (!pulsar_re().search(expression)) {
    return pulsar_failure("it should be in the format of <tenant>/<namespace>/<topic> or <topic> "
                          "and topic name must contain '{schema}'");
  }
  return {};
}

std::string substitute_topic(std::string_view expression, std::string_view schema,
                             std::string_view table) {
  static constexpr std::string_view schema_tag = "{schema}", table_tag = "{table}";
  std::string out;
  out.reserve(expression.size() + schema.size() + table.size());
  // Both placeholders are replaced in the expression, never in what a name
  // was replaced with: sanitised names cannot contain braces anyway.
  for (std::size_t i = 0; i < expression.size();) {
    if (expression.substr(i, schema_tag.size()) == schema_tag) {
      append_sanitized(out, schema);
      i += schema_tag.size();
    } else if (expression.substr(i, table_tag.size()) == table_tag) {
      append_sanitized(out, table);
      i += table_tag.size();
    } else {
      out += expression[i++];
    }
  }
  if (out.size() > max_topic_length)
    out.resize(max_topic_length);
  else if (out == ".")
    return "_";
  else if (out == "..")
    return "__";
  return out;
}

} // namespace cdc::model::dispatch
