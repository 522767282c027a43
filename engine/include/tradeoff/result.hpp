// The outcome of an evaluation: ranking, per-criterion contributions and the explanation.
// Everything a renderer shows comes from here; nothing is recomputed in the renderers.
#pragma once

#include <string>
#include <vector>

#include "tradeoff/error.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff {

struct CriterionResult {
  std::string id;
  std::string name;
  std::string unit;
  Direction direction = Direction::Benefit;
  double weight = 0;             ///< as given, after assessment overrides
  double normalized_weight = 0;  ///< weight / sum of weights
  std::string weight_origin;     ///< "framework" or "assessment"
  std::string normalization;     ///< how its scores were normalised, e.g. "scale [1, 5]"
};

/// One option's figures, criteria in framework order.
struct OptionResult {
  std::string id;
  std::string name;
  std::vector<double> raw;           ///< scores in the criteria's own units
  std::vector<double> normalized;    ///< after normalisation (oriented: more is better)
  std::vector<double> contribution;  ///< additive part of the score per criterion
  std::vector<std::string> because;  ///< the reason given for each score, if any
  std::vector<std::string> source;   ///< the source cited for each score, if any
  std::vector<bool> overridden;      ///< the score comes from the assessment
  double score = 0;                  ///< the method's native figure
  int rank = 0;                      ///< 1 = best; 0 for options not ranked (vetoed)
  bool eligible = true;              ///< false when a rule vetoed it
};

/// The value an input took, and where it came from.
struct InputResult {
  std::string name;
  std::string description;
  std::string unit;
  double value = 0;       ///< booleans 0/1; choices and levels their index
  std::string display;    ///< as people read it: "100,000", "true", "basic"
  std::string origin;     ///< "default", "assessment" or "command line"
  std::string source;     ///< the framework's source for a default; the assessment's for an answer
  std::string as_of;
  std::string because;    ///< the assessment's reason for its answer, if given
};

struct DerivedResult {
  std::string name;
  std::string description;
  std::string unit;
  std::string formula;
  double value = 0;
  std::string display;
};

/// One effect a fired rule had, with the value before and after.
struct EffectTrace {
  std::string kind;       ///< "veto", "add", "multiply", "set", "weight_multiply", "weight_set", "note"
  std::string option;     ///< veto and score effects
  std::string criterion;  ///< score and weight effects
  double operand = 0;     ///< the value added, multiplied by, or set
  double before = 0;
  double after = 0;
  bool clamped = false;   ///< the result was kept within the criterion's scale
  std::string text;       ///< a sentence describing the effect
};

struct RuleTrace {
  std::string id;
  bool fired = false;
  std::string when;  ///< the condition as written
  std::vector<std::pair<std::string, std::string>> bindings;  ///< names it read, their values
  std::vector<EffectTrace> effects;
  std::string because;
  std::string source;
};

struct Veto {
  std::string option;
  std::string rule;
  std::string because;
};

struct Note {
  std::string rule;
  std::string text;
};

struct RankEntry {
  std::string option;
  int rank = 0;
  double score = 0;
};

/// A criterion's share of the gap between two options (winner minus runner-up).
struct Driver {
  std::string criterion;
  double difference = 0;
};

struct Explanation {
  std::string winner;
  std::string runner_up;  ///< "" when only one option is ranked
  double margin = 0;      ///< how far the winner is ahead, in the method's score units
  bool tie = false;       ///< winner and runner-up share rank 1
  std::vector<Driver> decisive;  ///< where the winner leads, biggest first
  std::vector<Driver> trailing;  ///< where the winner trails, biggest first
  std::string summary;           ///< one plain-language sentence
};

struct Result {
  std::string framework;
  std::string framework_title;
  std::string framework_version;
  std::string assessment;
  std::string assessment_title;
  std::string assessment_date;
  std::string method;         ///< e.g. "wsm"
  std::string method_title;   ///< e.g. "weighted sum"
  std::string normalization;  ///< e.g. "declared"
  bool higher_is_better = true;
  std::string contribution_meaning;  ///< what a contribution is under this method
  std::vector<InputResult> inputs;
  std::vector<DerivedResult> derived;  ///< in file order
  std::vector<RuleTrace> rules;        ///< every rule, in file order, fired or not
  std::vector<Veto> vetoed;
  std::vector<Note> notes;             ///< recommendations of the rules that fired
  std::vector<CriterionResult> criteria;
  std::vector<OptionResult> options;  ///< framework order
  std::vector<RankEntry> ranking;     ///< best first; ties share the better rank, by id
  Explanation explanation;
  std::vector<Diagnostic> warnings;

  const OptionResult* option(const std::string& id) const;
  int criterion_index(const std::string& id) const;
};

}  // namespace tradeoff
