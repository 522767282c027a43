// `tradeoff report`: a decision record to file, in Markdown or as one HTML page, with the
// evaluation, its robustness, the sensitivity analysis and the methods compared.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "evaluation_options.hpp"
#include "output.hpp"
#include "recording_reader.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/report.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff::cli {

namespace {

struct ReportOptions : EvaluationOptions, SamplingOptions {
  std::string date;
};

/// The format: --format, else the output file's extension.
ReportFormat report_format(const ReportOptions& opt) {
  if (!opt.format.empty()) return *parse_report_format(opt.format);
  const auto dot = opt.output.rfind('.');
  const auto slash = opt.output.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    if (const auto f = parse_report_format(opt.output.substr(dot + 1))) return *f;
  }
  fail(ErrorCode::Usage, {"tradeoff", 0, 0},
       fmt::format("cannot tell the format from '{}': name a .md or .html file, or pass "
                   "--format markdown|html",
                   opt.output));
}

/// A date as YYYY-MM-DD, or a usage error.
void check_date(const std::string& date) {
  const bool shape = date.size() == 10 && date[4] == '-' && date[7] == '-';
  bool digits = shape;
  for (size_t k = 0; shape && k < date.size(); ++k) {
    if (k != 4 && k != 7) digits = digits && date[k] >= '0' && date[k] <= '9';
  }
  if (!digits) {
    fail(ErrorCode::Usage, {"tradeoff", 0, 0},
         fmt::format("--date expects a date as YYYY-MM-DD, got '{}'", date));
  }
}

int run_report(const ReportOptions& opt) {
  if (!opt.date.empty()) check_date(opt.date);
  const ReportFormat format = report_format(opt);
  RecordingReader reader(source_reader());
  const std::string path = resolve_path(reader, opt.file);
  Loaded loaded = load(reader, path);
  const tradeoff::EvaluateOptions eval = engine_options(opt);
  const Assessment* assessment = loaded.assessment ? &*loaded.assessment : nullptr;
  tradeoff::SensitivityOptions s;
  s.smaa = smaa_options(opt);
  const DecisionReport report = build_report(loaded.framework, assessment, eval, s, opt.date);
  std::vector<Diagnostic> warnings = loaded.warnings;
  const auto& own = report.sensitivity.result.warnings;
  warnings.insert(warnings.end(), own.begin(), own.end());
  if (!warnings.empty()) print_diagnostics(stderr, warnings);
  write_output(
      opt.output, [&](std::ostream& out) { render_report(report, format, out); }, reader.files());
  return kExitOk;
}

}  // namespace

void add_report_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<ReportOptions>();
  opt->format = "";
  CLI::App* sub = app.add_subcommand(
      "report", "Write a decision record to file: Markdown (MADR) or a self-contained HTML page");
  add_evaluation_options(sub, *opt, true, false, {"markdown", "md", "html"});
  sub->get_option("--output")->required();
  sub->get_option("--format")->description("Output format (default: from the file's extension)");
  sub->add_option("--date", opt->date,
                  "The record's date, YYYY-MM-DD (default: the assessment's); sources older "
                  "than a year before it are flagged");
  add_sampling_options(sub, *opt);
  sub->callback([opt, &selected] { selected = [opt] { return run_report(*opt); }; });
}

}  // namespace tradeoff::cli
