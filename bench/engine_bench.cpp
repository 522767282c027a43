// Benchmarks of the engine's hot paths. Run a Release build on one core, e.g.
//   taskset -c 0 build/release/bench/tradeoff_bench
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "methods/method.hpp"
#include "normalize.hpp"
#include "problem.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

namespace {

using tradeoff::detail::DecisionProblem;

DecisionProblem random_problem(size_t rows, size_t cols, unsigned seed) {
  DecisionProblem p;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> value(1.0, 100.0);
  for (size_t j = 0; j < cols; ++j) {
    tradeoff::detail::Column c;
    c.id = "c" + std::to_string(j);
    c.direction = j % 3 == 0 ? tradeoff::Direction::Cost : tradeoff::Direction::Benefit;
    p.criteria.push_back(c);
    p.weights.push_back(1.0 / static_cast<double>(cols));
  }
  for (size_t i = 0; i < rows; ++i) p.options.push_back("a" + std::to_string(i));
  p.values.resize(rows * cols);
  for (auto& v : p.values) v = value(rng);
  return p;
}

/// Loading (YAML parse, catalog `use:` resolution, validation) plus evaluation of the
/// built-in LLM framework, in-process.
void BM_LoadAndEvaluateBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    tradeoff::MemoryReader reader;
    const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
    auto result = tradeoff::evaluate(loaded.framework, nullptr);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_LoadAndEvaluateBuiltin)->Unit(benchmark::kMillisecond);

/// The weighted sum itself on an already normalised 100,000 x 20 matrix.
void BM_WeightedSum(benchmark::State& state) {
  const auto rows = static_cast<size_t>(state.range(0));
  const auto p = random_problem(rows, 20, 1);
  const auto normalized = tradeoff::detail::normalize(p, tradeoff::Normalization::MinMax);
  for (auto _ : state) {
    auto scores = tradeoff::detail::wsm_scores(normalized, p.weights, rows);
    benchmark::DoNotOptimize(scores.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_WeightedSum)->Arg(100000)->Unit(benchmark::kMillisecond);

/// Min-max normalisation plus the weighted sum, from raw values.
void BM_NormalizeAndWeightedSum(benchmark::State& state) {
  const auto rows = static_cast<size_t>(state.range(0));
  const auto p = random_problem(rows, 20, 2);
  for (auto _ : state) {
    const auto normalized = tradeoff::detail::normalize(p, tradeoff::Normalization::MinMax);
    auto scores = tradeoff::detail::wsm_scores(normalized, p.weights, rows);
    benchmark::DoNotOptimize(scores.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_NormalizeAndWeightedSum)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
