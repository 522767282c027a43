// Internal to lint/: the context every check reads and writes its warnings to, and the checks.
// Each check looks at the framework when no assessment is given, else at what the assessment's
// own file says.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tradeoff/catalog.hpp"
#include "tradeoff/lint.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::linter {

/// The text of the files linted, to find words inside reasons.
class SourceTexts {
 public:
  explicit SourceTexts(SourceReader& reader) : reader_(reader) {}
  /// Where `word` first occurs as a whole word at or after `from`, in `from`'s file, with the
  /// caret's length; `from` itself when it does not occur.
  std::pair<SourceLocation, int> find_word(const SourceLocation& from, std::string_view word);

 private:
  struct Text {
    std::string text;
    std::vector<size_t> line_starts;
  };
  const Text& text_of(const std::string& file);

  SourceReader& reader_;
  std::map<std::string, Text> texts_;
};

struct Context {
  const Framework& fw;
  const Assessment* assessment;  ///< null when the framework itself is linted
  const LintOptions& options;
  const Result& evaluated;  ///< at the defaults, or the assessment's answers
  SourceTexts& texts;
  std::vector<Diagnostic>& out;

  /// A warning at `where`, underlining `length` characters.
  void warn(ErrorCode code, SourceLocation where, std::string message, std::string hint = {},
            int length = 1);
};

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (or with "or").
std::string quoted_names(const std::vector<std::string>& ids, std::string_view conjunction = "and");

/// Inputs that no derived value, score, rule (condition, effect or note) or limit reads.
void check_unused_inputs(Context& ctx);
/// Rules whose condition no values of the inputs, within their declared ranges, make true.
void check_rules_reach(Context& ctx);
/// Criteria on which every eligible option gets the same value, as evaluated.
void check_constant_criteria(Context& ctx);
/// Judged scores that give neither a reason (`because`) nor a source.
void check_unexplained_scores(Context& ctx);
/// Weights written as zero: their criterion (or group) takes no part in the decision.
void check_zero_weights(Context& ctx);
/// AHP matrices whose consistency ratio is above 0.1.
void check_ahp(Context& ctx);
/// Sources' dates and inputs' `as_of` older than the options' threshold.
void check_ages(Context& ctx);
/// Reasons that name, as a snake_case word, an id the framework does not have.
void check_reasons(Context& ctx);

}  // namespace tradeoff::linter
