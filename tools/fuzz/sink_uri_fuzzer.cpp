// libFuzzer target: arbitrary bytes as a sink URI, through the parser, every
// scheme's validation and both maskings. A masked URI must never carry its
// password any more; any crash or sanitizer report is a finding too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/sink/mask.hpp"
#include "model/sink/sink_uri.hpp"
#include "model/sink/validate.hpp"

using namespace cdc::model::sink;

namespace {

/// `shown`, parsed again, still has `uri`'s password as its own. (The same
/// text elsewhere, in a path say, is not the password: Go's parser, and
/// ours, take the userinfo from the authority only.)
bool shows_password(const std::string& shown, const sink_uri& uri) {
  if (!uri.password || uri.password->empty() || *uri.password == mask_text)
    return false;
  auto again = parse_sink_uri(shown);
  return again && again->password == uri.password;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto displayed = mask_for_display(text);
  auto in_message = mask_for_message(text);
  auto uri = parse_sink_uri(text);
  if (!uri)
    return 0;
  (void)validate_sink(*uri);
  (void)uri->topic();
  if (shows_password(displayed, *uri) || shows_password(in_message, *uri))
    std::abort();
  return 0;
}
