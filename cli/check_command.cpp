// `tradeoff check`: decisions guarded like tests. Each assessment is evaluated afresh and held
// to its `expect:` block; a line per file says PASS or FAIL and why, and the exit code says
// whether every decision still holds.
#include <memory>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "evaluation_options.hpp"
#include "output.hpp"
#include "recording_reader.hpp"
#include "tradeoff/check.hpp"
#include "tradeoff/report.hpp"

namespace tradeoff::cli {

namespace {

struct CheckOptions : SamplingOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;
  bool strict = false;
};

int run_check(const CheckOptions& opt) {
  RecordingReader reader(source_reader());
  tradeoff::CheckOptions check;
  check.smaa = smaa_options(opt);
  check.strict = opt.strict;
  std::vector<FileCheck> files;
  for (const auto& name : opt.files) {
    files.push_back(check_file(reader, name, check));
    // Problems as each file is checked; the verdicts together at the end.
    if (!files.back().diagnostics.empty()) print_diagnostics(stderr, files.back().diagnostics);
  }
  const Format format = *parse_format(opt.format);
  write_output(
      opt.output, [&](std::ostream& out) { render_check(files, format, out); }, reader.files());
  return summarize(files).ok() ? kExitOk : kExitInputError;
}

}  // namespace

void add_check_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand(
      "check", "Evaluate assessments and test their 'expect:' blocks; exit 1 when one fails");
  sub->add_option("files", opt->files, "Assessment YAML files (or built-in example ids)")
      ->required();
  sub->add_option("-f,--format", opt->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->add_option("-o,--output", opt->output,
                  "Write to this file (replaced atomically; a FIFO or device is written through)");
  sub->add_flag("--strict", opt->strict, "Fail a file that states no expectations");
  add_sampling_options(sub, *opt);
  sub->callback([opt, &selected] { selected = [opt] { return run_check(*opt); }; });
}

}  // namespace tradeoff::cli
