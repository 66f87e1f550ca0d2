// Go-compatible rendering of the filter error messages.
#include "model/filter/filter_error.hpp"

namespace cdc::model::filter {

std::string go_list(std::span<const std::string> items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += ' ';
    out += items[i];
  }
  out += ']';
  return out;
}

api_failure filter_rule_invalid(std::span<const std::string> rules, std::string_view cause) {
  return filter_rule_invalid(go_list(rules), cause);
}

api_failure filter_rule_invalid(std::string_view what, std::string_view cause) {
  auto failure = fail(api_error::filter_rule_invalid, {what});
  failure.message += ": ";
  failure.message += cause;
  return failure;
}

} // namespace cdc::model::filter
