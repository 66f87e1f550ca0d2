// What every replica-config type declares for JSON: the strict reader
// (model/json/reader.hpp) and Boost.JSON's value_from customisation.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "model/json/reader.hpp"

namespace cdc::model::config {

using json::status;

} // namespace cdc::model::config
