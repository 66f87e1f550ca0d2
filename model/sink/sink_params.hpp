// The typed settings each sink implementation reads, produced by
// validate_sink from the sink URI (and the replica config's sink section),
// with TiCDC's defaults (reference 7.4).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/sink/protocol.hpp"

namespace cdc::model::sink {

/// mysql://, tidb:// and their +ssl forms (TiCDC pkg/sink/mysql/config.go).
struct mysql_params {
  std::string user = "root";          ///< userinfo user, "root" when empty
  std::string password;
  std::string host;                   ///< without brackets
  std::uint16_t port = 4000;          ///< TiCDC's default when the URI has none
  bool tls = false;                   ///< scheme ends in +ssl
  int worker_count = 16;              ///< > 0, capped at 1024
  int max_txn_row = 256;              ///< > 0, capped at 2048
  int max_multi_update_row = 40;      ///< > 0, capped at 256
  int max_multi_update_row_size = 1024; ///< >= 0, capped at 8192
  std::string tidb_txn_mode = "optimistic"; ///< or "pessimistic"; others ignored
  bool safe_mode = false;
  std::optional<std::string> time_zone; ///< nullopt: the server's zone; "": the downstream's
  std::chrono::nanoseconds read_timeout = std::chrono::minutes{2};
  std::chrono::nanoseconds write_timeout = std::chrono::minutes{2};
  std::chrono::nanoseconds dial_timeout = std::chrono::minutes{2}; ///< the `timeout` parameter
  bool batch_dml_enable = true;
  bool multi_stmt_enable = true;
  bool cache_prep_stmts = true;
  std::string ssl_ca, ssl_cert, ssl_key;
  txn_atomicity atomicity = txn_atomicity::none;
};

/// kafka:// and kafka+ssl:// (TiCDC pkg/sink/kafka/options.go).
struct kafka_params {
  std::vector<std::string> brokers;   ///< host:port each
  std::string topic;                  ///< the path without slashes (default topic)
  protocol proto = protocol::open_protocol;
  std::optional<std::int32_t> partition_num; ///< nullopt: the topic's count (3 when created)
  std::int16_t replication_factor = 1;
  std::string kafka_version = "2.4.0";
  std::int64_t max_message_bytes = 10 * 1024 * 1024;
  std::string compression = "none";   ///< none, gzip, snappy, lz4, zstd (others read as none)
  std::string client_id;              ///< "" = TiCDC's generated id
  bool auto_create_topic = true;
  std::chrono::nanoseconds dial_timeout = std::chrono::seconds{10};
  std::chrono::nanoseconds write_timeout = std::chrono::seconds{10};
  std::chrono::nanoseconds read_timeout = std::chrono::seconds{10};
  int required_acks = -1;             ///< 0, 1 or -1
  std::string sasl_user, sasl_password;
  std::string sasl_mechanism;         ///< upper-cased: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI, OAUTHBEARER
  bool enable_tls = false;
  std::string ca, cert, key;
  bool insecure_skip_verify = false;
  bool enable_tidb_extension = false;
  std::optional<int> max_batch_size;
  std::optional<std::string> schema_registry;
};

/// pulsar:// and its +ssl/+http/+https forms.
struct pulsar_params {
  std::vector<std::string> brokers;
  std::string topic;
  protocol proto = protocol::canal_json;
  bool tls = false;                   ///< pulsar+ssl or pulsar+https
};

/// file://, s3://, gcs://, gs://, azblob://, azure://, noop:// (TiCDC
/// pkg/sink/cloudstorage/config.go).
struct storage_params {
  std::string scheme;
  std::string location;               ///< host + path: a directory for file://, bucket/prefix otherwise
  protocol proto = protocol::csv;     ///< csv or canal-json
  int worker_count = 16;              ///< > 0, capped at 512
  std::chrono::nanoseconds flush_interval = std::chrono::seconds{5}; ///< clamped to [2s, 10min]
  std::int64_t file_size = 64 * 1024 * 1024;    ///< clamped to [1 MiB, 512 MiB]
};

/// blackhole://: accepts anything, writes nothing.
struct blackhole_params {
  std::optional<protocol> proto;
};

using sink_params =
  std::variant<mysql_params, kafka_params, pulsar_params, storage_params, blackhole_params>;

} // namespace cdc::model::sink
