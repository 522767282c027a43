// SHA-256 (FIPS 180-4) of a byte string, for the provenance of every output: the digest of the
// exact bytes loaded tells two copies of a framework with the same id and version apart. Large
// inputs are hashed as they stream, so the digest costs no second pass and no second copy.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tradeoff::detail {

/// SHA-256 over bytes given in pieces (a file as it streams).
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  /// The digest as 64 lowercase hexadecimal digits; the object is then spent (construct a new one
  /// to hash again).
  std::string hex();

 private:
  std::array<uint32_t, 8> h_;
  std::array<unsigned char, 64> block_;  // a partial block
  size_t filled_ = 0;
  uint64_t length_ = 0;  // bytes so far
};

/// The digest as 64 lowercase hexadecimal digits.
std::string sha256_hex(std::string_view bytes);

/// For tests and benchmarks: the digest computed by the portable code alone, whatever the CPU
/// offers, to hold the accelerated path to it.
std::string sha256_hex_portable(std::string_view bytes);

/// For tests and benchmarks: whether this CPU runs the accelerated path.
bool sha256_accelerated();

}  // namespace tradeoff::detail
