// `tradeoff validate`: check frameworks, criteria and assessments; report every problem, evaluate
// frameworks and assessments at their defaults, as `evaluate` would, and lint them: warnings
// about likely mistakes, which fail the run only under --strict.
#include <ctime>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/lint.hpp"

namespace tradeoff::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  bool quiet = false;
  bool strict = false;
  int max_age_days = 365;
  std::string today;
};

/// The system's date, YYYY-MM-DD, in local time: the one place `tradeoff` reads the clock, so
/// that ages are judged on the day the user sees. --today replaces it (tests, reproducible runs).
std::string system_date() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local) == nullptr) return {};
  char text[16];
  if (std::strftime(text, sizeof text, "%Y-%m-%d", &local) != 10) return {};
  return text;
}

/// Every warning about one file: loading, evaluating at its defaults, lint. Criterion files
/// have no defaults to evaluate, and nothing lint looks at.
std::vector<Diagnostic> check_file(SourceReader& reader, const std::string& path,
                                   const LintOptions& lint_options, FileKind& kind) {
  kind = detect_kind(reader, path);
  if (kind == FileKind::Criterion) return validate_file(reader, path);
  const Loaded loaded = load(reader, path);
  std::vector<Diagnostic> warnings = loaded.warnings;
  // A file is valid when it evaluates: at its defaults, as `evaluate` would run it.
  const Result result =
      evaluate(loaded.framework, loaded.assessment ? &*loaded.assessment : nullptr);
  warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());
  const auto found = lint(reader, loaded, lint_options, &result);
  warnings.insert(warnings.end(), found.begin(), found.end());
  return warnings;
}

/// "ok (framework)", "ok (assessment, 2 warnings)", "failed under --strict (framework, 1 warning)".
std::string summary(FileKind kind, size_t warnings, bool strict) {
  const std::string counted =
      warnings == 0 ? "" : fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s");
  const bool failed = strict && warnings > 0;
  return fmt::format("{} ({}{})", failed ? "failed under --strict" : "ok", to_string(kind),
                     counted);
}

int run_validate(const ValidateOptions& opt) {
  if (!opt.today.empty() && !day_number(opt.today)) {
    fail(ErrorCode::Usage, {"tradeoff", 0, 0},
         fmt::format("--today expects a calendar date as YYYY-MM-DD, got '{}'", opt.today));
  }
  LintOptions lint_options;
  lint_options.max_age_days = opt.max_age_days;
  lint_options.today = opt.today.empty() ? system_date() : opt.today;
  SourceReader& reader = source_reader();
  int failed = 0;
  for (const auto& name : opt.files) {
    try {
      const std::string path = resolve_path(reader, name);
      FileKind kind = FileKind::Framework;
      const auto warnings = check_file(reader, path, lint_options, kind);
      print_diagnostics(stderr, warnings);
      if (opt.strict && !warnings.empty()) ++failed;
      if (!opt.quiet) {
        write_to(stdout, fmt::format("{}: {}\n", path, summary(kind, warnings.size(), opt.strict)));
      }
    } catch (const Error& e) {
      print_diagnostics(stderr, e.diagnostics());
      ++failed;
    }
  }
  return failed > 0 ? kExitInputError : kExitOk;
}

}  // namespace

void add_validate_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand(
      "validate",
      "Check frameworks, criteria and assessments; report every problem at once, and warn "
      "about likely mistakes (lint)");
  sub->add_option("files", opt->files, "YAML files (or built-in ids) to check")->required();
  sub->add_flag("-q,--quiet", opt->quiet, "Print only problems");
  sub->add_flag("--strict", opt->strict, "Fail (exit 1) on warnings too");
  sub->add_option("--max-age", opt->max_age_days,
                  "Warn about source dates and input as_of dates older than DAYS (default: 365)")
      ->option_text("DAYS")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--today", opt->today,
                  "Judge ages on this date, YYYY-MM-DD (default: the system date)")
      ->option_text("YYYY-MM-DD");
  sub->callback([opt, &selected] { selected = [opt] { return run_validate(*opt); }; });
}

}  // namespace tradeoff::cli
