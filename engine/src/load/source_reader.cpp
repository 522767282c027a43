// The source readers: FileReader (the file system, and "builtin:" paths into the compiled-in
// catalog) and MemoryReader (an in-memory fake for tests), and the path helpers the loader
// shares (source_reader.hpp). Only regular files are read, never past the size limit; every
// failure to read is an [io] error naming the path and saying what is there instead.
#include "load/source_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

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

/// What a file that is not a regular file is, as a message.
std::string describe_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
  if (S_ISCHR(mode)) return "is a character device, not a regular file";
  if (S_ISBLK(mode)) return "is a block device, not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "is not a regular file";
}

std::string describe_errno(int error) {
  std::string text = std::strerror(error);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

/// Why stat() failed on `path`, which may be a symbolic link that leads nowhere.
std::string describe_missing(const std::string& path, int error) {
  struct stat st {};
  const bool is_link = ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
  if (error == ELOOP) return is_link ? "is a symbolic link loop" : "symbolic link loop in the path";
  if (error == ENOENT && is_link) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(path, ec);
    if (ec) return "is a broken symbolic link";
    return fmt::format("is a symbolic link to '{}', which does not exist", target.string());
  }
  if (error == ENOENT) return "no such file";
  if (error == ENOTDIR) return "no such file (a part of the path is not a folder)";
  return describe_errno(error);
}

std::string describe_limit(std::size_t limit) {
  if (limit % (1u << 20) == 0) return fmt::format("{} MiB", limit >> 20);
  return fmt::format("{} bytes", limit);
}

/// Streamed files (tables of scores) may be far larger than a YAML file: 4 GiB at most.
constexpr std::size_t kMaxStreamedBytes = std::size_t{4} << 30;
/// Bytes read at a time when streaming.
constexpr std::size_t kStreamPiece = std::size_t{1} << 20;

/// Closes a descriptor on every way out.
struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

namespace {

/// Opens the regular file at `path` for reading, after the checks read_regular_file() names.
int open_regular(const std::string& path, std::size_t limit, struct stat& st) {
  if (::stat(path.c_str(), &st) != 0) io_error(path, describe_missing(path, errno));
  // Refused before opening: opening a FIFO with no writer would block.
  if (!S_ISREG(st.st_mode)) io_error(path, describe_kind(st.st_mode));
  if (static_cast<std::uintmax_t>(st.st_size) > limit) {
    io_error(path, fmt::format("file is too large ({} bytes; the limit is {})", st.st_size,
                               describe_limit(limit)));
  }
  // O_NONBLOCK: should the path become a FIFO after the check, opening it does not block.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) io_error(path, "cannot open file: " + describe_errno(errno));
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    io_error(path, describe_kind(st.st_mode));
  }
  return fd;
}

}  // namespace

std::string loader::read_regular_file(const std::string& path, std::size_t limit) {
  struct stat st {};
  const Descriptor file{open_regular(path, limit, st)};
  // The size stat reports is only a hint (files grow; some report 0): cap the bytes read.
  std::string text(std::min(static_cast<std::size_t>(st.st_size), limit) + 1, '\0');
  std::size_t size = 0;
  while (true) {
    if (size == text.size()) {
      if (size > limit) {
        io_error(path,
                 fmt::format("file is too large (over the limit of {})", describe_limit(limit)));
      }
      text.resize(std::min(std::max(size * 2, std::size_t{1} << 16), limit + 1));
    }
    const ssize_t n = ::read(file.fd, text.data() + size, text.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) io_error(path, "cannot read file: " + describe_errno(errno));
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  text.resize(size);
  return text;
}

void loader::stream_regular_file(const std::string& path, std::size_t limit, std::size_t piece,
                                 const std::function<void(std::string_view)>& sink) {
  struct stat st {};
  const Descriptor file{open_regular(path, limit, st)};
  std::string buffer(piece, '\0');
  std::size_t total = 0;
  while (true) {
    const ssize_t n = ::read(file.fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) io_error(path, "cannot read file: " + describe_errno(errno));
    if (n == 0) break;
    total += static_cast<std::size_t>(n);
    if (total > limit) {
      io_error(path,
               fmt::format("file is too large (over the limit of {})", describe_limit(limit)));
    }
    sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
}

std::string FileReader::read(const std::string& path) {
  if (auto it = cache_.find(path); it != cache_.end()) return it->second;
  if (is_builtin(path)) {
    const BuiltinFile* f = find_builtin(path);
    if (f == nullptr) io_error(path, "no such built-in file");
    return cache_.emplace(path, std::string(f->text)).first->second;
  }
  return cache_.emplace(path, loader::read_regular_file(path, yaml::kMaxFileBytes)).first->second;
}

void FileReader::stream(const std::string& path,
                        const std::function<void(std::string_view)>& sink) {
  if (is_builtin(path) || cache_.count(path) != 0) {
    sink(read(path));
    return;
  }
  loader::stream_regular_file(path, kMaxStreamedBytes, kStreamPiece, sink);
}

bool FileReader::exists(const std::string& path) {
  if (is_builtin(path)) return find_builtin(path) != nullptr;
  // Anything but a folder, a broken link included: reading it then says what it is.
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return false;
  std::error_code ec;
  return !fs::is_directory(path, ec);
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

void MemoryReader::stream(const std::string& path,
                          const std::function<void(std::string_view)>& sink) {
  const auto it = files_.find(path);
  if (it == files_.end()) {
    sink(read(path));  // a built-in file, or the error
    return;
  }
  const std::string_view text = it->second;
  for (std::size_t at = 0; at < text.size(); at += kStreamPiece) {
    sink(text.substr(at, kStreamPiece));
  }
}

std::optional<std::size_t> MemoryReader::size(const std::string& path) {
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

std::optional<std::size_t> SourceReader::size(const std::string& path) {
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  return static_cast<std::size_t>(bytes);
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
