// `tradeoff sensitivity`: how sure the recommendation is. Weight stability, input break-even
// points, sweeps and Monte-Carlo acceptability of a framework or an assessment.
#include <memory>

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

struct SensitivityOptions : EvaluationOptions, SamplingOptions {};

int run_sensitivity(const SensitivityOptions& opt) {
  RecordingReader reader(source_reader());
  const std::string path = resolve_path(reader, opt.file);
  Loaded loaded = load(reader, path);
  const tradeoff::EvaluateOptions eval = engine_options(opt);
  const Assessment* assessment = loaded.assessment ? &*loaded.assessment : nullptr;
  tradeoff::SensitivityOptions s;
  s.smaa = smaa_options(opt);
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
  add_sampling_options(sub, *opt);
  sub->callback([opt, &selected] { selected = [opt] { return run_sensitivity(*opt); }; });
}

}  // namespace tradeoff::cli
