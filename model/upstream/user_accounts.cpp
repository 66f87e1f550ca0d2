#include "model/upstream/user_accounts.hpp"

#include <algorithm>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace cdc::model::upstream {

// One SHA-256 over salt and password: microseconds, so the check can run on
// the I/O thread that read the request. The accounts are the simulated
// upstream's, in memory only; the salt keeps equal passwords from having
// equal digests, and a memory dump from holding the passwords themselves.

user_accounts user_accounts::fresh_tidb() {
  user_accounts out;
  out.set("root", "");
  return out;
}

user_accounts::digest user_accounts::hash(const salt& s, std::string_view password) {
  digest out{};
  unsigned int len = 0;
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  bool ok = md != nullptr && EVP_DigestInit_ex(md, EVP_sha256(), nullptr) == 1
            && EVP_DigestUpdate(md, s.data(), s.size()) == 1
            && EVP_DigestUpdate(md, password.data(), password.size()) == 1
            && EVP_DigestFinal_ex(md, out.data(), &len) == 1;
  EVP_MD_CTX_free(md);
  if (!ok || len != out.size())
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  return out;
}

void user_accounts::set(std::string name, std::string_view password) {
  account a;
  a.name = std::move(name);
  if (RAND_bytes(a.salt_bytes.data(), static_cast<int>(a.salt_bytes.size())) != 1)
    throw std::runtime_error("OpenSSL could not make a random salt");
  a.password_digest = hash(a.salt_bytes, password);
  auto same = std::find_if(accounts_.begin(), accounts_.end(), [&](const auto& x) { return x.name == a.name; });
  if (same != accounts_.end())
    *same = std::move(a);
  else
    accounts_.push_back(std::move(a));
}

std::optional<std::string> user_accounts::login_error(std::string_view name, std::string_view password) const {
  auto it = std::find_if(accounts_.begin(), accounts_.end(), [&](const auto& a) { return a.name == name; });
  // An unknown user is hashed against a salt too, so the answer's timing
  // does not tell which names exist.
  static const salt no_salt{};
  const salt& s = it != accounts_.end() ? it->salt_bytes : no_salt;
  auto candidate = hash(s, password);
  bool match = it != accounts_.end()
               && CRYPTO_memcmp(candidate.data(), it->password_digest.data(), candidate.size()) == 0;
  if (match)
    return std::nullopt;
  return "Error 1045 (28000): Access denied for user '" + std::string(name) + "'@'%' (using password: "
         + (password.empty() ? "NO" : "YES") + ")";
}

} // namespace cdc::model::upstream
