// SHA-256 against the FIPS 180-4 example messages, lengths around the padding boundary, the same
// messages fed in pieces, and the accelerated compression held to the portable one.
#include "support/sha256.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

using tradeoff::detail::Sha256;
using tradeoff::detail::sha256_accelerated;
using tradeoff::detail::sha256_hex;
using tradeoff::detail::sha256_hex_portable;

namespace {

/// The example messages of FIPS 180-4 (one block, two blocks after padding, 896 bits, a million
/// bytes) with their published digests.
std::vector<std::pair<std::string, std::string>> fips_vectors() {
  return {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmn"
       "opqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
}

/// 100,003 bytes that vary from block to block, (7 i) mod 251, so that a wrong word order or
/// schedule in a multi-block path cannot hide behind a message of one repeated byte.
std::string pattern() {
  std::string out(100003, '\0');
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>((i * 7) % 251);
  return out;
}
const char* const kPatternDigest =
    "adb88f7b4c6997396951be8cdb7c8d21e6f6640578db1dd56f8361306bab51f0";

/// The digest of `bytes` given to a Sha256 in pieces of `piece` bytes (the last one shorter).
std::string in_pieces(const std::string& bytes, size_t piece) {
  Sha256 sha;
  for (size_t at = 0; at < bytes.size(); at += piece) {
    sha.update(std::string_view(bytes).substr(at, piece));
  }
  return sha.hex();
}

}  // namespace

TEST_CASE("SHA-256 of the FIPS 180-4 example messages", "[sha256]") {
  for (const auto& [message, digest] : fips_vectors()) {
    INFO("message of " << message.size() << " bytes");
    CHECK(sha256_hex(message) == digest);
    CHECK(sha256_hex_portable(message) == digest);
  }
}

TEST_CASE("SHA-256 around the padding boundary of 55, 56 and 64 bytes", "[sha256]") {
  CHECK(sha256_hex(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) ==
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(sha256_hex(std::string("\0\xff", 2)) ==
        "06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8");
}

TEST_CASE("SHA-256 of a message that varies from block to block", "[sha256]") {
  const std::string bytes = pattern();
  CHECK(sha256_hex(bytes) == kPatternDigest);
  CHECK(sha256_hex_portable(bytes) == kPatternDigest);
  CHECK(in_pieces(bytes, 4096) == kPatternDigest);
}

TEST_CASE("SHA-256 of the FIPS 180-4 messages fed in pieces of 1 to 130 bytes", "[sha256]") {
  // Every piece size up to two blocks and a bit: pieces that end inside, at and across block
  // boundaries, and pieces that fill a partial block and run on into whole ones.
  for (const auto& [message, digest] : fips_vectors()) {
    for (size_t piece = 1; piece <= 130; ++piece) {
      INFO("message of " << message.size() << " bytes in pieces of " << piece);
      CHECK(in_pieces(message, piece) == digest);
    }
  }
}

TEST_CASE("SHA-256 ignores empty pieces", "[sha256]") {
  Sha256 sha;
  sha.update("");
  sha.update("a");
  sha.update("");
  sha.update("bc");
  sha.update(std::string_view());
  CHECK(sha.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("SHA-256: the accelerated and the portable compression agree", "[sha256]") {
  // On a CPU without the SHA instructions both sides run the portable code; the digests are still
  // checked, but the comparison then proves nothing about the accelerated path.
  INFO("accelerated: " << (sha256_accelerated() ? "yes" : "no"));
  std::mt19937_64 rng(20240601);
  std::uniform_int_distribution<size_t> length(0, 5000);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> piece(1, 300);
  for (int round = 0; round < 300; ++round) {
    std::string bytes(length(rng), '\0');
    std::generate(bytes.begin(), bytes.end(), [&] { return static_cast<char>(byte(rng)); });
    const std::string expected = sha256_hex_portable(bytes);
    INFO("message of " << bytes.size() << " bytes");
    REQUIRE(expected.size() == 64);
    CHECK(sha256_hex(bytes) == expected);

    // The same bytes streamed in pieces of random sizes.
    Sha256 sha;
    for (size_t at = 0; at < bytes.size();) {
      const size_t n = std::min(piece(rng), bytes.size() - at);
      sha.update(std::string_view(bytes).substr(at, n));
      at += n;
    }
    CHECK(sha.hex() == expected);
  }
}
