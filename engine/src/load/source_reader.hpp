// Paths as the loader sees them: files on disk and "builtin:" paths into the catalog compiled
// into the binary (see tradeoff/catalog.hpp for FileReader and MemoryReader, defined beside these).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace tradeoff::loader {

/// True for "builtin:..." paths.
bool is_builtin(std::string_view path);
/// A file name without its ".yaml" or ".yml" extension (unchanged without one).
std::string stem_of(std::string_view name);
/// Directory part of a path ("" for a bare file name), keeping the builtin prefix.
std::string parent_of(const std::string& path);
/// Joins and normalises lexically, so messages show "criteria/x.yaml", not "a/../criteria/x.yaml".
std::string join(const std::string& dir, const std::string& rel);

/// The contents of the regular file at `path`, reading at most `limit` bytes, whatever size the
/// file claims. Anything else (a folder, a FIFO, a device, a broken or looping symbolic link) is
/// refused, saying what it is, before it is opened. Throws Error [io] naming the path.
std::string read_regular_file(const std::string& path, std::size_t limit);
/// The same checks, then the contents in pieces of at most `piece` bytes, handed to `sink` in
/// order, up to `limit` bytes in all.
void stream_regular_file(const std::string& path, std::size_t limit, std::size_t piece,
                         const std::function<void(std::string_view)>& sink);

}  // namespace tradeoff::loader
