// Benchmarks of SHA-256 over a 37 MB buffer, the size of the largest input file we digest as it
// streams: the whole buffer at once (the accelerated path when the CPU has it), the portable code
// alone, and the buffer in 64 KiB pieces as a file reader would give it. Run a Release build on
// one core, filtered to Sha256, and read the bytes_per_second column.
#include <cstdint>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "support/sha256.hpp"

namespace {

constexpr size_t kBytes = 37000000;

/// CSV-like bytes: digits, commas and newlines, generated rather than read so that the benchmark
/// needs no file.
const std::string& buffer() {
  static const std::string bytes = [] {
    std::string out(kBytes, '\0');
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < out.size(); ++i) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      out[i] = i % 64 == 63 ? '\n' : (i % 8 == 7 ? ',' : static_cast<char>('0' + x % 10));
    }
    return out;
  }();
  return bytes;
}

void BM_Sha256Hex37MB(benchmark::State& state) {
  const std::string& bytes = buffer();
  state.SetLabel(tradeoff::detail::sha256_accelerated() ? "accelerated" : "portable");
  for (auto _ : state) benchmark::DoNotOptimize(tradeoff::detail::sha256_hex(bytes));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_Sha256Hex37MB)->Unit(benchmark::kMillisecond);

void BM_Sha256HexPortable37MB(benchmark::State& state) {
  const std::string& bytes = buffer();
  for (auto _ : state) benchmark::DoNotOptimize(tradeoff::detail::sha256_hex_portable(bytes));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_Sha256HexPortable37MB)->Unit(benchmark::kMillisecond);

/// The buffer in 64 KiB pieces, as a stream reader hands them over.
void BM_Sha256Stream37MB(benchmark::State& state) {
  const std::string_view bytes = buffer();
  constexpr size_t kPiece = 65536;
  for (auto _ : state) {
    tradeoff::detail::Sha256 sha;
    for (size_t at = 0; at < bytes.size(); at += kPiece) sha.update(bytes.substr(at, kPiece));
    benchmark::DoNotOptimize(sha.hex());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_Sha256Stream37MB)->Unit(benchmark::kMillisecond);

}  // namespace
