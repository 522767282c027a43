// `tradeoff diff OLD NEW`: what changed between two versions of a framework or an assessment
// (two revisions checked out side by side), and what that did to the result.
#include <memory>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "evaluation_options.hpp"
#include "output.hpp"
#include "recording_reader.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/diff.hpp"
#include "tradeoff/report.hpp"

namespace tradeoff::cli {

namespace {

struct DiffOptions {
  std::string old_file;
  std::string new_file;
  std::string method;
  std::string normalization;
  std::vector<std::string> set;
  std::vector<std::string> weights;
  std::string format = "text";
  std::string output;
  bool exit_code = false;
};

/// Loads both sides; when either fails, reports the problems of both at once.
std::pair<Loaded, Loaded> load_both(SourceReader& reader, const DiffOptions& opt) {
  std::vector<Diagnostic> problems;
  const auto load_one = [&](const std::string& name) {
    try {
      return load(reader, resolve_path(reader, name));
    } catch (const Error& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      return Loaded{};
    }
  };
  Loaded before = load_one(opt.old_file);
  Loaded after = load_one(opt.new_file);
  if (!problems.empty()) throw Error(std::move(problems));
  return {std::move(before), std::move(after)};
}

int run_diff(const DiffOptions& opt) {
  EvaluationOptions shared;
  shared.method = opt.method;
  shared.normalization = opt.normalization;
  shared.set = opt.set;
  shared.weights = opt.weights;
  const tradeoff::EvaluateOptions eval = engine_options(shared);
  // Remembers the files read, so that `-o` never writes over one of them.
  RecordingReader reader(source_reader());
  const auto [before, after] = load_both(reader, opt);
  const DecisionDiff diff = diff_decisions(before, after, eval);
  if (!diff.warnings.empty()) print_diagnostics(stderr, diff.warnings);
  RenderOptions render_options;
  render_options.format = *parse_format(opt.format);
  const bool to_stdout = opt.output.empty() || opt.output == "-";
  render_options.color = render_options.format == Format::Text && to_stdout && use_color(stdout);
  write_output(
      opt.output, [&](std::ostream& out) { render(diff, render_options, out); }, reader.files());
  return opt.exit_code && !diff.same() ? kExitDifferent : kExitOk;
}

}  // namespace

void add_diff_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      "Compare two versions of a framework or an assessment: what changed, and what it did to "
      "the result");
  sub->add_option("old", opt->old_file,
                  "The old framework or assessment (a file, or a built-in id)")
      ->required();
  sub->add_option("new", opt->new_file, "The new one, of the same kind")->required();
  sub->add_option("-m,--method", opt->method,
                  "Aggregation method for both sides (default: each side's, else wsm)")
      ->check(CLI::IsMember(method_names()));
  sub->add_option("-n,--normalization", opt->normalization,
                  "Normalisation for every criterion on both sides (default: the method's)")
      ->check(CLI::IsMember(normalization_names()));
  sub->add_option("-s,--set", opt->set, "Answer an input on both sides: name=value (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  sub->add_option("-w,--weight", opt->weights,
                  "Set a criterion's direct weight on both sides: id=value (repeatable)")
      ->type_name("ID=VALUE")
      ->allow_extra_args(false);
  sub->add_option("-f,--format", opt->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->add_option("-o,--output", opt->output,
                  "Write to this file (replaced atomically; a FIFO or device is written through)");
  sub->add_flag("--exit-code", opt->exit_code,
                "Exit with 4 when the two sides differ (0 when they do not)");
  sub->callback([opt, &selected] { selected = [opt] { return run_diff(*opt); }; });
}

}  // namespace tradeoff::cli
