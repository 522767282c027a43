// Diagnostic plumbing: error-code slugs, the Error exception and the collecting sink.
#include "tradeoff/error.hpp"

#include <algorithm>
#include <utility>

namespace tradeoff {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::Io:
      return "io";
    case ErrorCode::YamlSyntax:
      return "yaml-syntax";
    case ErrorCode::YamlLimit:
      return "yaml-limit";
    case ErrorCode::WrongKind:
      return "wrong-kind";
    case ErrorCode::MissingKey:
      return "missing-key";
    case ErrorCode::UnknownKey:
      return "unknown-key";
    case ErrorCode::DuplicateKey:
      return "duplicate-key";
    case ErrorCode::WrongType:
      return "wrong-type";
    case ErrorCode::InvalidValue:
      return "invalid-value";
    case ErrorCode::DuplicateId:
      return "duplicate-id";
    case ErrorCode::UnknownReference:
      return "unknown-reference";
    case ErrorCode::MissingScore:
      return "missing-score";
    case ErrorCode::OutOfRange:
      return "out-of-range";
    case ErrorCode::InvalidWeights:
      return "invalid-weights";
    case ErrorCode::InvalidValueFunction:
      return "invalid-value-function";
    case ErrorCode::ExprSyntax:
      return "expr-syntax";
    case ErrorCode::ExprType:
      return "expr-type";
    case ErrorCode::ExprLimit:
      return "expr-limit";
    case ErrorCode::Cycle:
      return "cycle";
    case ErrorCode::Evaluation:
      return "evaluation";
    case ErrorCode::MethodDomain:
      return "method-domain";
    case ErrorCode::Conflict:
      return "conflict";
    case ErrorCode::Stale:
      return "stale";
    case ErrorCode::UnusedInput:
      return "unused-input";
    case ErrorCode::NeverFires:
      return "never-fires";
    case ErrorCode::ConstantCriterion:
      return "constant-criterion";
    case ErrorCode::ZeroWeight:
      return "zero-weight";
    case ErrorCode::UnexplainedScore:
      return "unexplained-score";
    case ErrorCode::AhpInconsistent:
      return "ahp-inconsistent";
    case ErrorCode::UnknownIdInReason:
      return "unknown-id-in-reason";
    case ErrorCode::Usage:
      return "usage";
    case ErrorCode::RemovedReference:
      return "removed-reference";
    case ErrorCode::Shadowed:
      return "shadowed";
  }
  return "unknown";
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

std::string format_location(const SourceLocation& where) {
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  return out;
}

namespace {
std::string describe(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::Error) continue;
    std::string out = format_location(d.where);
    if (!out.empty()) out += ": ";
    return out + d.message;
  }
  return "no diagnostics";
}
}  // namespace

Error::Error(Diagnostic diagnostic) : Error(std::vector<Diagnostic>{std::move(diagnostic)}) {}

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(describe(diagnostics)), diagnostics_(std::move(diagnostics)) {}

Diagnostic make_diagnostic(ErrorCode code, SourceLocation where, std::string message,
                           std::string hint, Severity severity) {
  Diagnostic d;
  d.code = code;
  d.where = std::move(where);
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.severity = severity;
  return d;
}

void fail(ErrorCode code, SourceLocation where, std::string message, std::string hint) {
  throw Error(make_diagnostic(code, std::move(where), std::move(message), std::move(hint)));
}

void usage_error(std::string message, std::string hint) {
  fail(ErrorCode::Usage, {}, std::move(message), std::move(hint));
}

void DiagnosticSink::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::Error) ++errors_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::error(ErrorCode code, SourceLocation where, std::string message,
                           std::string hint) {
  add(make_diagnostic(code, std::move(where), std::move(message), std::move(hint)));
}

void DiagnosticSink::warning(ErrorCode code, SourceLocation where, std::string message,
                             std::string hint) {
  add(make_diagnostic(code, std::move(where), std::move(message), std::move(hint),
                      Severity::Warning));
}

void sort_by_source(std::vector<Diagnostic>& diagnostics) {
  // Source order within each file; files in the order they first appear.
  std::vector<std::string> files;
  for (const auto& d : diagnostics) {
    if (std::find(files.begin(), files.end(), d.where.file) == files.end()) {
      files.push_back(d.where.file);
    }
  }
  auto file_rank = [&files](const std::string& f) {
    return std::find(files.begin(), files.end(), f) - files.begin();
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     const auto fa = file_rank(a.where.file);
                     const auto fb = file_rank(b.where.file);
                     if (fa != fb) return fa < fb;
                     if (a.where.line != b.where.line) return a.where.line < b.where.line;
                     return a.where.column < b.where.column;
                   });
}

void DiagnosticSink::throw_if_errors() const {
  if (errors_ == 0) return;
  std::vector<Diagnostic> sorted = diagnostics_;
  sort_by_source(sorted);
  throw Error(std::move(sorted));
}

}  // namespace tradeoff
