// Where file:// sinks may write: a server-wide allow-list of directories, so
// a client cannot make the server write wherever its user can (TiCDC has no
// such list; `cdc server --sink-file-allowed-dirs` sets ours).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace cdc::model::sink {

/// Checks the directory of a file:// sink (`dir`: the URI's host and path)
/// against `allowed` (absolute directories). The directory must be absolute,
/// have no ".." component, and be one of `allowed` or lie below one, compared
/// on lexically normal paths. Anything else is 400 CDC:ErrSinkURIInvalid
/// naming the sink `uri`, the allowed directories and the flag that widens
/// them. Returns the normal form of `dir`.
result<std::filesystem::path> check_file_sink_dir(std::string_view uri, std::string_view dir,
                                                  std::span<const std::filesystem::path> allowed);

} // namespace cdc::model::sink
