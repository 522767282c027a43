// `tradeoff evaluate`: load a framework or an assessment, rank its options, render the result.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "output.hpp"
#include "recording_reader.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"

namespace tradeoff::cli {

namespace {

struct EvaluateOptions {
  std::string file;
  std::string method;
  std::string normalization;
  std::string format = "text";
  std::string output;
  std::vector<std::string> set;
  bool weights_only = false;  ///< `tradeoff weights`
};

/// The options `evaluate` and `weights` share.
void add_common_options(CLI::App* sub, EvaluateOptions& opt, bool with_method) {
  sub->add_option("file", opt.file,
                  "Framework or assessment YAML, or the id of a built-in framework or example")
      ->required();
  if (with_method) {
    std::vector<std::string> methods = method_names();
    methods.push_back("all");
    sub->add_option("-m,--method", opt.method,
                    "Aggregation method, or 'all' to compare them (default: the file's, else wsm)")
        ->check(CLI::IsMember(methods));
    sub->add_option("-n,--normalization", opt.normalization,
                    "Normalisation for every criterion (default: the method's)")
        ->check(CLI::IsMember(normalization_names()));
  }
  sub->add_option("-s,--set", opt.set, "Answer an input: name=value (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  sub->add_option("-f,--format", opt.format, "Output format")
      ->check(CLI::IsMember(format_names()))
      ->capture_default_str();
  sub->add_option("-o,--output", opt.output,
                  "Write to this file (replaced atomically; a FIFO or device is written through)");
}

int run_evaluate(const EvaluateOptions& opt) {
  // Remembers the files read, so that `-o` never writes over one of them.
  RecordingReader reader(source_reader());
  const std::string path = resolve_path(reader, opt.file);
  Loaded loaded = load(reader, path);
  tradeoff::EvaluateOptions eval;
  if (opt.method != "all") eval.method = parse_method(opt.method);
  eval.normalization = parse_normalization(opt.normalization);
  for (const auto& assignment : opt.set) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) {
      fail(ErrorCode::Usage, {"tradeoff", 0, 0},
           fmt::format("--set expects name=value, got '{}'", assignment));
    }
    eval.set.emplace_back(assignment.substr(0, eq), assignment.substr(eq + 1));
  }
  RenderOptions render_options;
  render_options.format = *parse_format(opt.format);
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
  add_common_options(sub, *opt, true);
  sub->callback([opt, &selected] { selected = [opt] { return run_evaluate(*opt); }; });
}

void add_weights_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<EvaluateOptions>();
  opt->weights_only = true;
  CLI::App* sub = app.add_subcommand(
      "weights", "Print the weights a framework's weighting gives, with AHP diagnostics");
  add_common_options(sub, *opt, false);
  sub->callback([opt, &selected] { selected = [opt] { return run_evaluate(*opt); }; });
}

}  // namespace tradeoff::cli
