// libFuzzer target: arbitrary bytes as a changefeed's filter, one rule per
// line: table filter rules (both cases), column filter rules, and the last
// line as an event filter's value expression, each then matched against a
// few names and rows. Any crash, hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/filter/column_filter.hpp"
#include "model/filter/table_filter.hpp"
#include "model/filter/value_expr.hpp"

using namespace cdc::model::filter;

namespace {

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty() && out.size() < 64) {
    auto nl = text.find('\n');
    out.emplace_back(text.substr(0, nl));
    if (nl == std::string_view::npos)
      break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto rules = lines_of(std::string_view(reinterpret_cast<const char*>(data), size));
  for (bool case_sensitive : {false, true})
    if (auto f = parse_table_filter(rules, case_sensitive)) {
      (void)f->match("test", "t1");
      (void)f->match("Shop", "orders_2024");
      (void)f->match_schema("mysql");
    }
  (void)parse_column_filter(rules);
  if (rules.empty())
    return 0;
  if (auto e = value_expr::parse(rules.back())) {
    named_value row[] = {{"id", std::int64_t{7}}, {"name", std::string("a\xc3\xa9")}, {"price", 2.5}};
    (void)e->evaluate(row);
  }
  return 0;
}
