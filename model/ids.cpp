#include "model/ids.hpp"

#include <cstdio>

namespace cdc::model {

namespace {

bool is_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

bool is_valid_id(std::string_view id) noexcept {
  return explain_invalid_id(id).empty();
}

std::string explain_invalid_id(std::string_view id) {
  if (id.empty())
    return "it is empty";
  if (id.size() > max_id_length)
    return "it is " + std::to_string(id.size()) + " characters long, the limit is 128";
  if (id.front() == '-')
    return "it starts with '-'";
  if (id.back() == '-')
    return "it ends with '-'";
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (c == '-') {
      if (id[i - 1] == '-')
        return "it has two '-' in a row";
      continue;
    }
    if (!is_alnum(c)) {
      std::string shown = (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
                            ? "a non-printable or non-ASCII byte"
                            : std::string("'") + c + "'";
      return "it contains " + shown + " at position " + std::to_string(i)
             + "; only ASCII letters, digits and single '-' between them are allowed";
    }
  }
  return {};
}

result<std::string_view> check_id(std::string_view what, std::string_view id) {
  auto why = explain_invalid_id(id);
  if (why.empty())
    return id;
  std::string msg = "invalid ";
  msg += what;
  msg += ": ";
  msg += id;
  msg += " (";
  msg += why;
  msg += "; it must match ^[a-zA-Z0-9]+(\\-[a-zA-Z0-9]+)*$, e.g. \"simple-changefeed-task\")";
  return fail_with(api_error::api_invalid_param, std::move(msg));
}

std::string make_uuid_v4(std::uint64_t hi, std::uint64_t lo) {
  hi = (hi & ~std::uint64_t{0xF000}) | 0x4000;                // version 4
  lo = (lo & ~(std::uint64_t{0xC} << 60)) | (std::uint64_t{0x8} << 60);  // variant 10
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx",
                static_cast<unsigned>(hi >> 32), static_cast<unsigned>((hi >> 16) & 0xFFFF),
                static_cast<unsigned>(hi & 0xFFFF), static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
  return buf;
}

} // namespace cdc::model
