// The API port's TLS, from TiCDC's [security] options: its certificate and
// key, the CA client certificates must chain to, and whether (and whose)
// client certificates are required.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/asio/ssl/context.hpp>

namespace cdc::http {

struct tls_options {
  std::string ca_path;
  std::string cert_path;
  std::string key_path;
  /// Set: a client certificate is required and its subject's CN must be one
  /// of these (the server's own CN is added, as TiCDC does, so the other
  /// captures can call it).
  std::vector<std::string> cert_allowed_cn;
  /// A client certificate signed by the CA is required (TiCDC's mtls).
  bool mtls = false;

  /// TiCDC serves TLS when a CA is given.
  bool enabled() const { return !ca_path.empty(); }
};

/// The server's TLS context: TLS 1.2 or newer. Null with `error` set (naming
/// the file and OpenSSL's reason) when a file cannot be used or the options
/// do not fit together.
std::shared_ptr<boost::asio::ssl::context> make_server_tls(const tls_options& options, std::string& error);

/// The client side of TLS 1.2 or newer, for the API and etcd: the server's
/// certificate must chain to `ca_path` (else to the system's CAs), and
/// `cert_path`/`key_path`, when given, are shown as the client's. Null with
/// `error` set (naming the file and OpenSSL's reason) when a file cannot be
/// used. The caller checks the server's name (host_name_verification).
std::shared_ptr<boost::asio::ssl::context> make_client_tls(const std::string& ca_path, const std::string& cert_path,
                                                           const std::string& key_path, std::string& error);

/// The subject CN of the first certificate in the PEM file at `path` ("" when
/// it has none or cannot be read).
std::string certificate_common_name(const std::string& path);

} // namespace cdc::http
