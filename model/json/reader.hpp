// A strict reader for JSON request bodies: decodes values field by field onto
// existing C++ values the way Go's encoding/json does, and reports any
// mismatch as 400 ErrAPIInvalidParam naming the field path.
//
// Rules (Go's encoding/json, which TiCDC uses):
// - unknown object keys are ignored; keys match field names ignoring ASCII case;
// - `null` leaves a plain scalar or struct unchanged, resets a std::optional
//   (a Go pointer) and clears a std::vector (a Go slice);
// - an object merges into the existing value field by field; an array
//   replaces the whole vector, each element decoded onto a fresh zero value;
// - integers must be whole and in range for their C++ type (a JSON 1.0 is
//   accepted as 1, 1.5 and -1 for an unsigned field are not).
#pragma once

#include <chrono>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "model/duration.hpp"
#include "model/result.hpp"

namespace cdc::model::json {

/// Success or the first decoding failure.
using status = result<void>;

/// Where in a document a value sits, for messages such as
/// "replica_config.sink.dispatchers[0].topic". Segments live on the callers'
/// stacks, so building a path allocates nothing until it is printed.
class path {
public:
  /// The document root, printed as nothing.
  path() = default;
  /// A named root, e.g. "replica_config".
  explicit path(std::string_view root) : key_(root), kind_(root.empty() ? kind::root : kind::key) {}
  /// A root whose decoding is strict: every key no field takes is added to
  /// `unknown_keys` as its full path, for callers that must reject them
  /// (TiCDC decodes config files strictly; its API bodies are lenient).
  path(std::string_view root, std::vector<std::string>& unknown_keys)
    : key_(root), kind_(root.empty() ? kind::root : kind::key), unknown_keys_(&unknown_keys) {}
  path(const path& parent, std::string_view key) : parent_(&parent), key_(key), kind_(kind::key) {}
  path(const path& parent, std::size_t index) : parent_(&parent), index_(index), kind_(kind::index) {}
  // A child keeps a pointer to its parent, so a temporary parent would dangle.
  path(const path&& parent, std::string_view key) = delete;
  path(const path&& parent, std::size_t index) = delete;

  std::string str() const;

  /// Records `key` below this path as unknown when the root collects them.
  void note_unknown(std::string_view key) const;

private:
  enum class kind : std::uint8_t { root, key, index };
  void append_to(std::string& out) const;

  const path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  kind kind_ = kind::root;
  std::vector<std::string>* unknown_keys_ = nullptr;  ///< on a strict root only
};

/// TiCDC's prefix for body decoding errors.
inline constexpr std::string_view invalid_param_prefix = "invalid api parameter: ";

/// 400 ErrAPIInvalidParam "invalid api parameter: <path>: <why>" (no path
/// part at the root).
api_failure invalid_at(const path& at, std::string_view why);

/// The same failure with `prefix` in place of "invalid api parameter: " (the
/// log endpoint says "invalid log level: ").
api_failure with_prefix(api_failure failure, std::string_view prefix);

/// JSON's name for the kind of `v` as Go reports it: null, bool, number,
/// string, array, object.
std::string_view kind_name(const boost::json::value& v) noexcept;

/// "<path>: expected <expected>, got <kind of v>".
api_failure type_mismatch(const path& at, std::string_view expected, const boost::json::value& v);

/// Whether a JSON key selects a field: exact or ASCII case-insensitive match.
bool key_matches(std::string_view key, std::string_view field_name) noexcept;

/// The value under `name` (matched as key_matches does), or nullptr.
const boost::json::value* find_key(const boost::json::object& obj, std::string_view name) noexcept;

// -- scalars -----------------------------------------------------------------

status read(bool& out, const boost::json::value& v, const path& at);
status read(std::string& out, const boost::json::value& v, const path& at);
status read(std::int16_t& out, const boost::json::value& v, const path& at);
status read(std::int32_t& out, const boost::json::value& v, const path& at);
status read(std::int64_t& out, const boost::json::value& v, const path& at);
status read(std::uint32_t& out, const boost::json::value& v, const path& at);
status read(std::uint64_t& out, const boost::json::value& v, const path& at);

/// A duration: a Go duration string, or a number of nanoseconds (fraction
/// truncated). Any other kind is Go's "invalid duration".
status read(duration& out, const boost::json::value& v, const path& at);

// -- structs, optionals and vectors ------------------------------------------

/// A struct with a field table: each config type declares
/// `status read_into(T&, const boost::json::value&, const json::path&)`.
template <class T>
concept decodable_struct = requires(T& x, const boost::json::value& v, const path& at) {
  { read_into(x, v, at) } -> std::same_as<status>;
};

// Declared first so each template sees the others (optional<vector<T>>...).
template <decodable_struct T>
status read(T& out, const boost::json::value& v, const path& at);
template <class T>
status read(std::optional<T>& out, const boost::json::value& v, const path& at);
template <class T>
status read(std::vector<T>& out, const boost::json::value& v, const path& at);

template <decodable_struct T>
status read(T& out, const boost::json::value& v, const path& at) {
  if (v.is_null())
    return {};
  return read_into(out, v, at);
}

/// A Go pointer: null resets it; a value is decoded onto the pointee, which
/// starts as T's zero value when absent (so objects merge into what is there).
template <class T>
status read(std::optional<T>& out, const boost::json::value& v, const path& at) {
  if (v.is_null()) {
    out.reset();
    return {};
  }
  if (!out)
    out.emplace();
  return read(*out, v, at);
}

/// A Go slice: null clears it, an array replaces it.
template <class T>
status read(std::vector<T>& out, const boost::json::value& v, const path& at) {
  if (v.is_null()) {
    out.clear();
    return {};
  }
  const auto* arr = v.if_array();
  if (arr == nullptr)
    return type_mismatch(at, "array", v);
  std::vector<T> fresh(arr->size());
  for (std::size_t i = 0; i < arr->size(); ++i)
    if (auto st = read(fresh[i], (*arr)[i], path{at, i}); !st)
      return st;
  out = std::move(fresh);
  return {};
}

} // namespace cdc::model::json
