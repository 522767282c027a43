// Benchmarks of `tradeoff batch`: a portfolio of 1,000 generated assessments of the built-in LLM
// framework, held in memory (no disk), evaluated on one thread and on two; and its parts for one
// file: loading an assessment against a framework already loaded, and evaluating it. The
// whole-process figure over 10,000 files on disk is measured with bench/gen_assessments.py and
// /usr/bin/time (see the README's benchmark table).
#include <cmath>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "load/yaml_tree.hpp"
#include "tradeoff/batch.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"

namespace {

/// One assessment answering some twenty inputs within their declared ranges, as
/// bench/gen_assessments.py writes them (the same kind of values, not the same bytes).
std::string generated_assessment(size_t number, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0, 1);
  const auto log_uniform = [&](double low, double high) {
    return std::exp(std::log(low) + unit(rng) * (std::log(high) - std::log(low)));
  };
  const auto pick = [&](std::vector<const char*> values) {
    return values[static_cast<size_t>(unit(rng) * static_cast<double>(values.size()))];
  };
  const double price_in = log_uniform(0.1, 15);
  std::string y = fmt::format(
      "assessment: generated_{:05d}\nframework: llm_build_vs_buy\ntitle: Generated case {}\n"
      "date: 2026-12-01\ninputs:\n",
      number, number);
  y += fmt::format("  requests_per_day: {:.4g}\n", log_uniform(100, 1e7));
  y += fmt::format("  prompt_tokens: {:.4g}\n", 50 + unit(rng) * 3950);
  y += fmt::format("  completion_tokens: {:.4g}\n", 50 + unit(rng) * 1950);
  y += fmt::format("  prompt_cache_hit_rate: {:.2g}\n", unit(rng) * 0.8);
  y += fmt::format("  api_price_in_per_1m: {:.3g}\n", price_in);
  y += fmt::format("  api_price_out_per_1m: {:.3g}\n", price_in * (1.5 + unit(rng) * 3.5));
  y += fmt::format("  gpu_hour_price: {:.3g}\n", 1 + unit(rng) * 7);
  y += fmt::format("  ml_expertise: {}\n", pick({"none", "basic", "solid", "expert"}));
  y += fmt::format("  data_sensitivity: {}\n",
                   pick({"public", "internal", "confidential", "regulated"}));
  y += fmt::format("  zero_retention_contract: {}\n", unit(rng) < 0.3 ? "true" : "false");
  y += fmt::format("  differentiation_importance: {}\n", 1 + static_cast<int>(unit(rng) * 5));
  y += fmt::format("  deadline_weeks: {}\n", 2 + static_cast<int>(unit(rng) * 103));
  y += fmt::format("  upfront_budget: {:.2g}\n", log_uniform(1e4, 1e8));
  y += fmt::format("  horizon_years: {}\n", 1 + static_cast<int>(unit(rng) * 5));
  y += fmt::format("  task_breadth: {}\n", pick({"narrow", "moderate", "broad"}));
  y += fmt::format("  quality_bar: {}\n", pick({"standard", "high", "frontier"}));
  y += fmt::format("  customisation_need: {}\n", pick({"none", "style", "behaviour"}));
  y += fmt::format("  grounding_need: {}\n", pick({"none", "helpful", "essential"}));
  return y;
}

/// The portfolio, by file name; read-only once built, so every thread may read it.
const std::map<std::string, std::string>& portfolio() {
  static const std::map<std::string, std::string> files = [] {
    std::map<std::string, std::string> out;
    std::mt19937_64 rng(1);
    for (size_t k = 1; k <= 1000; ++k) {
      out[fmt::format("case_{:05d}.yaml", k)] = generated_assessment(k, rng);
    }
    return out;
  }();
  return files;
}

/// Reads the portfolio, and the built-in catalog.
class PortfolioReader : public tradeoff::SourceReader {
 public:
  std::string read(const std::string& path) override {
    const auto it = portfolio().find(path);
    return it != portfolio().end() ? it->second : builtin_.read(path);
  }
  bool exists(const std::string& path) override {
    return portfolio().count(path) > 0 || builtin_.exists(path);
  }
  std::vector<std::string> list(const std::string& dir) override { return builtin_.list(dir); }

 private:
  tradeoff::MemoryReader builtin_;
};

std::vector<tradeoff::BatchInput> inputs() {
  std::vector<tradeoff::BatchInput> out;
  for (const auto& [name, text] : portfolio()) out.push_back({name, false});
  return out;
}

/// 1,000 assessments, end to end but for the output: `batch` in-process.
void BM_Batch1000(benchmark::State& state) {
  const auto files = inputs();
  tradeoff::BatchOptions options;
  options.jobs = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto rows = tradeoff::run_batch(
        files, [] { return std::make_unique<PortfolioReader>(); }, options);
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(files.size()));
}
BENCHMARK(BM_Batch1000)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

/// One assessment loaded against the framework already in the cache.
void BM_LoadAssessmentShared(benchmark::State& state) {
  tradeoff::FrameworkCache cache;
  PortfolioReader reader;
  tradeoff::load_assessment(reader, "case_00001.yaml", cache);  // the framework, once
  for (auto _ : state) {
    auto loaded = tradeoff::load_assessment(reader, "case_00001.yaml", cache);
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_LoadAssessmentShared)->Unit(benchmark::kMicrosecond);

/// One loaded assessment evaluated: ranked and explained.
void BM_EvaluateAssessment(benchmark::State& state) {
  tradeoff::FrameworkCache cache;
  PortfolioReader reader;
  const auto loaded = tradeoff::load_assessment(reader, "case_00001.yaml", cache);
  for (auto _ : state) {
    auto result = tradeoff::evaluate(loaded.framework->framework, &loaded.assessment);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_EvaluateAssessment)->Unit(benchmark::kMicrosecond);

/// The same compiled and run without the trace: what the winner, the runner-up and the margin
/// need.
void BM_RunAssessment(benchmark::State& state) {
  tradeoff::FrameworkCache cache;
  PortfolioReader reader;
  const auto loaded = tradeoff::load_assessment(reader, "case_00001.yaml", cache);
  for (auto _ : state) {
    tradeoff::Evaluator ev(loaded.framework->framework, &loaded.assessment);
    ev.run();
    benchmark::DoNotOptimize(ev.winner());
  }
}
BENCHMARK(BM_RunAssessment)->Unit(benchmark::kMicrosecond);

/// Parsing one assessment's YAML alone.
void BM_ParseAssessmentYaml(benchmark::State& state) {
  const std::string& text = portfolio().begin()->second;
  for (auto _ : state) {
    auto doc = tradeoff::yaml::parse("case_00001.yaml", text);
    benchmark::DoNotOptimize(doc);
  }
}
BENCHMARK(BM_ParseAssessmentYaml)->Unit(benchmark::kMicrosecond);

}  // namespace
