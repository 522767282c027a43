// Atomic output files.
#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tradeoff/error.hpp"

namespace tradeoff::cli {

namespace {
[[noreturn]] void fail(const std::string& path, const std::string& what) {
  tradeoff::fail(ErrorCode::Io, {path, 0, 0}, what);
}
}  // namespace

void write_output(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return;
  }
  const std::filesystem::path target(path);
  std::error_code ec;
  if (std::filesystem::is_directory(target, ec)) fail(path, "is a directory");
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) fail(path, fmt::format("cannot create a file here: {}", std::strerror(errno)));
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(pattern.c_str());
      fail(path, "cannot write: " + why);
    }
    written += static_cast<size_t>(n);
  }
  // Files are created 0600 by mkstemp; give them the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));
  if (::close(fd) != 0) {
    ::unlink(pattern.c_str());
    fail(path, fmt::format("cannot write: {}", std::strerror(errno)));
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(pattern.c_str());
    fail(path, "cannot replace the file: " + why);
  }
}

}  // namespace tradeoff::cli
