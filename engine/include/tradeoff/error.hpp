// Diagnostics: source locations, error codes, and the one exception type the engine throws
// for bad input. Every user-facing problem is a Diagnostic; the CLI prints them compiler-style.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff {

/// A position in a source file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { Error, Warning, Note };

/// Stable categories of problems; printed as a slug, e.g. "[unknown-key]".
enum class ErrorCode {
  Io,
  YamlSyntax,
  YamlLimit,
  WrongKind,
  MissingKey,
  UnknownKey,
  DuplicateKey,
  WrongType,
  InvalidValue,
  DuplicateId,
  UnknownReference,
  MissingScore,
  OutOfRange,
  InvalidWeights,
  InvalidValueFunction,
  ExprSyntax,
  ExprType,
  ExprLimit,
  Cycle,
  Evaluation,
  MethodDomain,
  Conflict,
  Stale,
  // Lint: warnings about files that load and evaluate, but hold a likely mistake.
  UnusedInput,
  NeverFires,
  ConstantCriterion,
  ZeroWeight,
  UnexplainedScore,
  AhpInconsistent,
  UnknownIdInReason,
  Usage,
  RemovedReference,  ///< an overlay removed what this names
  Shadowed,          ///< a catalog file hides a built-in one of the same id
};

std::string_view to_string(ErrorCode code);
std::string_view to_string(Severity severity);

/// One problem, located in its source. Messages are lower case with no final period.
struct Diagnostic {
  ErrorCode code = ErrorCode::InvalidValue;
  SourceLocation where;
  std::string message;
  std::string excerpt;  ///< the offending source line (without its newline), for the caret
  int length = 1;       ///< how many characters the caret underlines
  std::string hint;     ///< optional, e.g. "did you mean 'weight'?"
  Severity severity = Severity::Error;
};

/// The one way diagnostics are made: a problem of `severity` at `where`.
Diagnostic make_diagnostic(ErrorCode code, SourceLocation where, std::string message,
                           std::string hint = {}, Severity severity = Severity::Error);

/// The one exception type the engine throws for bad input; what() is "file:line:col: message".
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic diagnostic);
  explicit Error(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Throws an Error holding one diagnostic made by make_diagnostic().
[[noreturn]] void fail(ErrorCode code, SourceLocation where, std::string message,
                       std::string hint = {});
/// A bad command-line choice, reported without a source location; the CLI exits with 2.
[[noreturn]] void usage_error(std::string message, std::string hint = {});

/// Puts diagnostics in source order: by line and column within each file, files in the order
/// they first appear. The engine hands out every list of diagnostics in this order.
void sort_by_source(std::vector<Diagnostic>& diagnostics);

/// Collects the problems of a validation pass so that all of them are reported at once.
class DiagnosticSink {
 public:
  void add(Diagnostic diagnostic);
  void error(ErrorCode code, SourceLocation where, std::string message, std::string hint = {});
  void warning(ErrorCode code, SourceLocation where, std::string message, std::string hint = {});
  bool has_errors() const noexcept { return errors_ > 0; }
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  /// Throws one Error with every diagnostic (warnings included) if any error was added.
  void throw_if_errors() const;
  /// Moves out the collected diagnostics (used to hand warnings to the caller).
  std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  std::vector<Diagnostic> diagnostics_;
  int errors_ = 0;
};

/// "did you mean 'x'?" for the candidate closest to a mistyped `word`, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// "file:line:col" (or "file" when the position is unknown).
std::string format_location(const SourceLocation& where);

}  // namespace tradeoff
