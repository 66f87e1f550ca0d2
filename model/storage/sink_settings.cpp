// A storage sink's settings from a changefeed; see sink_settings.hpp.
#include "model/storage/sink_settings.hpp"

#include "model/changefeed/validate_config.hpp"
#include "model/config/defaults.hpp"
#include "model/sink/go_parse.hpp"

namespace cdc::model::storage {

codec::column_list sink_settings::columns_of(const upstream::table_def& t) const {
  codec::column_list out;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (!selectors || selectors->keeps_column(t.schema, t.name, t.columns[i].name))
      out.push_back(i);
  return out;
}

result<sink_settings> sink_settings_of(const changefeed_info& info) {
  auto cfg = info.config ? *info.config : config::default_replica_config();
  auto validated = validate_and_adjust(cfg, info.sink_uri);
  if (!validated)
    return validated.error();
  auto* params = std::get_if<sink::storage_params>(&validated->params);
  if (!params)
    return fail_with(api_error::sink_uri_invalid, "sink uri invalid 'not a storage sink'");
  if (params->scheme != "file")
    return fail_with(api_error::external_storage_api,
                     "external storage api: the " + params->scheme + " scheme cannot be reached from this server");
  sink_settings s;
  s.root = params->location;
  s.proto = params->proto;
  s.file_size = params->file_size;
  s.flush_interval = params->flush_interval;
  s.start_version = info.start_ts;
  const auto sink = cfg.sink.value_or(config::default_sink_config());
  s.csv = codec::csv_options_of(sink);
  if (auto ext = validated->uri.param("enable-tidb-extension"); ext && !ext->empty()) {
    auto on = sink::parse_go_bool(*ext);
    if (!on)
      return fail_with(api_error::sink_invalid_config, "sink config invalid: " + on.error().text);
    s.canal.enable_tidb_extension = *on;
  }
  s.dates = parse_date_separator(sink.date_separator.value_or(std::string{config::default_date_separator}))
              .value_or(date_separator::day);
  s.partition_separator = sink.enable_partition_separator.value_or(true);
  s.file_index_width = static_cast<int>(sink.file_index_width.value_or(config::default_file_index_width));
  if (!sink.column_selectors.empty()) {
    std::vector<filter::column_selector_rule> rules;
    for (const auto& r : sink.column_selectors)
      rules.push_back({r.matcher, r.columns});
    auto selectors = filter::column_selectors::make(rules, cfg.case_sensitive);
    if (!selectors)
      return selectors.error();
    s.selectors.emplace(std::move(*selectors));
  }
  return s;
}

} // namespace cdc::model::storage
