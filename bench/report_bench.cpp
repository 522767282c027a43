// Benchmarks of `tradeoff report` on the built-in LLM framework: the analyses a record needs
// (evaluation, weight stability, break-even points, sweeps, 10,000 Monte-Carlo samples, every
// method) and the HTML page drawn from them. Run a Release build on one core, e.g.
//   taskset -c 1 build/release/bench/tradeoff_bench --benchmark_filter=Report
// The whole process (`time tradeoff report llm_build_vs_buy -o x.html`) adds loading and writing.
#include <sstream>

#include <benchmark/benchmark.h>

#include "tradeoff/catalog.hpp"
#include "tradeoff/report.hpp"

namespace {

tradeoff::SensitivityOptions report_options() {
  tradeoff::SensitivityOptions s;
  s.smaa.samples = 10000;
  s.smaa.threads = 1;
  return s;
}

/// The analyses behind a record, Monte-Carlo included.
void BM_ReportAnalysesBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  for (auto _ : state) {
    auto report = tradeoff::build_report(loaded.framework, nullptr, {}, report_options());
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_ReportAnalysesBuiltin)->Unit(benchmark::kMillisecond);

/// Rendering the HTML page (charts, what-if panel) from analyses already run.
void BM_ReportRenderHtmlBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  const auto report = tradeoff::build_report(loaded.framework, nullptr, {}, report_options());
  for (auto _ : state) {
    std::ostringstream out;
    tradeoff::render_report(report, tradeoff::ReportFormat::Html, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_ReportRenderHtmlBuiltin)->Unit(benchmark::kMillisecond);

/// Loading the framework, the analyses and the HTML page: all of the command but the file.
void BM_ReportHtmlBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    tradeoff::MemoryReader reader;
    const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
    const auto report = tradeoff::build_report(loaded.framework, nullptr, {}, report_options());
    std::ostringstream out;
    tradeoff::render_report(report, tradeoff::ReportFormat::Html, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_ReportHtmlBuiltin)->Unit(benchmark::kMillisecond);

}  // namespace
