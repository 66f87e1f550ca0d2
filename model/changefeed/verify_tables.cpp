#include "model/changefeed/verify_tables.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "model/changefeed/table_rules.hpp"
#include "model/filter/table_schema.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model {

result<verified_tables> verify_tables(const changefeed_config& body, std::span<const upstream::catalog_table> catalog) {
  std::optional<sink::sink_uri> uri;
  if (!body.sink_uri.empty()) {
    auto parsed = sink::parse_sink_uri(body.sink_uri);
    if (!parsed)
      return parsed.error();
    uri = std::move(*parsed);
  }
  const auto& cfg = body.replica_config;
  auto selection = select_catalog_tables(cfg, catalog);
  if (!selection)
    return selection.error();
  if (uri)
    if (auto ok = verify_mq_dispatch(cfg, *uri, selection->matched); !ok)
      return ok.error();
  verified_tables out;
  for (std::size_t i = 0; i < selection->matched.size(); ++i) {
    const auto& t = selection->matched[i];
    table_name name{t.schema, t.table, selection->matched_ids[i], false};
    (filter::is_eligible(t, cfg.force_replicate) ? out.eligible : out.ineligible).push_back(std::move(name));
  }
  return out;
}

namespace {

boost::json::array names_json(const std::vector<table_name>& names) {
  boost::json::array out;
  out.reserve(names.size());
  for (const auto& n : names)
    out.push_back(boost::json::object{{"database_name", n.schema},
                                      {"table_name", n.table},
                                      {"table_id", n.table_id},
                                      {"is_partition", n.is_partition}});
  return out;
}

} // namespace

boost::json::value to_json(const verified_tables& v) {
  boost::json::object out;
  if (!v.ineligible.empty())
    out["ineligible_tables"] = names_json(v.ineligible);
  if (!v.eligible.empty())
    out["eligible_tables"] = names_json(v.eligible);
  return out;
}

} // namespace cdc::model
