// The source readers: FileReader (the file system, and "builtin:" paths into the compiled-in
// catalog) and MemoryReader (an in-memory fake for tests), and the path helpers the loader
// shares (source_reader.hpp). Every failure to read is an [io] error naming the path.
#include "load/source_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "load/yaml_tree.hpp"
#include "tradeoff/catalog.hpp"

namespace tradeoff {

namespace fs = std::filesystem;

namespace loader {

bool is_builtin(std::string_view path) {
  return path.substr(0, kBuiltinPrefix.size()) == kBuiltinPrefix;
}

std::string stem_of(std::string_view name) {
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) {
      return std::string(name.substr(0, name.size() - ext.size()));
    }
  }
  return std::string(name);
}

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) {
    return is_builtin(path) ? std::string(kBuiltinPrefix) : std::string();
  }
  return path.substr(0, slash);
}

std::string join(const std::string& dir, const std::string& rel) {
  if (is_builtin(dir)) {
    std::string inner = dir.substr(kBuiltinPrefix.size());
    fs::path p = inner.empty() ? fs::path(rel) : fs::path(inner) / rel;
    return std::string(kBuiltinPrefix) + p.lexically_normal().generic_string();
  }
  if (dir.empty()) return fs::path(rel).lexically_normal().generic_string();
  return (fs::path(dir) / rel).lexically_normal().generic_string();
}

}  // namespace loader

namespace {

using loader::is_builtin;
using loader::stem_of;

[[noreturn]] void io_error(const std::string& path, std::string message) {
  fail(ErrorCode::Io, {path, 0, 0}, std::move(message));
}

const BuiltinFile* find_builtin(std::string_view path) {
  if (!is_builtin(path)) return nullptr;
  path.remove_prefix(kBuiltinPrefix.size());
  for (const auto& f : builtin_files()) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

std::vector<std::string> list_builtin(std::string_view dir) {
  std::vector<std::string> out;
  if (!is_builtin(dir)) return out;
  dir.remove_prefix(kBuiltinPrefix.size());
  std::string prefix(dir);
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  for (const auto& f : builtin_files()) {
    if (f.path.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = f.path.substr(prefix.size());
    if (rest.find('/') == std::string_view::npos) out.emplace_back(rest);
  }
  return out;
}

}  // namespace

std::string FileReader::read(const std::string& path) {
  if (auto it = cache_.find(path); it != cache_.end()) return it->second;
  if (is_builtin(path)) {
    const BuiltinFile* f = find_builtin(path);
    if (f == nullptr) io_error(path, "no such built-in file");
    return cache_.emplace(path, std::string(f->text)).first->second;
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) io_error(path, "no such file");
  if (fs::is_directory(status)) io_error(path, "is a directory, not a file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > yaml::kMaxFileBytes) {
    io_error(path, fmt::format("file is too large ({} bytes; the limit is {} MiB)", size,
                               yaml::kMaxFileBytes >> 20));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) io_error(path, "cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) io_error(path, "cannot read file");
  return cache_.emplace(path, buffer.str()).first->second;
}

bool FileReader::exists(const std::string& path) {
  if (is_builtin(path)) return find_builtin(path) != nullptr;
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool FileReader::is_directory(const std::string& path) {
  if (is_builtin(path)) return false;
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<std::string> FileReader::list(const std::string& dir) {
  if (is_builtin(dir)) return list_builtin(dir);
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (stem_of(name) != name && it->is_regular_file(ec)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string MemoryReader::read(const std::string& path) {
  if (is_builtin(path)) {
    const BuiltinFile* f = find_builtin(path);
    if (f == nullptr) io_error(path, "no such built-in file");
    return std::string(f->text);
  }
  auto it = files_.find(path);
  if (it == files_.end()) io_error(path, "no such file");
  return it->second;
}

bool MemoryReader::exists(const std::string& path) {
  if (is_builtin(path)) return find_builtin(path) != nullptr;
  return files_.count(path) > 0;
}

std::vector<std::string> MemoryReader::list(const std::string& dir) {
  if (is_builtin(dir)) return list_builtin(dir);
  std::vector<std::string> out;
  const std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, text] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = path.substr(prefix.size());
    if (rest.find('/') == std::string::npos && stem_of(rest) != rest) out.push_back(rest);
  }
  return out;
}

}  // namespace tradeoff
