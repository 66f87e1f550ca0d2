// How filter errors are worded: TiCDC wraps a TiDB parse error into
// CDC:ErrFilterRuleInvalid, printing the offending rules Go-style.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "model/api_error.hpp"

namespace cdc::model::filter {

/// Go's `%v` of a []string: "[a b c]".
std::string go_list(std::span<const std::string> items);

/// "filter rule is invalid [<rules>]: <cause>", as TiCDC's
/// WrapError(ErrFilterRuleInvalid, cause, rules) renders.
api_failure filter_rule_invalid(std::span<const std::string> rules, std::string_view cause);

/// "filter rule is invalid <what>: <cause>" for a non-list argument.
api_failure filter_rule_invalid(std::string_view what, std::string_view cause);

} // namespace cdc::model::filter
