#include "actors/sinks/sinks.hpp"

#include "actors/sinks/blackhole_sink.hpp"
#include "actors/sinks/kafka_sink.hpp"
#include "actors/sinks/mysql_sink.hpp"
#include "actors/sinks/storage_sink.hpp"
#include "model/mq/row_messages.hpp"

namespace cdc::actors {

namespace {

using model::sink::scheme_class;

scheme_class kind_of(const model::changefeed_info& info) {
  auto uri = model::sink::parse_sink_uri(info.sink_uri);
  return uri ? uri->kind : scheme_class::unknown;
}

template <class Handle, class... Ts>
Handle spawn_io(caf::actor_system& sys, bool detached, Ts&&... xs) {
  if (detached)
    return sys.spawn<caf::detached>(std::forward<Ts>(xs)...);
  return sys.spawn(std::forward<Ts>(xs)...);
}

/// The feed's entry in `registry` for sinks of `type`, or null.
std::shared_ptr<metrics::feed_sink_metrics> measured(const std::shared_ptr<metrics::sink_metrics>& registry,
                                                     const model::changefeed_info& info, const char* type) {
  return registry ? registry->for_feed(info.key.namespace_, info.key.id, type) : nullptr;
}

} // namespace

model::result<void> check_sink_supported(const model::validated_sink& sink) {
  const auto& uri = sink.uri;
  switch (uri.kind) {
    case scheme_class::blackhole:
    case scheme_class::mysql: return {};
    case scheme_class::kafka:
      if (const auto* p = std::get_if<model::sink::kafka_params>(&sink.params))
        return model::mq::check_kafka_protocol(p->proto);
      return {};
    case scheme_class::storage:
      if (uri.scheme == "file")
        return {};
      [[fallthrough]];
    default:
      return model::fail_with(model::api_error::sink_uri_invalid,
                              "the sink scheme (" + uri.scheme + ") is not supported by this server yet");
  }
}

sink_factory default_sink_factory(std::shared_ptr<std::atomic<std::uint64_t>> rows, sink_options options) {
  return [rows, options](caf::actor_system& sys, const model::changefeed_info& info) -> sink_actor {
    switch (kind_of(info)) {
      case scheme_class::storage:
        return spawn_io<buffering_sink_actor>(sys, options.detached, storage_sink, info,
                                              caf::timespan{options.max_hold}, options.file_dirs, rows,
                                              measured(options.metrics, info, "storage"));
      case scheme_class::mysql:
        return spawn_io<sink_actor>(sys, options.detached, mysql_sink, info, rows,
                                    measured(options.metrics, info, "mysql"));
      case scheme_class::kafka:
        return spawn_io<sink_actor>(sys, options.detached, kafka_sink, info, options.cluster_id, rows,
                                    measured(options.metrics, info, "kafka"));
      // Blackhole writes nothing, so there is nothing to time: no series,
      // which keeps a scrape of 10,000 benchmark feeds small.
      default: return sys.spawn(blackhole_sink, rows);
    }
  };
}

checkpoint_sink_factory default_checkpoint_sink_factory(sink_options options) {
  return [options](caf::actor_system& sys, const model::changefeed_info& info) -> checkpoint_sink_actor {
    switch (kind_of(info)) {
      case scheme_class::storage:
        return spawn_io<checkpoint_sink_actor>(sys, options.detached, storage_checkpoint, info, options.file_dirs);
      case scheme_class::kafka: {
        // A protocol without a watermark needs no thread for it.
        auto settings = model::mq::mq_settings_of(info, options.cluster_id);
        if (!settings || !model::mq::has_watermark(*settings))
          return checkpoint_sink_actor{};
        return spawn_io<checkpoint_sink_actor>(sys, options.detached, kafka_checkpoint, info, options.cluster_id,
                                               options.catalog);
      }
      default: return checkpoint_sink_actor{};
    }
  };
}

sink_probe_factory default_sink_probe_factory(sink_options options) {
  sink_probe_options probe;
  probe.file_dirs = options.file_dirs;
  return [probe, options](caf::actor_system& sys) {
    return spawn_io<sink_probe_actor>(sys, options.detached, sink_probe, probe);
  };
}

} // namespace cdc::actors
