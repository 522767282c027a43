// Checked standard streams (see console.hpp).
#include "console.hpp"

#include <cerrno>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "fd_stream.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::cli {

namespace {

FdStreambuf& stdout_buffer() {
  static FdStreambuf buffer(STDOUT_FILENO);
  return buffer;
}

/// Set once a write to stderr has failed: later diagnostics are not even tried.
bool stderr_failed = false;

}  // namespace

void guard_standard_descriptors() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // open() returns the lowest free descriptor, which is `fd`; read-only, so writes still fail.
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0 && null_fd != fd) ::close(null_fd);
  }
}

std::ostream& standard_output() {
  static std::ostream stream(&stdout_buffer());
  return stream;
}

void write_to(std::FILE* stream, std::string_view text) {
  if (stream == stdout) {
    standard_output() << text;
    return;
  }
  stdout_buffer().flush();
  if (stderr_failed) return;
  stderr_failed = write_fd(STDERR_FILENO, text) != 0;
}

int standard_output_error() { return stdout_buffer().error(); }

int finish_standard_output(int code) {
  standard_output().flush();
  int error = stdout_buffer().error();
  // close() reports what some file systems only learn late; a descriptor never opened is fine.
  if (::close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR && error == 0) {
    error = errno;
  }
  if (error == 0) return code;
  if (error != EPIPE) {
    print_diagnostics(
        stderr, {make_diagnostic(ErrorCode::Io, {"tradeoff", 0, 0},
                                 "cannot write to standard output: " + describe_errno(error))});
  }
  return code != kExitOk ? code : kExitInputError;
}

}  // namespace tradeoff::cli
