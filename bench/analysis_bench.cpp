// Benchmarks of the robustness analyses on the built-in LLM framework: weight stability (closed
// form for its weighted sum, checked with the evaluator) and input break-even points (a scan of
// every ranged input, bisected). Run a Release build on one core, e.g.
//   taskset -c 1 build/release/bench/tradeoff_bench --benchmark_filter=Analysis
#include <benchmark/benchmark.h>

#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/sensitivity.hpp"

namespace {

/// Weight stability of every criterion plus the break-even points of every input, from an
/// evaluator that has run: what `tradeoff sensitivity` computes before Monte-Carlo.
void BM_AnalysisStabilityAndBreakEvenBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  tradeoff::Evaluator ev(loaded.framework, nullptr);
  ev.run();
  for (auto _ : state) {
    auto weights = tradeoff::weight_stability(ev);
    auto inputs = tradeoff::input_break_even(ev);
    benchmark::DoNotOptimize(weights);
    benchmark::DoNotOptimize(inputs);
  }
}
BENCHMARK(BM_AnalysisStabilityAndBreakEvenBuiltin)->Unit(benchmark::kMillisecond);

/// Weight stability alone.
void BM_AnalysisWeightStabilityBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  tradeoff::Evaluator ev(loaded.framework, nullptr);
  ev.run();
  for (auto _ : state) {
    auto weights = tradeoff::weight_stability(ev);
    benchmark::DoNotOptimize(weights);
  }
}
BENCHMARK(BM_AnalysisWeightStabilityBuiltin)->Unit(benchmark::kMillisecond);

/// Input break-even points alone.
void BM_AnalysisInputBreakEvenBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  tradeoff::Evaluator ev(loaded.framework, nullptr);
  ev.run();
  for (auto _ : state) {
    auto inputs = tradeoff::input_break_even(ev);
    benchmark::DoNotOptimize(inputs);
  }
}
BENCHMARK(BM_AnalysisInputBreakEvenBuiltin)->Unit(benchmark::kMillisecond);

/// evaluate() with every option excluded (a deadline of one week): the relaxation search scans
/// and bisects each input the exclusions read, re-running the evaluation each time.
void BM_AnalysisRelaxationsBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  tradeoff::EvaluateOptions options;
  options.set = {{"deadline_weeks", "1"}};
  for (auto _ : state) {
    auto result = tradeoff::evaluate(loaded.framework, nullptr, options);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_AnalysisRelaxationsBuiltin)->Unit(benchmark::kMillisecond);

}  // namespace
