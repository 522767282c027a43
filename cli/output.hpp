// Writing results: to stdout, or atomically to a file (temporary file, then rename), so an
// error never leaves a half-written report behind.
#pragma once

#include <string>

namespace tradeoff::cli {

/// Writes `content` to `path` ("" or "-" = stdout). Throws tradeoff::Error [io] on failure.
void write_output(const std::string& path, const std::string& content);

}  // namespace tradeoff::cli
