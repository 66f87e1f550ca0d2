// result<T>: a value or an api_failure; the CAF-free error channel of model/.
#pragma once

#include <stdexcept>

#include <boost/system/result.hpp>

#include "model/api_error.hpp"

namespace cdc::model {

template <class T>
using result = boost::system::result<T, api_failure>;

/// Thrown only when code calls .value() on a failed result; the HTTP edge and
/// the actors check .has_value() instead.
struct api_exception : std::runtime_error {
  explicit api_exception(api_failure f)
    : std::runtime_error(full_message(f)), failure(std::move(f)) {}
  api_failure failure;
};

// Found by boost::system::result through ADL.
[[noreturn]] inline void throw_exception_from_error(const api_failure& f,
                                                    const boost::source_location&) {
  throw api_exception(f);
}

} // namespace cdc::model
