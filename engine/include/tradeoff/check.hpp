// Decisions guarded like tests: an assessment's `expect:` block (the winners it accepts, the
// margin and the Monte-Carlo confidence its decision must keep) checked against a fresh
// evaluation, for `tradeoff check` in continuous integration.
//
//   tradeoff::FileReader reader;
//   const tradeoff::FileCheck c = tradeoff::check_file(reader, "decisions/acme.yaml", {});
//   if (c.status != tradeoff::CheckStatus::Pass) ...   // c.outcomes say why
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/report.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff {

struct CheckOptions {
  EvaluateOptions evaluate;
  /// The Monte-Carlo analysis behind `min_confidence` (run only for files that ask for it):
  /// `sensitivity`'s defaults, 10,000 samples with seed 1, so a check is deterministic.
  SmaaOptions smaa;
  /// A file without `expect:` fails instead of being skipped.
  bool strict = false;
};

/// One expectation held against the result.
struct ExpectationOutcome {
  enum class Kind {
    Winner,
    MinMargin,
    MinConfidence,
    Present,  ///< under `strict`: the file states no expectation at all
  };
  Kind kind = Kind::Winner;
  bool passed = false;
  std::vector<std::string> winners;  ///< Winner: the acceptable winners as stated
  std::optional<double> bound;       ///< MinMargin, MinConfidence: the stated minimum
  std::optional<double> actual;      ///< the margin or the confidence found; none without one
  /// Said plainly, with the numbers: "winner is host_open, expected buy_api or rag_over_api",
  /// "margin 0.0410 >= 0.02", "confidence 0.6120 is below 0.8".
  std::string text;
};

enum class CheckStatus { Pass, Fail, Error, NoExpectations };
std::string_view to_string(CheckStatus status);  ///< "pass", "fail", "error", "no_expectations"

/// One file checked.
struct FileCheck {
  std::string file;  ///< as given (a built-in id resolved to its path)
  std::string assessment;
  std::string framework;
  CheckStatus status = CheckStatus::Error;
  /// The options ranked first (several when tied, by id); empty when none is ranked.
  std::vector<std::string> winners;
  std::string runner_up;
  /// The explanation's margin between winner and runner-up, in the method's score units (as
  /// JSON `explanation.margin`); 0 for a tie; none when fewer than two options are ranked.
  std::optional<double> margin;
  /// The winner's first-rank acceptability (as `sensitivity`), when `min_confidence` is asked.
  std::optional<double> confidence;
  std::optional<double> confidence_error;
  size_t samples = 0;
  std::vector<ExpectationOutcome> outcomes;  ///< winner, margin, confidence: those stated
  /// Status Error: every problem found; otherwise the warnings of loading and evaluation.
  std::vector<Diagnostic> diagnostics;
};

/// Evaluates `assessment` and tests its expectations. Throws Error when the evaluation fails.
FileCheck check_assessment(const Framework& fw, const Assessment& assessment,
                           const CheckOptions& options);

/// Loads the assessment at `name` (a path, or a built-in example's id) and checks it. Never
/// throws Error: a file that cannot be loaded or evaluated gets status Error and its
/// diagnostics.
FileCheck check_file(SourceReader& reader, const std::string& name, const CheckOptions& options);

/// How many files ended in each status.
struct CheckSummary {
  size_t passed = 0;
  size_t failed = 0;
  size_t errors = 0;
  size_t no_expectations = 0;
  bool ok() const { return failed == 0 && errors == 0; }
};
CheckSummary summarize(const std::vector<FileCheck>& files);

/// Text: one line per file ("PASS file: winner buy_api (margin 0.0410 >= 0.02)", "FAIL file:
/// ...", "ERROR file: ...", "SKIP file: no expectations ..."), then a summary line. JSON: an
/// object with `files` and the summary's counts. Other formats are refused.
void render_check(const std::vector<FileCheck>& files, Format format, std::ostream& out);

}  // namespace tradeoff
