// `tradeoff evaluate`: load a framework or an assessment, rank its options, render the result.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "evaluation_options.hpp"
#include "output.hpp"
#include "recording_reader.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff::cli {

namespace {

struct EvaluateOptions : EvaluationOptions {
  bool weights_only = false;   ///< `tradeoff weights`
  bool no_robustness = false;  ///< `--no-robustness`
  bool details = false;        ///< `--details`: every figure in the text view
};

int run_evaluate(const EvaluateOptions& opt) {
  // Remembers the files read, so that `-o` never writes over one of them.
  RecordingReader reader(source_reader());
  const std::string path = resolve_path(reader, opt.file);
  Loaded loaded = load(reader, path);
  const tradeoff::EvaluateOptions eval = engine_options(opt);
  RenderOptions render_options;
  render_options.format = *parse_format(opt.format);
  render_options.details = opt.details;
  const bool to_stdout = opt.output.empty() || opt.output == "-";
  render_options.color = render_options.format == Format::Text && to_stdout && use_color(stdout);
  const Assessment* assessment = loaded.assessment ? &*loaded.assessment : nullptr;
  if (opt.method == "all") {
    const MethodComparison comparison = compare_methods(loaded.framework, assessment, eval);
    std::vector<Diagnostic> warnings = loaded.warnings;
    if (!comparison.results.empty()) {
      const auto& w = comparison.results.front().warnings;
      warnings.insert(warnings.end(), w.begin(), w.end());
    }
    if (!warnings.empty()) print_diagnostics(stderr, warnings);
    write_output(
        opt.output, [&](std::ostream& out) { render(comparison, render_options, out); },
        reader.files());
    return kExitOk;
  }
  Result result = evaluate(loaded.framework, assessment, eval);
  if (!opt.weights_only && !opt.no_robustness) {
    add_robustness(result, loaded.framework, assessment, eval, SmaaOptions{});
  }
  // Warnings from loading, then those of the evaluation (e.g. rules in conflict).
  result.warnings.insert(result.warnings.begin(), loaded.warnings.begin(), loaded.warnings.end());
  if (!result.warnings.empty()) print_diagnostics(stderr, result.warnings);
  write_output(
      opt.output,
      [&](std::ostream& out) {
        if (opt.weights_only) {
          render_weights(result, render_options, out);
        } else {
          render(result, render_options, out);
        }
      },
      reader.files());
  return kExitOk;
}

}  // namespace

void add_evaluate_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<EvaluateOptions>();
  CLI::App* sub = app.add_subcommand(
      "evaluate", "Score, rank and explain the options of a framework or an assessment");
  add_evaluation_options(sub, *opt, true, true, format_names());
  sub->add_flag("--no-robustness", opt->no_robustness,
                "Leave out the robustness block (weight flip point, break-even, confidence)");
  sub->add_flag("--details", opt->details,
                "Text: add the inputs, derived values, rules in full, scores and contributions");
  sub->callback([opt, &selected] { selected = [opt] { return run_evaluate(*opt); }; });
}

void add_weights_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<EvaluateOptions>();
  opt->weights_only = true;
  CLI::App* sub = app.add_subcommand(
      "weights", "Print the weights a framework's weighting gives, with AHP diagnostics");
  add_evaluation_options(sub, *opt, false, false, format_names());
  sub->callback([opt, &selected] { selected = [opt] { return run_evaluate(*opt); }; });
}

}  // namespace tradeoff::cli
