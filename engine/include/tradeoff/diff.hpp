// Comparing two versions of a decision (`tradeoff diff OLD NEW`): what changed in the definition
// (inputs, formulas, criteria, weights, options, scores, rules, method, sources), and what that
// did to the result (the winner, the margin, each option's rank, exclusions, the rules that
// fire). Plain value types; entries are matched by id, never by position.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff {

/// One side of a change: a number, a text, or nothing (the entry or field is absent there).
struct DiffValue {
  enum class Kind { None, Number, Text };
  Kind kind = Kind::None;
  double number = 0;  ///< when Kind::Number
  std::string text;   ///< as people read it, numbers too ("100,000"); "" for None

  static DiffValue of(double value);
  static DiffValue of(std::string text);
  bool present() const { return kind != Kind::None; }
  /// Same kind and value (numbers compared exactly, texts byte for byte).
  bool same_as(const DiffValue& other) const;
};

/// The parts of a definition, in the order the outputs list them.
enum class DiffSection {
  Framework,   ///< id, title, version, description
  Assessment,  ///< id, title, date, framework, the decision record
  Inputs,      ///< the framework's inputs: type, default, unit, range, levels or choices, ...
  Answers,     ///< the assessment's answers (the value used: the answer, or the default)
  Derived,     ///< derived values: formula, unit, description
  Criteria,    ///< direction, weight, scale, value function, limit, ...
  Weights,     ///< the weights as the evaluation used them: given and share
  Options,     ///< name, description
  Scores,      ///< per option and criterion: value or formula, reason, source, origin
  Rules,       ///< condition, effects, reason, source
  Method,      ///< method, normalisation and parameters
  Weighting,   ///< the weighting block, AHP consistency, weight uncertainty
  Sources,     ///< title, address, date, note
};
std::string_view to_string(DiffSection section);
/// Every section, in output order.
const std::vector<DiffSection>& diff_sections();

/// One difference between the old and the new definition.
struct Change {
  enum class Kind { Added, Removed, Changed };
  DiffSection section = DiffSection::Framework;
  Kind kind = Kind::Changed;
  /// The entry: an input's name, a criterion's, option's, rule's or source's id,
  /// "option/criterion" for a score; "" for the sections that describe one thing (framework,
  /// assessment, method, weighting).
  std::string id;
  /// What changed in it ("default", "weight", "when", ...); "" for an entry added or removed as
  /// a whole (then `after` or `before` summarises it).
  std::string field;
  DiffValue before;
  DiffValue after;
};
std::string_view to_string(Change::Kind kind);

/// One file of the comparison, as evaluated.
struct DiffSide {
  std::string file;  ///< as named ("builtin:frameworks/x.yaml" for a built-in)
  FileKind kind = FileKind::Framework;
  std::string framework;
  std::string framework_version;
  std::string assessment;  ///< "" for a framework
  std::string method;      ///< as the evaluation used it
  std::string normalization;
  std::string framework_sha256;
  std::string assessment_sha256;  ///< "" for a framework
};

/// An option on either side: where it ranked, or what excluded it.
struct OptionSide {
  bool present = false;     ///< the option exists on this side
  std::optional<int> rank;  ///< none when excluded (or absent)
  std::optional<double> score;
  std::string excluded_by;  ///< the vetoing rule's id, or "limit:CRITERION"; "" when eligible
};

struct OptionChange {
  std::string option;
  std::string name;  ///< the new name (the old one when the option was removed)
  OptionSide before;
  OptionSide after;
};

/// A rule whose firing differs: fired on one side and not on the other, or present on one side
/// only.
struct RuleFiring {
  std::string rule;
  std::optional<bool> before;  ///< none: the rule does not exist on that side
  std::optional<bool> after;
};

/// What the changes did to the result.
struct ResultDiff {
  std::string winner_before;  ///< "" when no option is eligible
  std::string winner_after;
  std::string runner_up_before;  ///< "" when only one option is ranked
  std::string runner_up_after;
  std::optional<double> margin_before;  ///< none without a runner-up
  std::optional<double> margin_after;
  bool tie_before = false;
  bool tie_after = false;
  /// Every option of either side: the new ranking best first, the new side's excluded options
  /// in framework order, then the options only the old side has, in its order.
  std::vector<OptionChange> options;
  std::vector<RuleFiring> rules;  ///< only those whose firing changed; new order, then old-only

  bool winner_changed() const { return winner_before != winner_after; }
  /// Options both sides have that an exclusion now removes from the ranking, or that another
  /// rule or limit than before excludes.
  std::vector<OptionChange> became_excluded() const;
  /// Options both sides have that were excluded and now rank.
  std::vector<OptionChange> became_eligible() const;
  /// Any difference in the winner, runner-up, margin, ranks, scores, exclusions or rules.
  bool changed() const;
};

/// The whole comparison.
struct DecisionDiff {
  DiffSide before;
  DiffSide after;
  std::vector<std::string> notes;  ///< e.g. that two assessments answer different frameworks
  std::vector<Change> changes;     ///< by section (diff_sections() order), then as listed there
  ResultDiff result;
  std::vector<Diagnostic> warnings;  ///< from loading and evaluating both sides, old first

  bool same() const { return changes.empty() && !result.changed(); }
};

/// The changes to the definition, without the weights section (which needs the evaluations):
/// entries in the new file's order, then the removed ones in the old file's order.
std::vector<Change> diff_definitions(const Loaded& before, const Loaded& after);
/// The weights as each evaluation used them (given and share), per criterion both sides have.
std::vector<Change> diff_weights(const Result& before, const Result& after);
/// What changed between two results.
ResultDiff diff_results(const Result& before, const Result& after);

/// Evaluates both sides with the same options and compares them. Both must be frameworks, or
/// both assessments: otherwise throws Error [wrong-kind] at the new file. Throws Error when an
/// evaluation does.
DecisionDiff diff_decisions(const Loaded& before, const Loaded& after,
                            const EvaluateOptions& options = {});

/// Text (100 columns; headings bold when `options.color`) or JSON; other formats are a usage
/// error.
void render(const DecisionDiff& diff, const RenderOptions& options, std::ostream& out);

}  // namespace tradeoff
