// MariaDB Connector/C behind TiCDC's error codes; see mysql_client.hpp.
#include "actors/sink_io/mysql_client.hpp"

#include <errmsg.h>
#include <mysql.h>

namespace cdc::sink_io {

namespace {

/// Client-side errors that mean the server is gone, not the statement bad.
bool connection_lost(unsigned code) noexcept {
  switch (code) {
    case CR_CONNECTION_ERROR:
    case CR_CONN_HOST_ERROR:
    case CR_SERVER_GONE_ERROR:
    case CR_SERVER_LOST:
    case CR_SERVER_LOST_EXTENDED:
      return true;
    default:
      return false;
  }
}

std::string message_of(model::api_error kind, unsigned code, const char* text) {
  return std::string(model::spec_of(kind).message_template) + ": Error " + std::to_string(code) + ": " + text;
}

} // namespace

mysql_client::~mysql_client() {
  close();
}

void mysql_client::close() noexcept {
  if (conn_)
    mysql_close(conn_);
  conn_ = nullptr;
}

model::api_failure mysql_client::failure(model::api_error kind) {
  auto code = mysql_errno(conn_);
  if (connection_lost(code))
    kind = model::api_error::mysql_connection_error;
  auto out = model::fail_with(kind, message_of(kind, code, mysql_error(conn_)));
  if (kind == model::api_error::mysql_connection_error)
    close();
  return out;
}

model::result<void> mysql_client::connect(const mysql_endpoint& e) {
  close();
  conn_ = mysql_init(nullptr);
  if (!conn_)
    return model::fail_with(model::api_error::mysql_connection_error, "MySQL connection error: out of memory");
  unsigned connect = static_cast<unsigned>(e.connect_timeout.count());
  unsigned read = static_cast<unsigned>(e.read_timeout.count());
  unsigned write = static_cast<unsigned>(e.write_timeout.count());
  mysql_optionsv(conn_, MYSQL_OPT_CONNECT_TIMEOUT, &connect);
  mysql_optionsv(conn_, MYSQL_OPT_READ_TIMEOUT, &read);
  mysql_optionsv(conn_, MYSQL_OPT_WRITE_TIMEOUT, &write);
  mysql_optionsv(conn_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  if (e.tls) {
    my_bool enforce = 1;
    mysql_optionsv(conn_, MYSQL_OPT_SSL_ENFORCE, &enforce);
    mysql_ssl_set(conn_, e.ssl_key.empty() ? nullptr : e.ssl_key.c_str(),
                  e.ssl_cert.empty() ? nullptr : e.ssl_cert.c_str(), e.ssl_ca.empty() ? nullptr : e.ssl_ca.c_str(),
                  nullptr, nullptr);
  }
  const char* socket = e.unix_socket.empty() ? nullptr : e.unix_socket.c_str();
  if (!mysql_real_connect(conn_, socket ? nullptr : e.host.c_str(), e.user.c_str(), e.password.c_str(), nullptr,
                          e.port, socket, 0)) {
    auto out = model::fail_with(model::api_error::mysql_connection_error,
                                message_of(model::api_error::mysql_connection_error, mysql_errno(conn_),
                                           mysql_error(conn_)));
    close();
    return out;
  }
  return {};
}

model::result<void> mysql_client::execute(std::string_view sql, model::api_error kind) {
  if (!conn_)
    return model::fail_with(model::api_error::mysql_connection_error, "MySQL connection error: not connected");
  if (mysql_real_query(conn_, sql.data(), sql.size()) != 0)
    return failure(kind);
  // Statements that return rows (none of ours) must still be drained.
  if (auto* res = mysql_store_result(conn_))
    mysql_free_result(res);
  return {};
}

model::result<std::vector<mysql_client::row>> mysql_client::query(std::string_view sql) {
  if (!conn_)
    return model::fail_with(model::api_error::mysql_connection_error, "MySQL connection error: not connected");
  if (mysql_real_query(conn_, sql.data(), sql.size()) != 0)
    return failure(model::api_error::mysql_query_error);
  std::vector<row> out;
  auto* res = mysql_store_result(conn_);
  if (!res)
    return mysql_field_count(conn_) == 0 ? model::result<std::vector<row>>{out}
                                         : model::result<std::vector<row>>{failure(model::api_error::mysql_query_error)};
  auto fields = mysql_num_fields(res);
  while (auto r = mysql_fetch_row(res)) {
    auto* lengths = mysql_fetch_lengths(res);
    row values;
    for (unsigned i = 0; i < fields; ++i)
      values.push_back(r[i] ? std::optional<std::string>{std::string(r[i], lengths[i])} : std::nullopt);
    out.push_back(std::move(values));
  }
  mysql_free_result(res);
  return out;
}

} // namespace cdc::sink_io
