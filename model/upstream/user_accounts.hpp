// The simulated upstream's MySQL accounts: who may log in to "TiDB" with
// which password. TiCDC checks an API caller's Basic credentials by logging
// in to the upstream TiDB; this is what that login is checked against.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdc::model::upstream {

class user_accounts {
public:
  /// A fresh TiDB's accounts: `root` with an empty password.
  static user_accounts fresh_tidb();

  /// Adds (or replaces) `name`'s password. Only a salted SHA-256 of it is
  /// kept, so the plain text is gone once this returns.
  void set(std::string name, std::string_view password);

  /// Nothing when `password` logs `name` in; else the error TiDB's login
  /// answers with. Unknown users and wrong passwords read the same (MySQL
  /// does not tell which), and take the same time to find out.
  std::optional<std::string> login_error(std::string_view name, std::string_view password) const;

  std::size_t size() const noexcept { return accounts_.size(); }

private:
  using salt = std::array<unsigned char, 16>;
  using digest = std::array<unsigned char, 32>;
  struct account {
    std::string name;
    salt salt_bytes{};
    digest password_digest{};
  };
  static digest hash(const salt& s, std::string_view password);

  std::vector<account> accounts_;
};

} // namespace cdc::model::upstream
