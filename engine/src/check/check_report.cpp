// Rendering `tradeoff check`: a line per file and a summary line for people, or one JSON object
// for programs (see tradeoff/check.hpp).
#include <ostream>

#include <fmt/format.h>

#include "report/diagnostic_json.hpp"
#include "report/json_writer.hpp"
#include "support/printable.hpp"
#include "tradeoff/check.hpp"

namespace tradeoff {

namespace {

using Kind = ExpectationOutcome::Kind;

/// The winner as information, for a line whose winner was not an expectation.
std::string winner_info(const FileCheck& c) {
  if (c.winners.empty()) return "no option ranked";
  if (c.winners.size() == 1) return "winner " + c.winners.front();
  return fmt::format("winners {} (tied)", fmt::join(c.winners, ", "));
}

const ExpectationOutcome* winner_outcome(const FileCheck& c) {
  for (const auto& o : c.outcomes) {
    if (o.kind == Kind::Winner) return &o;
  }
  return nullptr;
}

/// The first error and how many more there are.
std::string error_text(const FileCheck& c) {
  const Diagnostic* first = nullptr;
  size_t errors = 0;
  for (const auto& d : c.diagnostics) {
    if (d.severity != Severity::Error) continue;
    if (first == nullptr) first = &d;
    ++errors;
  }
  if (first == nullptr) return "could not be checked";
  return detail::diagnostic_line(*first) +
         (errors > 1 ? fmt::format(" (and {} more)", errors - 1) : "");
}

/// PASS: the winner first, the other expectations in parentheses. FAIL: every failed
/// expectation, then what held (and the winner, when it was not an expectation) in parentheses.
std::string outcome_text(const FileCheck& c) {
  const ExpectationOutcome* winner = winner_outcome(c);
  std::vector<std::string> failed;
  std::vector<std::string> held;
  if (winner == nullptr || winner->passed) {
    held.push_back(winner != nullptr ? winner->text : winner_info(c));
  }
  for (const auto& o : c.outcomes) {
    if (&o == winner && o.passed) continue;
    (o.passed ? held : failed).push_back(o.text);
  }
  if (failed.empty()) {
    const std::string head = held.front();
    held.erase(held.begin());
    return held.empty() ? head : fmt::format("{} ({})", head, fmt::join(held, ", "));
  }
  std::string text = fmt::format("{}", fmt::join(failed, "; "));
  if (!held.empty()) text += fmt::format(" ({})", fmt::join(held, ", "));
  return text;
}

std::string line_of(const FileCheck& c) {
  const std::string file = detail::one_line(c.file);
  switch (c.status) {
    case CheckStatus::Pass:
      return fmt::format("PASS {}: {}", file, outcome_text(c));
    case CheckStatus::Fail:
      return fmt::format("FAIL {}: {}", file, outcome_text(c));
    case CheckStatus::NoExpectations:
      return fmt::format("SKIP {}: no expectations ({})", file, winner_info(c));
    case CheckStatus::Error:
      break;
  }
  return fmt::format("ERROR {}: {}", file, error_text(c));
}

/// "1 file", "3 files".
std::string count(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void render_text(const std::vector<FileCheck>& files, std::ostream& out) {
  for (const auto& f : files) out << line_of(f) << '\n';
  const CheckSummary s = summarize(files);
  out << count(files.size(), "file", "files") << ": " << s.passed << " passed, " << s.failed
      << " failed, " << count(s.errors, "error", "errors");
  if (s.no_expectations > 0) out << ", " << s.no_expectations << " without expectations";
  out << '\n';
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::Winner:
      return "winner";
    case Kind::MinMargin:
      return "min_margin";
    case Kind::MinConfidence:
      return "min_confidence";
    case Kind::Present:
      return "expect";
  }
  return "expect";
}

void optional_number(detail::JsonWriter& w, const char* key, const std::optional<double>& v) {
  if (v) {
    w.key(key).number(*v);
  } else {
    w.key(key).null();
  }
}

void outcome_json(detail::JsonWriter& w, const ExpectationOutcome& o) {
  w.begin_object();
  w.key("kind").string(kind_name(o.kind));
  w.key("passed").boolean(o.passed);
  if (o.kind == Kind::Winner) {
    w.key("expected").begin_array();
    for (const auto& id : o.winners) w.string(id);
    w.end_array();
  } else if (o.kind != Kind::Present) {
    optional_number(w, "expected", o.bound);
    optional_number(w, "actual", o.actual);
  }
  w.key("message").string(o.text);
  w.end_object();
}

void file_json(detail::JsonWriter& w, const FileCheck& c) {
  w.begin_object();
  w.key("file").string(c.file);
  w.key("assessment").text_or_null(c.assessment);
  w.key("framework").text_or_null(c.framework);
  w.key("status").string(to_string(c.status));
  w.key("winner").text_or_null(c.winners.empty() ? "" : c.winners.front());
  w.key("winners").begin_array();
  for (const auto& id : c.winners) w.string(id);
  w.end_array();
  w.key("runner_up").text_or_null(c.runner_up);
  optional_number(w, "margin", c.margin);
  optional_number(w, "confidence", c.confidence);
  optional_number(w, "confidence_error", c.confidence_error);
  w.key("samples").integer(static_cast<int64_t>(c.samples));
  w.key("expectations").begin_array();
  for (const auto& o : c.outcomes) outcome_json(w, o);
  w.end_array();
  w.key("diagnostics");
  detail::write_diagnostics(w, c.diagnostics);
  w.end_object();
}

void render_json(const std::vector<FileCheck>& files, std::ostream& out) {
  detail::JsonWriter w(out);
  const CheckSummary s = summarize(files);
  w.begin_object();
  w.key("files").begin_array();
  for (const auto& f : files) file_json(w, f);
  w.end_array();
  w.key("passed").integer(static_cast<int64_t>(s.passed));
  w.key("failed").integer(static_cast<int64_t>(s.failed));
  w.key("errors").integer(static_cast<int64_t>(s.errors));
  w.key("no_expectations").integer(static_cast<int64_t>(s.no_expectations));
  w.key("ok").boolean(s.ok());
  w.end_object();
  w.finish();
}

}  // namespace

void render_check(const std::vector<FileCheck>& files, Format format, std::ostream& out) {
  if (format == Format::Json) return render_json(files, out);
  if (format == Format::Text) return render_text(files, out);
  usage_error("tradeoff check writes text or json");
}

}  // namespace tradeoff
