// `tradeoff sensitivity`: how sure the recommendation is. Weight stability, input break-even
// points, sweeps and Monte-Carlo acceptability of a framework or an assessment.
#include <algorithm>
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <unistd.h>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "evaluation_options.hpp"
#include "output.hpp"
#include "recording_reader.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/report.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff::cli {

namespace {

struct SensitivityOptions : EvaluationOptions {
  size_t samples = 10000;
  uint64_t seed = 1;
  unsigned threads = 0;
};

/// Below this many samples a run is short: no progress bar.
constexpr size_t kProgressFrom = 200000;

/// A progress bar on stderr, redrawn in place, when stderr is a terminal and the run is long.
std::function<void(double)> progress_bar(size_t samples) {
  if (samples < kProgressFrom || isatty(STDERR_FILENO) == 0) return {};
  return [](double done) {
    const size_t width = 30;
    const size_t filled = std::min(width, static_cast<size_t>(done * static_cast<double>(width)));
    write_to(stderr,
             fmt::format("\rMonte-Carlo [{}{}] {:3.0f}%{}", std::string(filled, '#'),
                         std::string(width - filled, ' '), done * 100, done >= 1 ? "\n" : ""));
  };
}

int run_sensitivity(const SensitivityOptions& opt) {
  RecordingReader reader(source_reader());
  const std::string path = resolve_path(reader, opt.file);
  Loaded loaded = load(reader, path);
  const tradeoff::EvaluateOptions eval = engine_options(opt);
  const Assessment* assessment = loaded.assessment ? &*loaded.assessment : nullptr;
  tradeoff::SensitivityOptions s;
  s.smaa.samples = opt.samples;
  s.smaa.seed = opt.seed;
  s.smaa.threads = opt.threads;
  s.smaa.progress = progress_bar(opt.samples);
  Sensitivity result = analyze_sensitivity(loaded.framework, assessment, eval, s);
  add_robustness(result, loaded.framework, assessment);
  std::vector<Diagnostic> warnings = loaded.warnings;
  warnings.insert(warnings.end(), result.result.warnings.begin(), result.result.warnings.end());
  if (!warnings.empty()) print_diagnostics(stderr, warnings);
  RenderOptions render_options;
  render_options.format = *parse_format(opt.format);
  const bool to_stdout = opt.output.empty() || opt.output == "-";
  render_options.color = render_options.format == Format::Text && to_stdout && use_color(stdout);
  write_output(
      opt.output, [&](std::ostream& out) { render(result, render_options, out); }, reader.files());
  return kExitOk;
}

}  // namespace

void add_sensitivity_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<SensitivityOptions>();
  CLI::App* sub = app.add_subcommand(
      "sensitivity",
      "How sure the winner is: weight stability, break-even points, Monte-Carlo acceptability");
  add_evaluation_options(sub, *opt, true, false, {"text", "json", "csv"});
  sub->add_option("--samples", opt->samples, "Monte-Carlo samples (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{0}, size_t{100000000}));
  sub->add_option("--seed", opt->seed, "Seed of the Monte-Carlo sampler")->capture_default_str();
  sub->add_option("--threads", opt->threads,
                  "Threads (0: every core); the numbers do not depend on it")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1024u));
  sub->callback([opt, &selected] { selected = [opt] { return run_sensitivity(*opt); }; });
}

}  // namespace tradeoff::cli
