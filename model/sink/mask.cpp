// Sink URI masking; see mask.hpp for the two rules and why they differ.
#include "model/sink/mask.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "model/sink/go_url.hpp"

namespace cdc::model::sink {

namespace {

std::string lower(std::string_view s) {
  std::string out{s};
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains_any(std::string_view key, std::span<const std::string_view> needles) {
  auto k = lower(key);
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return k.find(n) != std::string::npos; });
}

constexpr std::array<std::string_view, 11> message_needles{
  "password", "passwd", "pwd", "access", "token", "secret",
  "key", "signature", "credential", "private", "client"};

constexpr std::array<std::string_view, 16> display_needles{
  "password", "passwd", "pwd", "secret", "token", "credential", "signature",
  "access-key", "access_key", "accesskey", "account-key", "account_key",
  "accountkey", "sas-key", "sas_key", "saskey"};

enum class query_rule { display, message };

// Reassembles the URI from its written parts, replacing only what is masked.
std::string assemble(const go_url& u, query_rule rule) {
  std::string out;
  if (!u.scheme.empty()) {
    out += u.scheme;
    out += ':';
  }
  if (u.has_authority) {
    out += "//";
    if (u.has_userinfo) {
      if (u.password) {
        out += u.raw_username;
        out += ':';
        out += mask_text;
      } else {
        out += u.raw_userinfo;
      }
      out += '@';
    }
    out += u.raw_host;
  }
  out += u.raw_path;
  if (u.raw_query) {
    auto is_secret = [rule](std::string_view key) {
      return rule == query_rule::message ? is_sensitive_message_key(key)
                                         : is_secret_display_key(key);
    };
    auto params = parse_go_query(*u.raw_query);
    bool any_secret = std::any_of(params.begin(), params.end(),
                                  [&](const query_param& p) { return is_secret(p.key); });
    if (rule == query_rule::message || any_secret) {
      // Go's Values.Set leaves one masked value per secret key.
      query_params masked;
      for (auto& p : params) {
        if (!is_secret(p.key)) {
          masked.push_back(std::move(p));
          continue;
        }
        bool seen = std::any_of(masked.begin(), masked.end(),
                                [&](const query_param& m) { return m.key == p.key; });
        if (!seen)
          masked.push_back({std::move(p.key), std::string{mask_text}});
      }
      auto encoded = encode_go_query(masked);
      // Go keeps a bare trailing '?' (ForceQuery) but drops an emptied query.
      if (!encoded.empty() || u.raw_query->empty()) {
        out += '?';
        out += encoded;
      }
    } else {
      out += '?';
      out += *u.raw_query;
    }
  }
  if (u.raw_fragment) {
    out += '#';
    out += *u.raw_fragment;
  }
  return out;
}

std::string mask(std::string_view uri, query_rule rule) {
  if (uri.empty())
    return {};
  auto parsed = parse_go_url(uri);
  if (!parsed)
    return std::string{invalid_uri_text};
  return assemble(*parsed, rule);
}

} // namespace

bool is_sensitive_message_key(std::string_view key) {
  return contains_any(key, message_needles);
}

bool is_secret_display_key(std::string_view key) {
  return contains_any(key, display_needles);
}

std::string mask_for_display(std::string_view uri) {
  return mask(uri, query_rule::display);
}

std::string mask_for_message(std::string_view uri) {
  return mask(uri, query_rule::message);
}

} // namespace cdc::model::sink
