// Everything a Kafka sink needs to know, derived from a changefeed's stored
// info: the validated URI parameters, the protocol and its options, the
// router and the column selectors.
#pragma once

#include <optional>
#include <string_view>

#include "model/changefeed/info.hpp"
#include "model/codec/debezium_json.hpp"
#include "model/codec/row_encoding.hpp"
#include "model/mq/mq_routing.hpp"
#include "model/result.hpp"
#include "model/sink/sink_params.hpp"

namespace cdc::model::mq {

struct mq_settings {
  sink::kafka_params params;
  std::optional<mq_routing> routing;  ///< always set once made
  /// Rows per open-protocol message (TiCDC's max-batch-size, default 16).
  int max_batch_size = 16;
  /// The debezium protocol's options (the server's --cluster-id,
  /// sink.debezium-disable-schema, sink.debezium.output-old-value,
  /// enable-tidb-extension).
  codec::debezium_options debezium;

  /// The columns written for `t` (after the column selectors).
  codec::column_list columns_of(const upstream::table_def& t) const;
};

/// Whether this server can encode `p` for Kafka: canal-json,
/// open-protocol, simple (JSON) and debezium. Others fail with 400 CDC:ErrSinkURIInvalid naming the
/// protocol (avro would need a schema registry).
result<void> check_kafka_protocol(sink::protocol p);

/// Validates and adjusts the feed's config against its URI again (as TiCDC
/// does when it instantiates the sink) and reads the settings; `cluster_id`
/// is the server's --cluster-id, which the debezium protocol writes.
result<mq_settings> mq_settings_of(const changefeed_info& info, std::string_view cluster_id = "default");

} // namespace cdc::model::mq
