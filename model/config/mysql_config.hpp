// replica_config.sink.mysql_config: MySQL/TiDB sink settings, the same
// meaning as the sink URI's query parameters (which win). All optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

struct mysql_config {
  std::optional<std::int64_t> worker_count;
  std::optional<std::int64_t> max_txn_row;
  std::optional<std::int64_t> max_multi_update_row_size;
  std::optional<std::int64_t> max_multi_update_row_count;
  std::optional<std::string> tidb_txn_mode;
  std::optional<std::string> ssl_ca;
  std::optional<std::string> ssl_cert;
  std::optional<std::string> ssl_key;
  std::optional<std::string> time_zone;
  std::optional<std::string> write_timeout;
  std::optional<std::string> read_timeout;
  std::optional<std::string> timeout;
  std::optional<bool> enable_batch_dml;
  std::optional<bool> enable_multi_statement;
  std::optional<bool> enable_cache_prepared_statement;

  friend bool operator==(const mysql_config&, const mysql_config&) = default;
};

status read_into(mysql_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const mysql_config& x);

} // namespace cdc::model::config
