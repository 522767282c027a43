// SHA-256 (FIPS 180-4) of a byte string, for the provenance of every output: the digest of the
// exact bytes loaded tells two copies of a framework with the same id and version apart.
#pragma once

#include <string>
#include <string_view>

namespace tradeoff::detail {

/// The digest as 64 lowercase hexadecimal digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace tradeoff::detail
