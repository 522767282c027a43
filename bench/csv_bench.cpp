// Benchmarks of tables of scores (`scores_from:`): reading a generated table of 100,000 options
// x 20 criteria (about 37 MB, the shape bench/gen_scores.py writes) streamed in 1 MiB pieces,
// and loading and ranking a framework that takes its scores from it under TOPSIS, all in memory.
// The whole-process figure (time and peak memory of `tradeoff evaluate` on the file on disk) is
// measured with bench/gen_scores.py and /usr/bin/time (see the README's benchmark table).
#include <random>
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "load/score_table.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

namespace {

constexpr size_t kCriteria = 20;

/// A table of `rows` options with every score a double in [0, 1000) written with all its
/// digits; the same rows, the same bytes.
std::string generated_table(size_t rows) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> score(0, 1000);
  std::string text = "option";
  for (size_t j = 0; j < kCriteria; ++j) text += fmt::format(",c{:02d}", j + 1);
  text += '\n';
  for (size_t i = 0; i < rows; ++i) {
    text += fmt::format("opt_{:06d}", i + 1);
    for (size_t j = 0; j < kCriteria; ++j) text += fmt::format(",{}", score(rng));
    text += '\n';
  }
  return text;
}

std::string generated_framework() {
  std::string y =
      "framework: generated_table\nscores_from: scores.csv\nmethod: {name: topsis}\n"
      "criteria:\n";
  for (size_t j = 0; j < kCriteria; ++j) {
    y += fmt::format("  - {{id: c{:02d}, name: C{}, direction: {}, weight: {}}}\n", j + 1, j + 1,
                     j % 3 == 2 ? "cost" : "benefit", j + 1);
  }
  return y;
}

const std::string& table_text(size_t rows) {
  static const std::string small = generated_table(10000);
  static const std::string large = generated_table(100000);
  return rows == 10000 ? small : large;
}

/// Streams `text` in 1 MiB pieces, as a file on disk streams.
void stream(const std::string& text, const std::function<void(std::string_view)>& sink) {
  constexpr size_t kPiece = size_t{1} << 20;
  for (size_t at = 0; at < text.size(); at += kPiece) {
    sink(std::string_view(text).substr(at, kPiece));
  }
}

void BM_ReadScoreTable(benchmark::State& state) {
  const std::string& text = table_text(static_cast<size_t>(state.range(0)));
  tradeoff::Framework fw;
  fw.id = "generated_table";
  for (size_t j = 0; j < kCriteria; ++j) {
    fw.criteria.emplace_back();
    fw.criteria.back().id = fmt::format("c{:02d}", j + 1);
  }
  tradeoff::loader::TableSpec spec;
  spec.file = "scores.csv";
  spec.framework = &fw;
  spec.size_hint = text.size();
  // Split on a second thread (2), or all on this one (1).
  spec.second_thread_from = state.range(1) == 2 ? 0 : static_cast<size_t>(-1);
  for (auto _ : state) {
    tradeoff::DiagnosticSink sink;
    std::string digest;
    auto table = tradeoff::loader::read_score_table(
        spec, [&](const auto& sink_piece) { stream(text, sink_piece); }, sink, &digest);
    benchmark::DoNotOptimize(table.values.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ReadScoreTable)
    ->Args({10000, 1})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond);

void BM_EvaluateTableTopsis(benchmark::State& state) {
  const std::string& text = table_text(static_cast<size_t>(state.range(0)));
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", generated_framework());
  reader.add("scores.csv", text);
  for (auto _ : state) {
    const tradeoff::Loaded loaded = tradeoff::load(reader, "f.yaml");
    const tradeoff::Result result = tradeoff::evaluate(loaded.framework, nullptr);
    benchmark::DoNotOptimize(result.ranking.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluateTableTopsis)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
