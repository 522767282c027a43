// SHA-256 after FIPS 180-4, section 6.2: one pass over 64-byte blocks, the message padded with
// a 1 bit, zeros and its length in bits. Blocks are compressed many at a time, by the x86-64 SHA
// instructions when the CPU has them (several times faster) and by portable code otherwise.
#include "support/sha256.hpp"

#include <algorithm>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace tradeoff::detail {

namespace {

using State = std::array<uint32_t, 8>;
using CompressFn = void (*)(State&, const unsigned char*, size_t);

constexpr State kInitial = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

// 16-byte aligned so that the accelerated path may read four constants at a time.
alignas(16) constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

/// Folds one 64-byte block into the state.
void compress(State& h, const unsigned char* block) {
  std::array<uint32_t, 64> w{};
  for (size_t t = 0; t < 16; ++t) {
    w[t] = static_cast<uint32_t>(block[4 * t]) << 24 |
           static_cast<uint32_t>(block[4 * t + 1]) << 16 |
           static_cast<uint32_t>(block[4 * t + 2]) << 8 | static_cast<uint32_t>(block[4 * t + 3]);
  }
  for (size_t t = 16; t < 64; ++t) {
    const uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
    const uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (size_t t = 0; t < 64; ++t) {
    const uint32_t t1 =
        k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[t] + w[t];
    const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += k;
}

void compress_blocks_portable(State& h, const unsigned char* data, size_t nblocks) {
  for (size_t i = 0; i < nblocks; ++i) compress(h, data + 64 * i);
}

#if defined(__x86_64__)

/// The SHA instructions keep the state as two vectors, ABEF and CDGH (A in the highest lane),
/// and take the message words big-endian. Each sha256rnds2 does two rounds; the schedule is
/// extended four words at a time by sha256msg1 and sha256msg2 in a ring of four vectors.
__attribute__((target("sha,sse4.1,ssse3"))) void compress_blocks_shani(State& h,
                                                                       const unsigned char* data,
                                                                       size_t nblocks) {
  // Reverses the bytes of each 32-bit word: the message is big-endian, the lanes little-endian.
  const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0b, 0x0405060700010203);
  const __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h.data()));
  const __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h.data() + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

  for (size_t block = 0; block < nblocks; ++block, data += 64) {
    const __m128i abef_before = abef;
    const __m128i cdgh_before = cdgh;
    // A plain array: std::array would drop the vector type's alignment attribute.
    __m128i m[4] = {};
    // Sixteen groups of four rounds; unrolled so that the ring of vectors stays in registers.
#pragma GCC unroll 16
    for (size_t g = 0; g < 16; ++g) {
      __m128i& cur = m[g % 4];
      if (g < 4) {
        const auto* at = reinterpret_cast<const __m128i*>(data + 16 * g);
        cur = _mm_shuffle_epi8(_mm_loadu_si128(at), swap);
      }
      __m128i wk = _mm_add_epi32(
          cur, _mm_load_si128(reinterpret_cast<const __m128i*>(kRound.data() + 4 * g)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
      if (g >= 3 && g < 15) {
        // Completes the words of the next group, begun by sha256msg1 two groups ago.
        __m128i& next = m[(g + 1) % 4];
        next = _mm_add_epi32(next, _mm_alignr_epi8(cur, m[(g + 3) % 4], 4));
        next = _mm_sha256msg2_epu32(next, cur);
      }
      wk = _mm_shuffle_epi32(wk, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
      if (g >= 1 && g < 13) {
        // Begins the words of the group three ahead, in the slot the previous group used.
        __m128i& previous = m[(g + 3) % 4];
        previous = _mm_sha256msg1_epu32(previous, cur);
      }
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }

  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h.data()), _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h.data() + 4), _mm_alignr_epi8(dchg, feba, 8));
}

/// SHA (leaf 7, EBX bit 29) with the SSSE3 and SSE4.1 it is used with (leaf 1, ECX bits 9, 19).
/// Read from CPUID directly, because not every supported compiler accepts "sha" as a feature
/// name for its built-in CPU test.
bool cpu_has_sha() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0) return false;
  const bool ssse3 = ((c >> 9) & 1U) != 0;
  const bool sse41 = ((c >> 19) & 1U) != 0;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) return false;
  return ssse3 && sse41 && ((b >> 29) & 1U) != 0;
}

#endif

/// The compression for this CPU, chosen once on first use (also safe from static initializers
/// of other files, which may hash before main).
CompressFn chosen() {
#if defined(__x86_64__)
  static const CompressFn fn = cpu_has_sha() ? compress_blocks_shani : compress_blocks_portable;
#else
  static const CompressFn fn = compress_blocks_portable;
#endif
  return fn;
}

void compress_blocks(State& h, const unsigned char* data, size_t nblocks) {
  chosen()(h, data, nblocks);
}

/// The final one or two blocks: the bytes after the last whole block, 0x80, zeros, and the
/// message length in bits, big-endian. Returns how many blocks of `tail` are used.
size_t pad(const unsigned char* rest, size_t count, uint64_t length,
           std::array<unsigned char, 128>& tail) {
  tail.fill(0);
  std::copy(rest, rest + count, tail.begin());
  tail[count] = 0x80;
  const size_t blocks = count + 9 <= 64 ? 1 : 2;
  const uint64_t bits = length * 8;
  for (size_t k = 0; k < 8; ++k) {
    tail[blocks * 64 - 1 - k] = static_cast<unsigned char>(bits >> (8 * k));
  }
  return blocks;
}

std::string to_hex(const State& h) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint32_t word : h) {
    for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(word >> shift) & 0xf];
  }
  return out;
}

}  // namespace

Sha256::Sha256() : h_(kInitial), block_{} {}

void Sha256::update(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t size = bytes.size();
  length_ += size;
  if (filled_ > 0) {
    const size_t take = std::min(size, block_.size() - filled_);
    std::copy(data, data + take, block_.begin() + static_cast<std::ptrdiff_t>(filled_));
    filled_ += take;
    data += take;
    size -= take;
    if (filled_ < block_.size()) return;
    compress_blocks(h_, block_.data(), 1);
    filled_ = 0;
  }
  // Whole blocks straight from the caller's bytes: no copy for the bulk of a stream.
  const size_t nblocks = size / 64;
  if (nblocks > 0) compress_blocks(h_, data, nblocks);
  filled_ = size - nblocks * 64;
  std::copy(data + nblocks * 64, data + size, block_.begin());
}

std::string Sha256::hex() {
  std::array<unsigned char, 128> tail{};
  const size_t blocks = pad(block_.data(), filled_, length_, tail);
  compress_blocks(h_, tail.data(), blocks);
  return to_hex(h_);
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 sha;
  sha.update(bytes);
  return sha.hex();
}

std::string sha256_hex_portable(std::string_view bytes) {
  State h = kInitial;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t nblocks = bytes.size() / 64;
  compress_blocks_portable(h, data, nblocks);
  std::array<unsigned char, 128> tail{};
  const size_t blocks = pad(data + nblocks * 64, bytes.size() - nblocks * 64, bytes.size(), tail);
  compress_blocks_portable(h, tail.data(), blocks);
  return to_hex(h);
}

bool sha256_accelerated() { return chosen() != compress_blocks_portable; }

}  // namespace tradeoff::detail
