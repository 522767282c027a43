// Paths as the loader sees them: files on disk and "builtin:" paths into the catalog compiled
// into the binary (see tradeoff/catalog.hpp for FileReader and MemoryReader, defined beside these).
#pragma once

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

}  // namespace tradeoff::loader
