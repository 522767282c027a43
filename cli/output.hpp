// Writing results: streamed to stdout, or to the file `-o` names. A regular file is replaced
// atomically (a temporary file beside it, then a rename), so an error never leaves a half-written
// report; a FIFO or a character device is written through; an input is never written over.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace tradeoff::cli {

/// Writes a whole report to the stream it is given.
using Render = std::function<void(std::ostream&)>;

/// Streams what `render` writes to `path`; "" or "-" means stdout, whose write failures are
/// reported when the command ends (finish_standard_output). Symbolic links are followed: the
/// file at their end is replaced and they stay links. A replaced file keeps its mode (and its
/// owner where the user may set it). `inputs` are the files the command read: a path that is
/// one of them (the same device and inode, whatever its name) is refused. Throws Error [io];
/// no temporary file outlives a failure.
void write_output(const std::string& path, const Render& render,
                  const std::vector<std::string>& inputs);

}  // namespace tradeoff::cli
