// Moving API errors across actors: model::api_failure <-> caf::error.
#pragma once

#include <caf/error.hpp>

#include "actors/messages.hpp"
#include "model/api_error.hpp"

namespace cdc::actors {

/// A caf::error of category "cdc" carrying the failure's kind and message.
caf::error to_error(const model::api_failure& failure);
caf::error to_error(model::api_error kind, std::initializer_list<std::string_view> args = {});

/// The API failure a caf::error stands for: our own category maps back
/// exactly; CAF's timeouts and dead receivers become TiCDC-style 500s.
model::api_failure to_failure(const caf::error& err);

/// How a failed meta store request answers the API: the store's own
/// failures as they are (ErrMetaStoreFailed, ErrPDEtcdAPIError for a failed
/// etcd call, ErrNotOwner); anything else (a timeout) wrapped in
/// ErrMetaStoreFailed.
caf::error meta_store_error(const caf::error& err);

} // namespace cdc::actors
