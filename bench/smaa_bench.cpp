// Benchmarks of Monte-Carlo acceptability analysis (SMAA-2): the weighted sum's matrix path
// with only the weights uncertain, and the whole pipeline of the built-in framework with five
// uncertain inputs. Run a Release build; the argument is the number of threads, e.g.
//   taskset -c 1 build/release/bench/tradeoff_bench --benchmark_filter=Smaa   (one core)
//   build/release/bench/tradeoff_bench --benchmark_filter=Smaa                (every core)
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include "support/random.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/sensitivity.hpp"

namespace {

/// 10 options x 8 criteria of plain numbers on a declared scale, weights 1 to 8, under the
/// weighted sum: SMAA draws Dirichlet weights (concentration 100) and ranks.
std::string matrix_10x8() {
  std::string yaml = "framework: bench\ntitle: Bench\ncriteria:\n";
  for (int j = 0; j < 8; ++j) {
    yaml += "  - {id: c" + std::to_string(j) + ", direction: " + (j % 3 == 0 ? "cost" : "benefit") +
            ", scale: [0, 100], weight: " + std::to_string(j + 1) + "}\n";
  }
  yaml += "options:\n";
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> value(0, 100);
  for (int i = 0; i < 10; ++i) {
    yaml += "  - {id: o" + std::to_string(i) + ", scores: {";
    for (int j = 0; j < 8; ++j) {
      yaml += (j > 0 ? ", c" : "c") + std::to_string(j) + ": " + std::to_string(value(rng));
    }
    yaml += "}}\n";
  }
  return yaml + "method: {name: wsm}\n";
}

/// 1,000,000 samples of the weights of a 10 x 8 weighted sum.
void BM_SmaaWeights10x8(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  reader.add("bench.yaml", matrix_10x8());
  const auto loaded = tradeoff::load(reader, "bench.yaml");
  tradeoff::SmaaOptions options;
  options.samples = 1000000;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto s = tradeoff::smaa(loaded.framework, nullptr, {}, options);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(options.samples));
}
BENCHMARK(BM_SmaaWeights10x8)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

/// 100,000 samples of the built-in LLM framework through the whole pipeline: five inputs as
/// ranges and a triangle, and the weights at the default concentration.
void BM_SmaaBuiltinInputs(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  reader.add("bench.yaml", R"(assessment: bench
framework: llm_build_vs_buy
inputs:
  requests_per_day: [50000, 400000]
  api_price_in_per_1m: [5, 30]
  gpu_hour_price: {low: 2, mode: 3.9, high: 7}
  gpu_utilization: [0.15, 0.6]
  fte_cost_per_year: [150000, 300000]
)");
  const auto loaded = tradeoff::load(reader, "bench.yaml");
  tradeoff::SmaaOptions options;
  options.samples = 100000;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto s = tradeoff::smaa(loaded.framework, &*loaded.assessment, {}, options);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(options.samples));
}
BENCHMARK(BM_SmaaBuiltinInputs)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The samplers alone: a gamma variate of shape 12.5 (a weight's share of concentration 100
/// over 8 criteria) and a normal one.
void BM_GammaVariate(benchmark::State& state) {
  tradeoff::detail::Random rng(1, 0);
  const tradeoff::detail::Gamma gamma(12.5);
  for (auto _ : state) benchmark::DoNotOptimize(gamma(rng));
}
BENCHMARK(BM_GammaVariate);

void BM_NormalVariate(benchmark::State& state) {
  tradeoff::detail::Random rng(1, 0);
  for (auto _ : state) benchmark::DoNotOptimize(rng.normal());
}
BENCHMARK(BM_NormalVariate);

}  // namespace
