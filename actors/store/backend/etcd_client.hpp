// A small blocking client for etcd's v3 JSON gateway (etcd_wire.hpp) over
// Boost.Beast: one kept-alive HTTP/1.1 connection (TLS for https://
// endpoints, etcd's certificate checked), opened again when etcd
// dropped it, and a timeout on every call. Several endpoints are tried in
// turn, starting with the last one that answered. Failures come back as
// values, never as exceptions. Calls block the calling thread; only the
// meta store actor and a node's etcd session call it, each on a thread of
// its own. A keep-alive is one request on etcd's streaming endpoint, which
// answers once and ends; watch (a stream that stays open) is not here.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace boost::asio::ssl {
class context;
}

#include "actors/store/backend/etcd_types.hpp"
#include "model/result.hpp"

namespace cdc::store::etcd {

/// One http(s)://host:port of an etcd cluster.
struct endpoint {
  std::string host;
  std::string port;
  /// As given, for messages: "http://127.0.0.1:2379".
  std::string url;
  /// https://: TLS, with etcd's certificate checked against the host.
  bool tls = false;
};

/// Parses TiCDC's --pd form, "http://h:p[,https://h2:p2...]". Refuses an
/// empty list, a scheme other than http and https, and a URL with a path,
/// user or query: 500 ErrMetaStoreFailed naming the bad entry.
model::result<std::vector<endpoint>> parse_endpoints(std::string_view list);

struct client_options {
  /// The longest a call may take, all endpoints and the reconnect included.
  std::chrono::milliseconds timeout{5000};
  /// For https:// endpoints: the CAs etcd's certificate must chain to and
  /// the client certificate to show (TiCDC's [security] files). Null: the
  /// system's CAs and no client certificate.
  std::shared_ptr<boost::asio::ssl::context> tls;
};

class client {
public:
  explicit client(std::vector<endpoint> endpoints, client_options options = {});
  ~client();
  client(client&&) noexcept;
  client& operator=(client&&) noexcept;

  result<range_response> range(const range_request& r);
  /// The header revision of the put.
  result<std::int64_t> put(const put_request& r);
  /// The header revision of the delete.
  result<std::int64_t> remove(const delete_request& r);
  result<txn_response> txn(const txn_request& r);
  result<lease_grant> grant_lease(std::chrono::seconds ttl);
  result<void> revoke_lease(std::int64_t id);
  /// Renews the lease once (one message on etcd's keep-alive stream): the
  /// TTL it has now, in seconds; 0 when it is gone (expired or revoked).
  result<std::int64_t> keep_alive(std::int64_t id);

  /// "etcd http://h:p,http://h2:p2", for logs and messages.
  std::string describe() const;
  const std::vector<endpoint>& endpoints() const noexcept { return endpoints_; }
  const client_options& options() const noexcept { return options_; }

private:
  struct connection;
  /// POSTs `body` to `path` and returns the parsed JSON answer. A call whose
  /// request may have reached etcd is not sent again unless `idempotent`:
  /// a write that timed out may have been applied.
  result<boost::json::value> call(std::string_view path, std::string body, bool idempotent);

  std::vector<endpoint> endpoints_;
  client_options options_;
  std::unique_ptr<connection> conn_;
};

} // namespace cdc::store::etcd
