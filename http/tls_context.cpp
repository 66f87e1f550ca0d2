#include "http/tls_context.hpp"

#include <algorithm>
#include <cstdio>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace cdc::http {

namespace ssl = boost::asio::ssl;

namespace {

std::string subject_cn(X509* cert) {
  X509_NAME* subject = cert ? X509_get_subject_name(cert) : nullptr;
  if (!subject)
    return {};
  int at = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
  if (at < 0)
    return {};
  ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, at));
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, data);
  if (len < 0)
    return {};
  std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return out;
}

/// "<what> <path>: <OpenSSL's reason>".
std::string failure(const char* what, const std::string& path, const boost::system::error_code& ec) {
  return std::string(what) + " " + path + ": " + ec.message();
}

} // namespace

std::string certificate_common_name(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "r");
  if (!f)
    return {};
  X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  auto cn = subject_cn(cert);
  X509_free(cert);
  return cn;
}

std::shared_ptr<ssl::context> make_server_tls(const tls_options& options, std::string& error) {
  if (options.cert_path.empty() || options.key_path.empty()) {
    error = "security: TLS (ca-path) needs cert-path and key-path too";
    return nullptr;
  }
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  // As TiCDC's TLS config: nothing older than TLS 1.2.
  SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_compression
                   | ssl::context::single_dh_use);
  boost::system::error_code ec;
  ctx->use_certificate_chain_file(options.cert_path, ec);
  if (ec) {
    error = failure("security: cannot use certificate", options.cert_path, ec);
    return nullptr;
  }
  ctx->use_private_key_file(options.key_path, ssl::context::pem, ec);
  if (ec) {
    error = failure("security: cannot use key", options.key_path, ec);
    return nullptr;
  }
  if (SSL_CTX_check_private_key(ctx->native_handle()) != 1) {
    error = "security: key " + options.key_path + " does not belong to certificate " + options.cert_path;
    return nullptr;
  }
  ctx->load_verify_file(options.ca_path, ec);
  if (ec) {
    error = failure("security: cannot use CA", options.ca_path, ec);
    return nullptr;
  }
  if (!options.mtls && options.cert_allowed_cn.empty()) {
    ctx->set_verify_mode(ssl::verify_none);
    return ctx;
  }
  ctx->set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
  if (options.cert_allowed_cn.empty())
    return ctx;
  auto allowed = options.cert_allowed_cn;
  if (auto own = certificate_common_name(options.cert_path); !own.empty())
    allowed.push_back(std::move(own));
  // The chain was checked by OpenSSL (`preverified`); the client's own
  // certificate (depth 0) must also carry an allowed CN, or the handshake
  // fails, as TiCDC refuses it.
  ctx->set_verify_callback([allowed = std::move(allowed)](bool preverified, ssl::verify_context& vc) {
    X509_STORE_CTX* store = vc.native_handle();
    if (!preverified || X509_STORE_CTX_get_error_depth(store) != 0)
      return preverified;
    auto cn = subject_cn(X509_STORE_CTX_get_current_cert(store));
    if (std::find(allowed.begin(), allowed.end(), cn) != allowed.end())
      return true;
    X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION);
    return false;
  });
  return ctx;
}

std::shared_ptr<ssl::context> make_client_tls(const std::string& ca_path, const std::string& cert_path,
                                              const std::string& key_path, std::string& error) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
  boost::system::error_code ec;
  if (ca_path.empty())
    ctx->set_default_verify_paths(ec);
  else
    ctx->load_verify_file(ca_path, ec);
  if (ec) {
    error = failure("cannot use CA", ca_path, ec);
    return nullptr;
  }
  if (!cert_path.empty()) {
    ctx->use_certificate_chain_file(cert_path, ec);
    if (ec) {
      error = failure("cannot use certificate", cert_path, ec);
      return nullptr;
    }
  }
  if (!key_path.empty()) {
    ctx->use_private_key_file(key_path, ssl::context::pem, ec);
    if (ec) {
      error = failure("cannot use key", key_path, ec);
      return nullptr;
    }
  }
  ctx->set_verify_mode(ssl::verify_peer);
  return ctx;
}

} // namespace cdc::http
