#include "model/config/mysql_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;
constexpr auto opt = emit::omit_empty;

constexpr auto fields = std::tuple{
  fld("worker_count", &mysql_config::worker_count, opt),
  fld("max_txn_row", &mysql_config::max_txn_row, opt),
  fld("max_multi_update_row_size", &mysql_config::max_multi_update_row_size, opt),
  fld("max_multi_update_row_count", &mysql_config::max_multi_update_row_count, opt),
  fld("tidb_txn_mode", &mysql_config::tidb_txn_mode, opt),
  fld("ssl_ca", &mysql_config::ssl_ca, opt),
  fld("ssl_cert", &mysql_config::ssl_cert, opt),
  fld("ssl_key", &mysql_config::ssl_key, opt),
  fld("time_zone", &mysql_config::time_zone, opt),
  fld("write_timeout", &mysql_config::write_timeout, opt),
  fld("read_timeout", &mysql_config::read_timeout, opt),
  fld("timeout", &mysql_config::timeout, opt),
  fld("enable_batch_dml", &mysql_config::enable_batch_dml, opt),
  fld("enable_multi_statement", &mysql_config::enable_multi_statement, opt),
  fld("enable_cache_prepared_statement", &mysql_config::enable_cache_prepared_statement, opt),
};

} // namespace

status read_into(mysql_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const mysql_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
