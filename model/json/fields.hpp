// Field tables: one list of (JSON key, member, emit rule) per struct drives
// both its strict decoding and its encoding, so the two cannot drift apart
// and keys come out in the declared order (Go's struct order).
// Include only from .cpp files: the templates are instantiated once per type.
#pragma once

#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "model/json/reader.hpp"

namespace cdc::model::json {

/// How a member is written, mirroring Go's struct tags.
enum class emit : std::uint8_t {
  always,         ///< plain tag: always written (an empty optional as null)
  omit_empty,     ///< `omitempty`: skipped when empty, zero, false or absent
  null_if_empty,  ///< plain tag on a Go slice TiCDC leaves nil when empty
};

template <class T, class M>
struct field {
  std::string_view name;
  M T::*member;
  emit rule;
};

template <class T, class M>
constexpr field<T, M> fld(std::string_view name, M T::*member, emit rule = emit::always) {
  return {name, member, rule};
}

// -- decoding ----------------------------------------------------------------

/// Decodes `obj` onto `x` key by key in document order (as Go does); keys
/// without a field are ignored, or noted when the root path collects them.
template <class T, class Fields>
status decode_fields(T& x, const boost::json::object& obj, const path& at, const Fields& fields) {
  for (const auto& kv : obj) {
    std::string_view key = kv.key();
    status st;
    bool known = std::apply(
      [&](const auto&... f) {
        return ((key_matches(key, f.name) ? (st = read(x.*(f.member), kv.value(), path{at, f.name}), true)
                                          : false)
                || ...);
      },
      fields);
    if (!known)
      at.note_unknown(key);
    if (!st)
      return st;
  }
  return {};
}

/// The same for any JSON value, which must be an object.
template <class T, class Fields>
status decode_fields(T& x, const boost::json::value& v, const path& at, const Fields& fields) {
  const auto* obj = v.if_object();
  if (obj == nullptr)
    return type_mismatch(at, "object", v);
  return decode_fields(x, *obj, at, fields);
}

// -- encoding ----------------------------------------------------------------

template <class M>
bool is_empty(const M& m) {
  if constexpr (std::is_same_v<M, bool>)
    return !m;
  else if constexpr (std::is_arithmetic_v<M>)
    return m == 0;
  else if constexpr (std::is_same_v<M, duration>)
    return m.count() == 0;
  else
    return m.empty();
}

template <class T>
bool is_empty(const std::optional<T>& m) {
  return !m.has_value();
}

// Declared first so each overload sees the others (optional<vector<T>>...).
template <class M>
void put(boost::json::value& out, const M& m);
template <class T>
void put(boost::json::value& out, const std::optional<T>& m);
template <class T>
void put(boost::json::value& out, const std::vector<T>& xs);

template <class T>
void put(boost::json::value& out, const std::optional<T>& m) {
  if (m)
    put(out, *m);
  else
    out = nullptr;
}

template <class T>
void put(boost::json::value& out, const std::vector<T>& xs) {
  auto& arr = out.emplace_array();
  arr.reserve(xs.size());
  for (const auto& x : xs)
    put(arr.emplace_back(nullptr), x);
}

template <class M>
void put(boost::json::value& out, const M& m) {
  if constexpr (std::is_same_v<M, duration>)
    out = m.count();  // Go's JSONDuration: integer nanoseconds
  else
    boost::json::value_from(m, out);
}

/// Writes the members of `x` into `out` in table order.
template <class T, class Fields>
void encode_fields(const T& x, boost::json::object& out, const Fields& fields) {
  out.reserve(out.size() + std::tuple_size_v<Fields>);
  std::apply(
    [&](const auto&... f) {
      auto one = [&](const auto& fd) {
        const auto& m = x.*(fd.member);
        if (fd.rule == emit::omit_empty && is_empty(m))
          return;
        auto& slot = out[fd.name];
        if (fd.rule == emit::null_if_empty && is_empty(m))
          slot = nullptr;
        else
          put(slot, m);
      };
      (one(f), ...);
    },
    fields);
}

/// An object holding the members of `x`, for tag_invoke(value_from_tag).
template <class T, class Fields>
void encode_into(boost::json::value& jv, const T& x, const Fields& fields) {
  encode_fields(x, jv.emplace_object(), fields);
}

} // namespace cdc::model::json
