// A blocking MySQL/MariaDB connection (MariaDB Connector/C) with errors as
// TiCDC's codes: unreachable or lost servers are CDC:ErrMySQLConnectionError,
// statements that fail otherwise the kind the caller names. Only a sink's
// own thread (or a test) may use it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"

struct st_mysql; // MYSQL, kept out of this header

namespace cdc::sink_io {

struct mysql_endpoint {
  std::string host = "127.0.0.1";
  std::uint16_t port = 3306;
  std::string user = "root";
  std::string password;
  std::string unix_socket; ///< when set, used instead of host and port
  bool tls = false;
  std::string ssl_ca, ssl_cert, ssl_key;
  std::chrono::seconds connect_timeout{120};
  std::chrono::seconds read_timeout{120};
  std::chrono::seconds write_timeout{120};
};

class mysql_client {
public:
  using row = std::vector<std::optional<std::string>>;

  mysql_client() = default;
  ~mysql_client();
  mysql_client(const mysql_client&) = delete;
  mysql_client& operator=(const mysql_client&) = delete;

  /// Connects (closing any previous connection); utf8mb4, autocommit on.
  model::result<void> connect(const mysql_endpoint& e);
  bool connected() const noexcept { return conn_ != nullptr; }
  void close() noexcept;

  /// Runs one statement; a lost connection closes the client. `kind` is the
  /// error for a statement the server refused.
  model::result<void> execute(std::string_view sql,
                              model::api_error kind = model::api_error::mysql_query_error);

  /// Runs a query and returns its rows as text (NULL as nullopt).
  model::result<std::vector<row>> query(std::string_view sql);

private:
  model::api_failure failure(model::api_error kind);

  st_mysql* conn_ = nullptr;
};

} // namespace cdc::sink_io
