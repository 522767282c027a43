// Comparing two versions of a decision: the definitions section by section, then both
// evaluations (see tradeoff/diff.hpp).
#include "tradeoff/diff.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "diff/change_list.hpp"
#include "diff/definitions.hpp"
#include "support/text.hpp"

namespace tradeoff {

DiffValue DiffValue::of(double value) { return {Kind::Number, value, detail::quantity(value)}; }

DiffValue DiffValue::of(std::string text) { return {Kind::Text, 0, std::move(text)}; }

bool DiffValue::same_as(const DiffValue& other) const {
  if (kind != other.kind) return false;
  if (kind == Kind::Number) return number == other.number;
  return text == other.text;
}

std::string_view to_string(DiffSection section) {
  switch (section) {
    case DiffSection::Framework:
      return "framework";
    case DiffSection::Assessment:
      return "assessment";
    case DiffSection::Inputs:
      return "inputs";
    case DiffSection::Answers:
      return "answers";
    case DiffSection::Derived:
      return "derived";
    case DiffSection::Criteria:
      return "criteria";
    case DiffSection::Weights:
      return "weights";
    case DiffSection::Options:
      return "options";
    case DiffSection::Scores:
      return "scores";
    case DiffSection::Rules:
      return "rules";
    case DiffSection::Method:
      return "method";
    case DiffSection::Weighting:
      return "weighting";
    case DiffSection::Sources:
      return "sources";
  }
  return "?";
}

const std::vector<DiffSection>& diff_sections() {
  static const std::vector<DiffSection> all{
      DiffSection::Framework, DiffSection::Assessment, DiffSection::Inputs,  DiffSection::Answers,
      DiffSection::Derived,   DiffSection::Criteria,   DiffSection::Weights, DiffSection::Options,
      DiffSection::Scores,    DiffSection::Rules,      DiffSection::Method,  DiffSection::Weighting,
      DiffSection::Sources};
  return all;
}

std::string_view to_string(Change::Kind kind) {
  switch (kind) {
    case Change::Kind::Added:
      return "added";
    case Change::Kind::Removed:
      return "removed";
    case Change::Kind::Changed:
      return "changed";
  }
  return "?";
}

namespace detail {

DiffValue text_value(const std::string& text) {
  return text.empty() ? DiffValue{} : DiffValue::of(text);
}

DiffValue number_value(const std::optional<double>& number) {
  return number ? DiffValue::of(*number) : DiffValue{};
}

void ChangeList::field(std::string field, DiffValue before, DiffValue after) {
  if (before.same_as(after)) return;
  if (before.kind == DiffValue::Kind::Number && after.kind == DiffValue::Kind::Number &&
      before.text == after.text) {
    before.text = plain_number(before.number);
    after.text = plain_number(after.number);
  }
  push(Change::Kind::Changed, std::move(field), std::move(before), std::move(after));
}

void ChangeList::push(Change::Kind kind, std::string field, DiffValue before, DiffValue after) {
  out_.push_back({section_, kind, id_, std::move(field), std::move(before), std::move(after)});
}

void ChangeList::added(std::string id, DiffValue summary) {
  out_.push_back({section_, Change::Kind::Added, std::move(id), "", {}, std::move(summary)});
}

void ChangeList::removed(std::string id, DiffValue summary) {
  out_.push_back({section_, Change::Kind::Removed, std::move(id), "", std::move(summary), {}});
}

}  // namespace detail

std::vector<Change> diff_definitions(const Loaded& before, const Loaded& after) {
  std::vector<Change> out;
  const Framework& b = before.framework;
  const Framework& a = after.framework;
  detail::diff_framework_header(b, a, out);
  if (before.assessment || after.assessment) {
    const Assessment none;
    detail::diff_assessment_header(before.assessment ? *before.assessment : none,
                                   after.assessment ? *after.assessment : none, out);
  }
  detail::diff_inputs(b, a, out);
  detail::diff_answers(before, after, out);
  detail::diff_derived(b, a, out);
  detail::diff_criteria(b, a, out);
  detail::diff_options(b, a, out);
  detail::diff_scores(before, after, out);
  detail::diff_rules(b, a, out);
  detail::diff_method(before, after, out);
  detail::diff_weighting(before, after, out);
  detail::diff_sources(before, after, out);
  return out;
}

namespace {

DiffSide side_of(const Loaded& loaded, const Result& result) {
  DiffSide side;
  side.kind = loaded.assessment ? FileKind::Assessment : FileKind::Framework;
  side.file = loaded.assessment ? loaded.assessment->file : loaded.framework.file;
  side.framework = loaded.framework.id;
  side.framework_version = loaded.framework.version;
  side.assessment = loaded.assessment ? loaded.assessment->id : "";
  side.method = result.method;
  side.normalization = result.normalization;
  side.framework_sha256 = result.provenance.framework_sha256;
  side.assessment_sha256 = result.provenance.assessment_sha256;
  return side;
}

[[noreturn]] void kinds_differ(const Loaded& before, const Loaded& after) {
  const auto what = [](const Loaded& l) { return l.assessment ? "an assessment" : "a framework"; };
  const SourceLocation& where = after.assessment ? after.assessment->where : after.framework.where;
  const std::string& old_file = before.assessment ? before.assessment->file : before.framework.file;
  fail(ErrorCode::WrongKind, where,
       fmt::format("this is {}, but the old side '{}' is {}: diff compares two frameworks or two "
                   "assessments",
                   what(after), old_file, what(before)),
       "give two frameworks, or two assessments (their frameworks are compared too)");
}

std::vector<std::string> notes_of(const DecisionDiff& d) {
  std::vector<std::string> notes;
  if (d.before.kind == FileKind::Assessment && d.before.framework != d.after.framework) {
    notes.push_back(fmt::format(
        "The assessments answer different frameworks, {} (old) and {} (new); their definitions "
        "are compared as well.",
        d.before.framework, d.after.framework));
  }
  if (d.before.method != d.after.method) {
    notes.push_back(fmt::format(
        "The two sides rank by different methods ({} and {}): their scores are not in the same "
        "units.",
        d.before.method, d.after.method));
  }
  const bool same_bytes = d.before.framework_sha256 == d.after.framework_sha256 &&
                          d.before.assessment_sha256 == d.after.assessment_sha256;
  if (d.changes.empty() && !same_bytes) {
    notes.push_back(
        "The files differ only in what the definition does not hold (comments, "
        "layout, key order).");
  }
  return notes;
}

/// Both sides' warnings, old first, each said once.
std::vector<Diagnostic> warnings_of(const std::vector<const std::vector<Diagnostic>*>& lists) {
  std::vector<Diagnostic> out;
  for (const auto* list : lists) {
    for (const auto& w : *list) {
      const bool seen = std::any_of(out.begin(), out.end(), [&](const Diagnostic& d) {
        return d.where.file == w.where.file && d.where.line == w.where.line &&
               d.where.column == w.where.column && d.message == w.message;
      });
      if (!seen) out.push_back(w);
    }
  }
  return out;
}

}  // namespace

DecisionDiff diff_decisions(const Loaded& before, const Loaded& after,
                            const EvaluateOptions& options) {
  if (before.assessment.has_value() != after.assessment.has_value()) kinds_differ(before, after);
  const Result old_result =
      evaluate(before.framework, before.assessment ? &*before.assessment : nullptr, options);
  const Result new_result =
      evaluate(after.framework, after.assessment ? &*after.assessment : nullptr, options);
  DecisionDiff d;
  d.before = side_of(before, old_result);
  d.after = side_of(after, new_result);
  d.changes = diff_definitions(before, after);
  const auto weights = diff_weights(old_result, new_result);
  d.changes.insert(d.changes.end(), weights.begin(), weights.end());
  std::stable_sort(d.changes.begin(), d.changes.end(),
                   [](const Change& x, const Change& y) { return x.section < y.section; });
  d.result = diff_results(old_result, new_result);
  d.notes = notes_of(d);
  d.warnings =
      warnings_of({&before.warnings, &old_result.warnings, &after.warnings, &new_result.warnings});
  return d;
}

}  // namespace tradeoff
