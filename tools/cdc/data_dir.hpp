// The server's data dir at start: made when missing (0700: the store holds
// sink passwords), and checked writable with a probe file that is removed
// whatever happens.
#pragma once

#include <string>

namespace cdc::tool {

/// Creates `dir` if missing and checks that files can be written in it;
/// false with a message for the user (the path and the reason) otherwise.
bool prepare_data_dir(const std::string& dir, std::string& error);

} // namespace cdc::tool
