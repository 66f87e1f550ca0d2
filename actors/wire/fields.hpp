// Inspection of the standard-library shapes CAF 0.17 does not serialize by
// itself: std::optional, std::shared_ptr<const T>, std::variant, system_clock
// time points (as integer nanoseconds) and enums (range-checked on load).
// Each helper wraps a reference to a member and is passed to the inspector in
// its place:
//
//   return f(caf::meta::type_name("x"), x.id, wire::nullable(x.error), wire::nanos(x.time));
//
// Loading never throws: a value no sender could have written (an unknown
// enum value or variant index) is a caf::error, as a truncated buffer is.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include <caf/error.hpp>
#include <caf/meta/load_callback.hpp>
#include <caf/sec.hpp>

namespace cdc::actors::wire {

/// What a deserializer answers for a value that breaks the protocol.
inline caf::error invalid(std::string what) {
  return caf::make_error(caf::sec::invalid_argument, std::move(what));
}

// -- adapters: what to inspect in place of a value ------------------------------

/// The value itself.
struct as_is_t {
  template <class T>
  T& operator()(T& x) const {
    return x;
  }
};
inline constexpr as_is_t as_is{};

/// A time point as nanoseconds since the epoch: the same on every node,
/// whatever its system_clock's tick.
struct nanos_ref {
  std::chrono::system_clock::time_point& t;
};

inline nanos_ref nanos(std::chrono::system_clock::time_point& t) {
  return {t};
}

struct as_nanos_t {
  nanos_ref operator()(std::chrono::system_clock::time_point& t) const { return {t}; }
};
inline constexpr as_nanos_t as_nanos{};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, nanos_ref& x) {
  using namespace std::chrono;
  if constexpr (Inspector::writes_state) {
    std::int64_t ns = 0;
    return f(ns, caf::meta::load_callback([&]() -> caf::error {
               x.t = system_clock::time_point{duration_cast<system_clock::duration>(nanoseconds{ns})};
               return caf::none;
             }));
  } else {
    std::int64_t ns = duration_cast<nanoseconds>(x.t.time_since_epoch()).count();
    return f(ns);
  }
}

// -- enums --------------------------------------------------------------------

/// An enum whose values run from 0 to `last`, written as its underlying type.
template <class E>
struct enum_ref {
  E& x;
  E last;
};

template <class E>
enum_ref<E> enum_upto(E& x, E last) {
  return {x, last};
}

template <class Inspector, class E>
typename Inspector::result_type inspect(Inspector& f, enum_ref<E>& e) {
  using raw_t = std::underlying_type_t<E>;
  if constexpr (Inspector::writes_state) {
    raw_t raw = 0;
    return f(raw, caf::meta::load_callback([&]() -> caf::error {
               if (raw > static_cast<raw_t>(e.last))
                 return invalid("enum value out of range: " + std::to_string(raw));
               e.x = static_cast<E>(raw);
               return caf::none;
             }));
  } else {
    // The enum itself: CAF writes its underlying type, and a printing
    // inspector finds its to_string.
    return f(e.x);
  }
}

// -- optional and shared values -------------------------------------------------

template <class Ptr>
struct nullable_traits;

template <class T>
struct nullable_traits<std::optional<T>> {
  using value_type = T;
  static void assign(std::optional<T>& x, T&& v) { x = std::move(v); }
};

/// Shared and immutable (a feed's info, its replica config): the receiver
/// gets a pointer of its own to an equal value.
template <class T>
struct nullable_traits<std::shared_ptr<const T>> {
  using value_type = T;
  static void assign(std::shared_ptr<const T>& x, T&& v) { x = std::make_shared<const T>(std::move(v)); }
};

/// std::optional<T> or std::shared_ptr<const T>: a presence flag, then the
/// value (through `adapt`) when present. Null round-trips as null.
template <class Ptr, class Adapt>
struct nullable_ref {
  Ptr& x;
  Adapt adapt;
};

template <class Ptr, class Adapt = as_is_t>
nullable_ref<Ptr, Adapt> nullable(Ptr& x, Adapt adapt = {}) {
  return {x, adapt};
}

/// The value slot of a nullable being loaded, read only if the flag before
/// it said present.
template <class T, class Adapt>
struct present_slot {
  const bool& present;
  T& value;
  const Adapt& adapt;
};

template <class Inspector, class T, class Adapt>
typename Inspector::result_type inspect(Inspector& f, present_slot<T, Adapt>& s) {
  return s.present ? f(s.adapt(s.value)) : f();
}

template <class Inspector, class Ptr, class Adapt>
typename Inspector::result_type inspect(Inspector& f, nullable_ref<Ptr, Adapt>& n) {
  using traits = nullable_traits<Ptr>;
  using value_type = typename traits::value_type;
  if constexpr (Inspector::writes_state) {
    bool present = false;
    value_type value{};
    present_slot<value_type, Adapt> slot{present, value, n.adapt};
    return f(present, slot, caf::meta::load_callback([&]() -> caf::error {
               if (present)
                 traits::assign(n.x, std::move(value));
               else
                 n.x = Ptr{};
               return caf::none;
             }));
  } else {
    bool present = static_cast<bool>(n.x);
    if (!present)
      return f(present);
    // A saving inspector only reads the value.
    return f(present, n.adapt(const_cast<value_type&>(*n.x)));
  }
}

// -- variants -------------------------------------------------------------------

/// A std::variant as the index of its alternative (one byte), then the
/// alternative; each alternative needs an inspect of its own.
template <class... Ts>
struct variant_ref {
  std::variant<Ts...>& x;
};

template <class... Ts>
variant_ref<Ts...> variant_of(std::variant<Ts...>& x) {
  return {x};
}

/// The alternative of a variant being loaded, chosen by the index before it.
template <class... Ts>
struct alternative_slot {
  const std::uint8_t& index;
  std::variant<Ts...>& x;
};

template <class Inspector, class... Ts, std::size_t... I>
caf::error load_alternative(Inspector& f, alternative_slot<Ts...>& s, std::index_sequence<I...>) {
  caf::error err = invalid("unknown variant alternative " + std::to_string(s.index));
  (void)((s.index == I && (err = f(s.x.template emplace<I>()), true)) || ...);
  return err;
}

template <class Inspector, class... Ts>
requires Inspector::writes_state typename Inspector::result_type inspect(Inspector& f, alternative_slot<Ts...>& s) {
  return load_alternative(f, s, std::index_sequence_for<Ts...>{});
}

template <class Inspector, class... Ts>
typename Inspector::result_type inspect(Inspector& f, variant_ref<Ts...>& v) {
  static_assert(sizeof...(Ts) <= 256, "the index is one byte");
  if constexpr (Inspector::writes_state) {
    std::uint8_t index = 0;
    alternative_slot<Ts...> slot{index, v.x};
    return f(index, slot);
  } else {
    auto index = static_cast<std::uint8_t>(v.x.index());
    return std::visit([&](auto& alt) { return f(index, alt); }, v.x);
  }
}

} // namespace cdc::actors::wire
