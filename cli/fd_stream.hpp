// A std::ostream over a file descriptor whose every write is checked: the first failure is
// remembered (its errno) and later output is dropped, so a renderer can stream its output and
// the caller asks once, at the end, whether all of it was written.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::cli {

/// Buffered, checked writes to `fd` (which it does not own or close).
class FdStreambuf : public std::streambuf {
 public:
  explicit FdStreambuf(int fd, std::size_t buffer_size = 1 << 16);
  FdStreambuf(const FdStreambuf&) = delete;
  FdStreambuf& operator=(const FdStreambuf&) = delete;

  /// Writes the buffered bytes; false once any write has failed.
  bool flush();
  /// errno of the first failed write, or 0.
  int error() const noexcept { return error_; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool write_all(const char* data, std::size_t size);

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

/// Writes all of `data` to `fd`, retrying short writes and EINTR; returns 0 or the errno.
int write_fd(int fd, std::string_view data);

/// strerror(error), lower case as messages are ("no space left on device").
std::string describe_errno(int error);

}  // namespace tradeoff::cli
