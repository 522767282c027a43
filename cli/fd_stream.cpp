// Checked writes to file descriptors (see fd_stream.hpp).
#include "fd_stream.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>

#include <unistd.h>

namespace tradeoff::cli {

int write_fd(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;  // no progress and no error: give up rather than spin
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

std::string describe_errno(int error) {
  std::string text = std::strerror(error);
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      !std::isupper(static_cast<unsigned char>(text[1]))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

FdStreambuf::FdStreambuf(int fd, std::size_t buffer_size) : fd_(fd), buffer_(buffer_size) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool FdStreambuf::write_all(const char* data, std::size_t size) {
  if (error_ != 0) return false;
  error_ = write_fd(fd_, std::string_view(data, size));
  return error_ == 0;
}

bool FdStreambuf::flush() {
  const std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  if (pending == 0) return error_ == 0;
  return write_all(buffer_.data(), pending);
}

FdStreambuf::int_type FdStreambuf::overflow(int_type ch) {
  if (!flush()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize FdStreambuf::xsputn(const char* s, std::streamsize n) {
  if (error_ != 0) return 0;
  const std::size_t size = static_cast<std::size_t>(n);
  const std::size_t room = static_cast<std::size_t>(epptr() - pptr());
  if (size <= room) {
    traits_type::copy(pptr(), s, size);
    pbump(static_cast<int>(n));
    return n;
  }
  // Larger than what is left: send the buffer, then the block itself without copying it.
  if (!flush()) return 0;
  if (size < buffer_.size()) {
    traits_type::copy(pptr(), s, size);
    pbump(static_cast<int>(n));
    return n;
  }
  return write_all(s, size) ? n : 0;
}

int FdStreambuf::sync() { return flush() ? 0 : -1; }

}  // namespace tradeoff::cli
