// TLS to etcd; see etcd_tls.hpp.
#include "actors/store/backend/etcd_tls.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>

namespace cdc::store::etcd {

namespace ssl = boost::asio::ssl;

std::shared_ptr<ssl::context> tls_context_or_default(std::shared_ptr<ssl::context> given) {
  if (given)
    return given;
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
  ctx->set_default_verify_paths();
  return ctx;
}

void prepare_tls(tls_stream& stream, const endpoint& ep) {
  SSL_set_min_proto_version(stream.native_handle(), TLS1_2_VERSION);
  stream.set_verify_mode(ssl::verify_peer);
  stream.set_verify_callback(ssl::host_name_verification(ep.host));
  boost::system::error_code not_ip;
  boost::asio::ip::make_address(ep.host, not_ip);
  if (not_ip)
    SSL_set_tlsext_host_name(stream.native_handle(), ep.host.c_str());
}

} // namespace cdc::store::etcd
