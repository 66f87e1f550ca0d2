// Go net/url behaviour for sink URIs; each function names the Go function it
// follows, so differences from RFC 3986 are deliberate.
#include "model/sink/go_url.hpp"

#include <algorithm>
#include <cctype>

#include <boost/url/encode.hpp>
#include <boost/url/ipv6_address.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace cdc::model::sink {

namespace {

enum class escape_mode { path, host, userinfo, query_component, fragment };

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return c - 'A' + 10;
}

bool is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Go's shouldEscape(c, encodeHost): characters a host may not contain raw.
bool host_needs_escape(unsigned char c) {
  if (is_alnum(c))
    return false;
  switch (c) {
    case '-': case '_': case '.': case '~':
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*':
    case '+': case ',': case ';': case '=': case ':': case '[': case ']':
    case '<': case '>': case '"':
      return false;
    default:
      return true;
  }
}

go_error escape_error(std::string_view s, std::size_t i) {
  auto bad = s.substr(i, 3);
  return {"invalid URL escape " + go_quote(bad)};
}

// Go's unescape(s, mode): checks escapes (and raw host characters), then
// decodes with Boost.URL; '+' means space only in query components.
go_result<std::string> go_unescape(std::string_view s, escape_mode mode) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2]))
        return escape_error(s, i);
      // RFC 3986 allows %-escapes in a host only for non-ASCII bytes (and %25
      // for IPv6 zones), as Go enforces.
      if (mode == escape_mode::host && hex_value(s[i + 1]) < 8 && s.substr(i, 3) != "%25")
        return escape_error(s, i);
      i += 2;
    } else if (mode == escape_mode::host && c < 0x80 && host_needs_escape(c)) {
      return go_error{"invalid character " + go_quote(s.substr(i, 1)) + " in host name"};
    }
  }
  auto pct = boost::urls::make_pct_string_view(s);
  if (!pct)
    return go_error{"invalid URL escape " + go_quote(s)};
  boost::urls::encoding_opts opts;
  opts.space_as_plus = mode == escape_mode::query_component;
  return go_result<std::string>{boost::system::in_place_value, pct->decode(opts)};
}

// Go's validOptionalPort: "" or ':' followed by digits only.
bool valid_optional_port(std::string_view port) {
  if (port.empty())
    return true;
  if (port.front() != ':')
    return false;
  return std::all_of(port.begin() + 1, port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Go's validUserinfo.
bool valid_userinfo(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    if (is_alnum(c))
      return true;
    switch (c) {
      case '-': case '.': case '_': case ':': case '~': case '!': case '$': case '&':
      case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=':
      case '%': case '@':
        return true;
      default:
        return false;
    }
  });
}

// Go's parseHost.
go_result<std::string> parse_host(std::string_view host) {
  if (!host.empty() && host.front() == '[') {
    auto close = host.rfind(']');
    if (close == std::string_view::npos)
      return go_error{"missing ']' in host"};
    auto colon_port = host.substr(close + 1);
    if (!valid_optional_port(colon_port))
      return go_error{"invalid port " + go_quote(colon_port) + " after host"};
  } else if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
    auto colon_port = host.substr(colon);
    if (!valid_optional_port(colon_port))
      return go_error{"invalid port " + go_quote(colon_port) + " after host"};
  }
  return go_unescape(host, escape_mode::host);
}

// Go's getScheme: "" when the text does not start with a scheme.
go_result<std::pair<std::string_view, std::string_view>> split_scheme(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool later = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (letter)
      continue;
    if (later) {
      if (i == 0)
        return std::pair{std::string_view{}, s};
      continue;
    }
    if (c == ':') {
      if (i == 0)
        return go_error{"missing protocol scheme"};
      return std::pair{s.substr(0, i), s.substr(i + 1)};
    }
    return std::pair{std::string_view{}, s};
  }
  return std::pair{std::string_view{}, s};
}

std::pair<std::string_view, std::string_view> split_host_port(std::string_view host_port) {
  std::string_view host = host_port;
  std::string_view port;
  if (auto colon = host.rfind(':');
      colon != std::string_view::npos && valid_optional_port(host.substr(colon))) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return {host, port};
}

} // namespace

std::string go_url::hostname() const {
  return std::string{split_host_port(host).first};
}

std::string go_url::port() const {
  return std::string{split_host_port(host).second};
}

go_result<go_url> parse_go_url(std::string_view text) {
  if (std::any_of(text.begin(), text.end(), [](char ch) {
        auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == 0x7f;
      }))
    return go_error{"net/url: invalid control character in URL"};
  go_url u;
  std::string_view rest = text;
  if (auto hash = rest.find('#'); hash != std::string_view::npos) {
    u.raw_fragment = std::string{rest.substr(hash + 1)};
    auto frag = go_unescape(*u.raw_fragment, escape_mode::fragment);
    if (!frag)
      return frag.error();
    rest = rest.substr(0, hash);
  }
  auto scheme = split_scheme(rest);
  if (!scheme)
    return scheme.error();
  u.scheme = std::string{scheme->first};
  std::transform(u.scheme.begin(), u.scheme.end(), u.scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  rest = scheme->second;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    u.raw_query = std::string{rest.substr(q + 1)};
    rest = rest.substr(0, q);
  }
  if (rest.empty() || rest.front() != '/') {
    if (!u.scheme.empty()) {
      u.opaque = true;
      u.path = std::string{rest};
      u.raw_path = u.path;
      return u;
    }
    auto segment = rest.substr(0, rest.find('/'));
    if (segment.find(':') != std::string_view::npos)
      return go_error{"first path segment in URL cannot contain colon"};
  }
  bool authority_allowed = !u.scheme.empty() || rest.substr(0, 3) != "///";
  if (authority_allowed && rest.substr(0, 2) == "//") {
    u.has_authority = true;
    std::string_view authority = rest.substr(2);
    rest = {};
    if (auto slash = authority.find('/'); slash != std::string_view::npos) {
      rest = authority.substr(slash);
      authority = authority.substr(0, slash);
    }
    std::string_view host_part = authority;
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
      std::string_view info = authority.substr(0, at);
      host_part = authority.substr(at + 1);
      if (!valid_userinfo(info))
        return go_error{"net/url: invalid userinfo"};
      u.has_userinfo = true;
      u.raw_userinfo = std::string{info};
      auto colon = info.find(':');
      u.raw_username = std::string{info.substr(0, colon)};
      auto user = go_unescape(u.raw_username, escape_mode::userinfo);
      if (!user)
        return user.error();
      u.username = std::move(*user);
      if (colon != std::string_view::npos) {
        auto pass = go_unescape(info.substr(colon + 1), escape_mode::userinfo);
        if (!pass)
          return pass.error();
        u.password = std::move(*pass);
      }
    }
    auto host = parse_host(host_part);
    if (!host)
      return host.error();
    u.host = std::move(*host);
    u.raw_host = std::string{host_part};
  }
  u.raw_path = std::string{rest};
  auto path = go_unescape(rest, escape_mode::path);
  if (!path)
    return path.error();
  u.path = std::move(*path);
  return u;
}

query_params parse_go_query(std::string_view raw) {
  query_params out;
  while (!raw.empty()) {
    auto amp = raw.find('&');
    std::string_view pair = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view{} : raw.substr(amp + 1);
    if (pair.empty() || pair.find(';') != std::string_view::npos)
      continue;
    auto eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    auto k = go_unescape(key, escape_mode::query_component);
    auto v = go_unescape(value, escape_mode::query_component);
    if (!k || !v)
      continue;
    out.push_back({std::move(*k), std::move(*v)});
  }
  return out;
}

std::string go_query_escape(std::string_view text) {
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  return boost::urls::encode(text, boost::urls::unreserved_chars, opts);
}

std::string encode_go_query(const query_params& params) {
  // Stable sort keeps each key's values in the order written, as a Go map of
  // slices does.
  std::vector<const query_param*> sorted;
  sorted.reserve(params.size());
  for (const auto& p : params)
    sorted.push_back(&p);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const query_param* a, const query_param* b) { return a->key < b->key; });
  std::string out;
  for (const auto* p : sorted) {
    if (!out.empty())
      out += '&';
    out += go_query_escape(p->key);
    out += '=';
    out += go_query_escape(p->value);
  }
  return out;
}

bool is_ipv6_literal(std::string_view hostname) {
  if (hostname.find(':') == std::string_view::npos)
    return false;
  return boost::urls::parse_ipv6_address(hostname).has_value();
}

} // namespace cdc::model::sink
