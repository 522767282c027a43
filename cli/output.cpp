// Output files (see output.hpp): what is at the path decides how it is written, and the
// temporary file of an atomic replacement is removed on every error, signals included.
#include "output.hpp"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "console.hpp"
#include "fd_stream.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::cli {

namespace {

constexpr int kMaxLinks = 40;  // as the kernel follows at most 40 links in one path

[[noreturn]] void fail_io(const std::string& path, const std::string& what, std::string hint = {}) {
  tradeoff::fail(ErrorCode::Io, {path, 0, 0}, what, std::move(hint));
}

enum class Kind { Missing, Regular, Directory, Fifo, CharDevice, BlockDevice, Socket };

Kind kind_of(mode_t mode) {
  if (S_ISREG(mode)) return Kind::Regular;
  if (S_ISDIR(mode)) return Kind::Directory;
  if (S_ISFIFO(mode)) return Kind::Fifo;
  if (S_ISCHR(mode)) return Kind::CharDevice;
  if (S_ISBLK(mode)) return Kind::BlockDevice;
  return Kind::Socket;
}

/// Where the output goes: the file at the end of the path's symbolic links, and what it is.
struct Target {
  std::string path;
  Kind kind = Kind::Missing;
  struct stat st {};
};

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// The name a chain of symbolic links ends at, when that name does not exist yet.
std::string end_of_links(const std::string& path) {
  std::string p = path;
  for (int hops = 0; hops < kMaxLinks; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    char buffer[PATH_MAX];
    const ssize_t n = ::readlink(p.c_str(), buffer, sizeof buffer);
    if (n <= 0 || static_cast<size_t>(n) >= sizeof buffer) return p;
    const std::string link(buffer, static_cast<size_t>(n));
    p = link[0] == '/' ? link : parent_of(p) + "/" + link;
  }
  fail_io(path, "is a symbolic link loop");
}

Target find_target(const std::string& path) {
  Target t;
  if (::stat(path.c_str(), &t.st) == 0) {
    t.kind = kind_of(t.st.st_mode);
    t.path = path;
    if (t.kind == Kind::Regular) {
      // Rename onto the file itself, so that a symbolic link to it stays a link.
      char* real = ::realpath(path.c_str(), nullptr);
      if (real == nullptr) fail_io(path, "cannot write: " + describe_errno(errno));
      t.path = real;
      std::free(real);
    }
    return t;
  }
  const int error = errno;
  if (error == ELOOP) fail_io(path, "is a symbolic link loop");
  if (error != ENOENT) fail_io(path, "cannot write: " + describe_errno(error));
  t.path = end_of_links(path);
  return t;
}

/// The input that is the same file as `target` (same device and inode), or nullptr.
const std::string* same_file(const struct stat& target, const std::vector<std::string>& inputs) {
  for (const auto& input : inputs) {
    struct stat st {};
    if (::stat(input.c_str(), &st) != 0) continue;
    if (st.st_dev == target.st_dev && st.st_ino == target.st_ino) return &input;
  }
  return nullptr;
}

/// Refuses a target that is one of the files the command read.
void refuse_inputs(const std::string& path, const Target& t,
                   const std::vector<std::string>& inputs) {
  if (t.kind == Kind::Missing) return;
  if (const std::string* input = same_file(t.st, inputs)) {
    fail_io(path, fmt::format("would overwrite the input file '{}'", *input),
            "write the output to another file");
  }
}

/// Streams `render` into `fd`; throws, naming `path`, when a write fails.
void render_to(int fd, const std::string& path, const Render& render) {
  FdStreambuf buffer(fd);
  std::ostream out(&buffer);
  render(out);
  if (!buffer.flush()) fail_io(path, "cannot write: " + describe_errno(buffer.error()));
}

/// FIFOs and character devices (/dev/null, a terminal) are written as they are.
void write_through(const std::string& path, const Render& render) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail_io(path, "cannot open for writing: " + describe_errno(errno));
  try {
    render_to(fd, path, render);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail_io(path, "cannot write: " + describe_errno(errno));
}

// The temporary file being written, for the signal handler: removed if the run is killed.
char g_temp_path[PATH_MAX];
volatile std::sig_atomic_t g_temp_active = 0;
constexpr int kCleanupSignals[] = {SIGHUP, SIGINT, SIGPIPE, SIGTERM};

extern "C" void remove_temp_and_reraise(int sig) {
  if (g_temp_active != 0) ::unlink(g_temp_path);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

/// A temporary file beside the target; removed on destruction unless renamed into place.
class TempFile {
 public:
  TempFile(const std::string& path, const std::string& target) {
    const auto slash = target.rfind('/');
    name_ = target.substr(0, slash + 1) + "." + target.substr(slash + 1) + ".tmp-XXXXXX";
    if (name_.size() >= sizeof g_temp_path) fail_io(path, "cannot write: path is too long");
    fd_ = ::mkstemp(name_.data());
    if (fd_ < 0) {
      fail_io(path, "cannot create a file in its folder: " + describe_errno(errno));
    }
    std::memcpy(g_temp_path, name_.c_str(), name_.size() + 1);
    g_temp_active = 1;
    for (size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      struct sigaction action {};
      action.sa_handler = remove_temp_and_reraise;
      ::sigaction(kCleanupSignals[i], nullptr, &previous_[i]);
      if (previous_[i].sa_handler == SIG_DFL) ::sigaction(kCleanupSignals[i], &action, nullptr);
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(name_.c_str());
    g_temp_active = 0;
    for (size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      ::sigaction(kCleanupSignals[i], &previous_[i], nullptr);
    }
  }

  int fd() const { return fd_; }
  const std::string& name() const { return name_; }
  /// Closes the file; returns 0 or the errno.
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }
  void renamed() { renamed_ = true; }

 private:
  std::string name_;
  int fd_ = -1;
  bool renamed_ = false;
  struct sigaction previous_[std::size(kCleanupSignals)]{};
};

/// A file with no write permission is left alone, even by a user (root) who could replace it.
void check_writable(const std::string& path, const Target& t) {
  if ((t.st.st_mode & 0222) == 0) fail_io(path, "cannot write: the file is read-only");
  if (::access(t.path.c_str(), W_OK) != 0) fail_io(path, "cannot write: " + describe_errno(errno));
}

/// A replaced file keeps its mode, and its owner and group as far as the user may set them;
/// a new file gets the usual 0666 less the umask (mkstemp creates it 0600).
void copy_mode(const std::string& path, int fd, const Target& t) {
  mode_t mode = 0;
  if (t.kind == Kind::Regular) {
    if ((t.st.st_uid != ::geteuid() || t.st.st_gid != ::getegid()) &&
        ::fchown(fd, t.st.st_uid, t.st.st_gid) != 0 &&
        ::fchown(fd, static_cast<uid_t>(-1), t.st.st_gid) != 0) {
      // Not permitted: the new file belongs to the user, as a file they create would.
    }
    mode = t.st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0)
    fail_io(path, "cannot set the file's mode: " + describe_errno(errno));
}

void replace_atomically(const std::string& path, const Target& t, const Render& render) {
  if (t.kind == Kind::Regular) check_writable(path, t);
  TempFile temp(path, t.path);
  render_to(temp.fd(), path, render);
  copy_mode(path, temp.fd(), t);
  // On disk before the rename, so that a crash leaves the old file or the new one, never a hole.
  if (::fsync(temp.fd()) != 0 && errno != EINVAL) {
    fail_io(path, "cannot write: " + describe_errno(errno));
  }
  if (const int error = temp.close(); error != 0) {
    fail_io(path, "cannot write: " + describe_errno(error));
  }
  if (::rename(temp.name().c_str(), t.path.c_str()) != 0) {
    fail_io(path, "cannot replace the file: " + describe_errno(errno));
  }
  temp.renamed();
}

/// `>> framework.yaml` would append the report to the framework it was computed from.
void refuse_stdout_input(const std::vector<std::string>& inputs) {
  struct stat st {};
  if (::fstat(STDOUT_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) return;
  if (const std::string* input = same_file(st, inputs)) {
    fail_io("tradeoff", fmt::format("standard output is the input file '{}'", *input),
            "write the output to another file");
  }
}

}  // namespace

void write_output(const std::string& path, const Render& render,
                  const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") {
    refuse_stdout_input(inputs);
    render(standard_output());
    standard_output().flush();
    return;
  }
  const Target t = find_target(path);
  refuse_inputs(path, t, inputs);
  switch (t.kind) {
    case Kind::Missing:
    case Kind::Regular:
      return replace_atomically(path, t, render);
    case Kind::Fifo:
    case Kind::CharDevice:
      return write_through(path, render);
    case Kind::Directory:
      fail_io(path, "is a directory, not a file");
    case Kind::BlockDevice:
      fail_io(path, "is a block device; refusing to write to it");
    case Kind::Socket:
      fail_io(path, "is a socket; refusing to write to it");
  }
}

}  // namespace tradeoff::cli
