// `tradeoff check` (tradeoff/check.hpp): an assessment evaluated afresh and held to its
// `expect:` block. Each expectation becomes an outcome said with its numbers; the Monte-Carlo
// analysis runs only for a file that asks for a confidence.
#include "tradeoff/check.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff {

std::string_view to_string(CheckStatus status) {
  switch (status) {
    case CheckStatus::Pass:
      return "pass";
    case CheckStatus::Fail:
      return "fail";
    case CheckStatus::Error:
      return "error";
    case CheckStatus::NoExpectations:
      return "no_expectations";
  }
  return "error";
}

namespace {

using Kind = ExpectationOutcome::Kind;

/// "a", "a or b", "a, b, or c".
std::string alternatives(const std::vector<std::string>& ids) {
  if (ids.size() <= 2) return fmt::format("{}", fmt::join(ids, " or "));
  std::vector<std::string> head(ids.begin(), ids.end() - 1);
  return fmt::format("{}, or {}", fmt::join(head, ", "), ids.back());
}

/// A bound as its file states it: "0.02", "0.8", "1".
std::string bound_text(double bound) { return fmt::format("{}", bound); }

/// A figure beside its bound: four decimals, or every digit when four would hide why it passed
/// or failed (0.019996 is "0.0200", which does not look below 0.02).
std::string figure_text(double value, double bound, bool passed) {
  std::string text = detail::fixed(value, 4);
  if ((std::strtod(text.c_str(), nullptr) >= bound) != passed) text = fmt::format("{}", value);
  return text;
}

ExpectationOutcome winner_outcome(const std::vector<std::string>& expected,
                                  const std::vector<std::string>& winners) {
  ExpectationOutcome o;
  o.kind = Kind::Winner;
  o.winners = expected;
  const std::string who = winners.size() > 1
                              ? fmt::format("tied between {}", detail::join_names(winners))
                              : (winners.empty() ? std::string() : winners.front());
  if (expected.empty()) {
    o.passed = winners.empty();
    o.text = o.passed ? "every option excluded"
                      : fmt::format("winner is {}, expected every option to be excluded", who);
    return o;
  }
  if (winners.empty()) {
    o.text = fmt::format("no option is ranked (every option is excluded), expected {}",
                         alternatives(expected));
    return o;
  }
  o.passed = std::all_of(winners.begin(), winners.end(), [&](const std::string& w) {
    return std::find(expected.begin(), expected.end(), w) != expected.end();
  });
  o.text = o.passed ? fmt::format("winner {}", winners.size() > 1 ? who : winners.front())
                    : fmt::format("winner is {}, expected {}", who, alternatives(expected));
  return o;
}

/// A figure held to a minimum: "margin 0.0410 >= 0.02", "confidence 0.6120 is below 0.8".
ExpectationOutcome minimum_outcome(Kind kind, double bound, std::optional<double> actual,
                                   const FileCheck& c) {
  ExpectationOutcome o;
  o.kind = kind;
  o.bound = bound;
  o.actual = actual;
  const char* name = kind == Kind::MinMargin ? "margin" : "confidence";
  if (c.winners.empty()) {
    o.text = fmt::format("no {}: no option is ranked", name);
    return o;
  }
  if (!actual && kind == Kind::MinConfidence) {
    o.text = "no confidence: no Monte-Carlo sample drawn (--samples 0)";
    return o;
  }
  if (!actual) {  // a margin with no runner-up: nothing can overtake the winner
    o.passed = true;
    o.text = fmt::format("margin: {} is the only option ranked", c.winners.front());
    return o;
  }
  o.passed = *actual >= bound;
  o.text = fmt::format("{} {} {} {}", name, figure_text(*actual, bound, o.passed),
                       o.passed ? ">=" : "is below", bound_text(bound));
  return o;
}

/// What the evaluation found: the winners, the runner-up and the margin.
void read_result(const Result& r, FileCheck& c) {
  for (const auto& entry : r.ranking) {
    if (entry.rank == 1) c.winners.push_back(entry.option);
  }
  if (r.ranking.size() >= 2) {
    c.runner_up = r.explanation.runner_up;
    c.margin = r.explanation.margin;
  }
}

}  // namespace

FileCheck check_assessment(const Framework& fw, const Assessment& assessment,
                           const CheckOptions& options) {
  FileCheck c;
  c.file = assessment.file;
  c.assessment = assessment.id;
  c.framework = fw.id;
  const Result r = evaluate(fw, &assessment, options.evaluate);
  c.diagnostics = r.warnings;
  read_result(r, c);
  if (!assessment.expect) {
    c.status = CheckStatus::NoExpectations;
    if (options.strict) {
      ExpectationOutcome o;
      o.kind = Kind::Present;
      o.text = "no expectations (no 'expect:' block; --strict)";
      c.outcomes.push_back(std::move(o));
      c.status = CheckStatus::Fail;
    }
    return c;
  }
  const Expectation& e = *assessment.expect;
  if (e.winners) c.outcomes.push_back(winner_outcome(*e.winners, c.winners));
  if (e.min_margin)
    c.outcomes.push_back(minimum_outcome(Kind::MinMargin, *e.min_margin, c.margin, c));
  if (e.min_confidence) {
    if (!c.winners.empty() && options.smaa.samples > 0) {
      const Smaa s = smaa(fw, &assessment, options.evaluate, options.smaa);
      c.confidence = s.confidence;
      c.confidence_error = s.confidence_error;
      c.samples = s.samples;
    }
    c.outcomes.push_back(minimum_outcome(Kind::MinConfidence, *e.min_confidence, c.confidence, c));
  }
  const bool passed = std::all_of(c.outcomes.begin(), c.outcomes.end(),
                                  [](const ExpectationOutcome& o) { return o.passed; });
  c.status = passed ? CheckStatus::Pass : CheckStatus::Fail;
  return c;
}

FileCheck check_file(SourceReader& reader, const std::string& name, const CheckOptions& options) {
  FileCheck c;
  c.file = name;
  try {
    const std::string path = resolve_path(reader, name);
    c.file = path;
    const Loaded loaded = load_assessment(reader, path);
    c.assessment = loaded.assessment->id;
    c.framework = loaded.framework.id;
    FileCheck checked = check_assessment(loaded.framework, *loaded.assessment, options);
    checked.file = path;
    checked.diagnostics.insert(checked.diagnostics.begin(), loaded.warnings.begin(),
                               loaded.warnings.end());
    return checked;
  } catch (const Error& e) {
    c.status = CheckStatus::Error;
    c.diagnostics = e.diagnostics();
    return c;
  }
}

CheckSummary summarize(const std::vector<FileCheck>& files) {
  CheckSummary s;
  for (const auto& f : files) {
    switch (f.status) {
      case CheckStatus::Pass:
        ++s.passed;
        break;
      case CheckStatus::Fail:
        ++s.failed;
        break;
      case CheckStatus::Error:
        ++s.errors;
        break;
      case CheckStatus::NoExpectations:
        ++s.no_expectations;
        break;
    }
  }
  return s;
}

}  // namespace tradeoff
