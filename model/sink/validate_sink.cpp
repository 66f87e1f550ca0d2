// Dispatches sink validation by scheme class (TiCDC's sink factory).
#include "model/sink/validate.hpp"

namespace cdc::model::sink {

result<sink_params> validate_sink(const sink_uri& uri, const sink_config_view& config) {
  auto settings = resolve_sink_settings(uri, config);
  if (!settings)
    return settings.error();
  auto lift = [](auto r) -> result<sink_params> {
    if (!r)
      return r.error();
    return sink_params{std::move(*r)};
  };
  switch (uri.kind) {
    case scheme_class::mysql: return lift(validate_mysql(uri, *settings, config));
    case scheme_class::kafka: return lift(validate_kafka(uri, *settings, config));
    case scheme_class::pulsar: return lift(validate_pulsar(uri, *settings, config));
    case scheme_class::storage: return lift(validate_storage(uri, *settings, config));
    case scheme_class::blackhole: return sink_params{blackhole_params{settings->proto}};
    case scheme_class::unknown: break;
  }
  return fail_with(api_error::sink_uri_invalid,
                   "the sink scheme (" + uri.scheme + ") is not supported");
}

result<sink_params> validate_sink(std::string_view text, const sink_config_view& config) {
  auto uri = parse_sink_uri(text);
  if (!uri)
    return uri.error();
  return validate_sink(*uri, config);
}

} // namespace cdc::model::sink
