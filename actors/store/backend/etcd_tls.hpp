// TLS to etcd's https:// endpoints, shared by the client and the watch: the
// context from TiCDC's [security] files (else the system's CAs), and each
// stream set up to check etcd's certificate against the endpoint's host.
#pragma once

#include <memory>
#include <optional>

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include "actors/store/backend/etcd_client.hpp"

namespace cdc::store::etcd {

using tls_stream = boost::asio::ssl::stream<boost::beast::tcp_stream&>;

/// `given`, or a context that trusts the system's CAs and shows no certificate.
std::shared_ptr<boost::asio::ssl::context> tls_context_or_default(std::shared_ptr<boost::asio::ssl::context> given);

/// TLS 1.2 or newer; etcd's certificate must carry the host (name or IP)
/// the endpoint was given by; a name goes out as SNI too.
void prepare_tls(tls_stream& stream, const endpoint& ep);

/// Runs `op` on the stream requests go over: `tls` while it is set, else
/// the plain one.
template <class Op>
void on_stream(std::optional<tls_stream>& tls, boost::beast::tcp_stream& plain, Op&& op) {
  if (tls)
    op(*tls);
  else
    op(plain);
}

} // namespace cdc::store::etcd
