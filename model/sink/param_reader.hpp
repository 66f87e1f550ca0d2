// Reads sink parameters the way TiCDC binds them (URI query first, then the
// replica config's sink section) and turns Go parse errors into the sink
// class's API error, "<template>: <Go error>" as TiCDC's WrapError prints.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/sink/go_url.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model::sink {

class param_reader {
public:
  /// How an empty value reads: gin's binding turns "" into 0/false, code that
  /// uses Values.Get treats "" as absent.
  enum class empty_value { zero, absent };

  param_reader(const sink_uri& uri, const query_params& config, api_error kind)
    : uri_(uri), config_(config), kind_(kind) {}

  /// The URI's first value for `key`, else the config's, else nullopt.
  std::optional<std::string_view> get(std::string_view key) const;

  /// A signed integer of `bits` bits (strconv.ParseInt, or strconv.Atoi).
  result<std::optional<std::int64_t>> integer(std::string_view key, int bits = 64,
                                              empty_value empty = empty_value::zero,
                                              std::string_view func = "strconv.ParseInt") const;

  /// strconv.ParseBool.
  result<std::optional<bool>> boolean(std::string_view key) const;

  /// time.ParseDuration; "" counts as absent, as in TiCDC's sinks.
  result<std::optional<std::chrono::nanoseconds>> duration(std::string_view key) const;

  /// The class's error wrapping `cause`: "<catalog template>: <cause>".
  api_failure wrap(std::string_view cause) const;

  /// The class's error with a message of its own (TiCDC's GenWithStack).
  api_failure fail_own(std::string message) const { return fail_with(kind_, std::move(message)); }

private:
  const sink_uri& uri_;
  const query_params& config_;
  api_error kind_;
};

} // namespace cdc::model::sink
