// The outcome of an evaluation: ranking, per-criterion contributions and the explanation.
// Everything a renderer shows comes from here; nothing is recomputed in the renderers.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  std::string weight_origin;     ///< "framework", "assessment", the weighting method, "rule ID",
                                 ///< or "analysis" (set through the Evaluator)
  std::string weight_because;    ///< the assessment's reason for its weight, if given
  std::string weight_source;     ///< the source it cites for that weight, if any
  std::string description;
  std::string normalization;  ///< how its scores were normalised, e.g. "scale [1, 5]"
  std::string file;           ///< the file its definition came from (a catalog file, or the
                              ///< framework of an `extends:` chain that declares it)
};

/// One option's figures on every criterion, in framework order, read-only: a row of a matrix
/// that the Result's options share, since a vector per option and figure would cost a large
/// matrix more than its numbers. Copies share the matrix, which lives as long as any of them.
class Figures {
 public:
  Figures() = default;
  /// Row `row` of `matrix`, whose rows hold `size` values.
  Figures(std::shared_ptr<const std::vector<double>> matrix, size_t row, size_t size);
  /// Figures of their own.
  explicit Figures(std::vector<double> values);

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const double* data() const { return data_; }
  const double* begin() const { return data_; }
  const double* end() const { return data_ + size_; }
  double operator[](size_t j) const { return data_[j]; }
  /// Throws std::out_of_range past the end.
  double at(size_t j) const;
  /// A copy, for code written when the figures were a std::vector.
  // NOLINTNEXTLINE(google-explicit-constructor,hicpp-explicit-conversions)
  operator std::vector<double>() const { return {begin(), end()}; }

  friend bool operator==(const Figures& a, const std::vector<double>& b);
  friend bool operator==(const Figures& a, const Figures& b);

 private:
  std::shared_ptr<const std::vector<double>> matrix_;
  const double* data_ = nullptr;
  size_t size_ = 0;
};

/// One option's figures, criteria in framework order.
struct OptionResult {
  std::string id;
  std::string name;
  std::string description;
  Figures raw;           ///< scores in the criteria's own units
  Figures normalized;    ///< after normalisation (oriented: more is better)
  Figures contribution;  ///< additive part of the score per criterion
  /// The reason given for each score, if any; empty when no score of the option has a reason
  /// or a source.
  std::vector<std::string> because;
  std::vector<std::string> source;  ///< the source cited for each score; empty like `because`
  std::vector<bool> overridden;     ///< the score comes from the assessment
  double score = 0;                 ///< the method's native figure
  int rank = 0;                     ///< 1 = best; 0 for options not ranked (vetoed)
  bool eligible = true;             ///< false when a rule vetoed it
};

namespace detail {
struct OptionColumns;
}

/// A Result's options, in framework order, read like a `std::vector<OptionResult>` that cannot
/// be changed. They are kept as columns (ids, scores, ranks, the shared matrices of figures)
/// and an option's OptionResult is built the first time it is read, then kept: a report that
/// shows the head of a ranking of 100,000 options builds the few it shows. References stay valid
/// as long as the Result, or a copy of it, lives; copies share the options. Reading from several
/// threads at once is safe.
class OptionResults {
 public:
  using value_type = OptionResult;
  using size_type = size_t;
  using const_reference = const OptionResult&;
  using reference = const OptionResult&;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = OptionResult;
    using difference_type = std::ptrdiff_t;
    using pointer = const OptionResult*;
    using reference = const OptionResult&;

    const_iterator() = default;
    const_iterator(const OptionResults* list, size_t i) : list_(list), i_(i) {}
    reference operator*() const { return (*list_)[i_]; }
    pointer operator->() const { return &(*list_)[i_]; }
    reference operator[](difference_type k) const { return *(*this + k); }
    const_iterator& operator++() { return *this += 1; }
    const_iterator& operator--() { return *this -= 1; }
    const_iterator operator++(int) {
      const_iterator was = *this;
      ++*this;
      return was;
    }
    const_iterator operator--(int) {
      const_iterator was = *this;
      --*this;
      return was;
    }
    const_iterator& operator+=(difference_type k) {
      i_ = static_cast<size_t>(static_cast<difference_type>(i_) + k);
      return *this;
    }
    const_iterator& operator-=(difference_type k) { return *this += -k; }
    friend const_iterator operator+(const_iterator it, difference_type k) { return it += k; }
    friend const_iterator operator+(difference_type k, const_iterator it) { return it += k; }
    friend const_iterator operator-(const_iterator it, difference_type k) { return it -= k; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.i_ == b.i_;
    }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) { return !(a == b); }
    friend bool operator<(const const_iterator& a, const const_iterator& b) { return a.i_ < b.i_; }
    friend bool operator>(const const_iterator& a, const const_iterator& b) { return b < a; }
    friend bool operator<=(const const_iterator& a, const const_iterator& b) { return !(b < a); }
    friend bool operator>=(const const_iterator& a, const const_iterator& b) { return !(a < b); }

   private:
    const OptionResults* list_ = nullptr;
    size_t i_ = 0;
  };
  using iterator = const_iterator;

  OptionResults() = default;
  /// Options built by hand.
  explicit OptionResults(std::vector<OptionResult> options);
  /// Options kept as columns (the engine's own form).
  explicit OptionResults(std::shared_ptr<const detail::OptionColumns> columns);

  size_t size() const;
  bool empty() const { return size() == 0; }
  const OptionResult& operator[](size_t i) const;
  /// Throws std::out_of_range past the end.
  const OptionResult& at(size_t i) const;
  const OptionResult& front() const { return (*this)[0]; }
  const OptionResult& back() const { return (*this)[size() - 1]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  /// Option i's id, read without building its OptionResult.
  const std::string& id(size_t i) const;
  /// The index of the option with this id, or size() when there is none (hashed on first use).
  size_t find(std::string_view id) const;

 private:
  std::shared_ptr<const detail::OptionColumns> columns_;
};

/// The value an input took, and where it came from.
struct InputResult {
  std::string name;
  std::string description;
  std::string unit;
  double value = 0;     ///< booleans 0/1; choices and levels their index
  std::string display;  ///< as people read it: "100,000", "true", "basic"
  std::string origin;   ///< "default", "assessment", "command line" or "analysis" (set
                        ///< through the Evaluator)
  std::string source;   ///< the framework's source for a default; the assessment's for an answer
  std::string as_of;
  std::string because;  ///< the assessment's reason for its answer, if given
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
  std::string kind;  ///< "veto", "add", "multiply", "set", "weight_multiply", "weight_set", "note"
  std::string option;     ///< veto and score effects
  std::string criterion;  ///< score and weight effects
  double operand = 0;     ///< the value added, multiplied by, or set
  double before = 0;
  double after = 0;
  bool clamped = false;  ///< the result was kept within the criterion's scale
  /// False when the effect left a score or a weight alone because the assessment (or the
  /// command line) set it on purpose; `text` then says so.
  bool applied = true;
  std::string text;  ///< a sentence describing the effect
};

struct RuleTrace {
  std::string id;
  bool fired = false;
  std::string when;                                           ///< the condition as written
  std::vector<std::pair<std::string, std::string>> bindings;  ///< names it read, their values
  std::vector<EffectTrace> effects;
  std::string because;
  std::string source;
};

struct Veto {
  std::string option;
  std::string rule;  ///< the rule that vetoed it; empty when a limit excluded it
  std::string because;
  /// When a criterion's limit excluded it: the criterion, "max" or "min", the bound and the
  /// option's score.
  std::string limit;
  std::string bound_kind;
  double bound = 0;
  double value = 0;

  /// The rule's id, or "the limit on time_to_market".
  std::string by() const;
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

/// A judgement of an inconsistent AHP matrix, and the value that would make it consistent with
/// the priorities.
struct Judgement {
  std::string row;
  std::string column;
  double given = 0;
  std::string given_text;  ///< as Saaty's scale writes it: "3", "1/3", "2.5"
  double consistent = 0;   ///< w_row / w_column
  std::string suggested;   ///< the nearest value on Saaty's scale, e.g. "3" or "1/5"
  SourceLocation where;
};

struct AhpReport {
  std::vector<std::string> elements;
  std::vector<double> priorities;
  std::string priority_method;
  double lambda_max = 0;
  double consistency_index = 0;
  double consistency_ratio = 0;
  double random_index = 0;
  std::string ri_table;
  std::vector<std::pair<std::string, double>> ratio_by_table;  ///< CR under every RI table
  std::vector<double> consistency_vector;                      ///< (A w)_i / w_i
  bool consistent = true;                                      ///< CR <= 0.1
  std::vector<Judgement> inconsistent;  ///< when not consistent: the worst judgements first
};

struct GroupReport {
  std::string id;
  std::string name;
  double weight = 0;  ///< the group's share among the groups
  std::vector<std::string> criteria;
  std::vector<double> local;  ///< shares within the group
  std::string method;
  std::string description;
  std::optional<AhpReport> ahp;
};

struct StakeholderReport {
  std::string id;
  std::string name;
  double influence = 0;  ///< normalised stakeholder weight
  std::string method;
  std::vector<double> weights;     ///< normalised, per criterion
  std::vector<RankEntry> ranking;  ///< the ranking under this stakeholder's weights
  double tau = 1;                  ///< Kendall's tau-b between this ranking and the group's
  std::optional<AhpReport> ahp;
};

/// How the weights were obtained, with each method's diagnostics.
struct WeightingReport {
  std::string method = "direct";
  std::string origin = "framework";  ///< whose weighting: "framework" or "assessment"
  std::string description;           ///< e.g. "rank order, most important first: a, b = c"
  std::optional<AhpReport> ahp;
  std::vector<GroupReport> groups;
  std::string group_method;            ///< how the groups themselves were weighted
  std::optional<AhpReport> group_ahp;  ///< when the groups are weighted by AHP
  std::vector<StakeholderReport> stakeholders;
  std::string aggregate;
  double mean_pairwise_tau = 1;       ///< agreement between the stakeholders' rankings
  std::vector<double> weight_spread;  ///< per criterion: standard deviation across stakeholders
};

/// A criterion's share of the gap between two options (winner minus runner-up).
struct Driver {
  std::string criterion;
  double difference = 0;
};

struct Explanation {
  std::string winner;
  std::string runner_up;         ///< "" when only one option is ranked
  double margin = 0;             ///< how far the winner is ahead, in the method's score units
  bool tie = false;              ///< winner and runner-up share rank 1
  std::vector<Driver> decisive;  ///< where the winner leads, biggest first
  std::vector<Driver> trailing;  ///< where the winner trails, biggest first
  std::string summary;           ///< one plain-language sentence
};

/// A method's intermediate figures (TOPSIS distances, VIKOR S/R/Q, PROMETHEE flows, ...).
struct MethodDetails {
  /// Per option, in the order of the eligible options: e.g. {"d_plus", {...}}.
  std::vector<std::pair<std::string, std::vector<double>>> per_option;
  /// Per criterion, in framework order: e.g. {"ideal", {...}}.
  std::vector<std::pair<std::string, std::vector<double>>> per_criterion;
  /// Per criterion, as text: e.g. {"preference", {"linear q=1 p=2", ...}} for PROMETHEE.
  std::vector<std::pair<std::string, std::vector<std::string>>> per_criterion_text;
  std::vector<std::pair<std::string, double>> figures;   ///< e.g. {"dq", 0.2}
  std::vector<std::pair<std::string, bool>> conditions;  ///< e.g. {"acceptable_advantage", true}
  std::vector<std::string> compromise_set;               ///< VIKOR, best first
  std::vector<std::string> options;                      ///< the options per_option refers to
};

// --- what would change the decision (tradeoff/sensitivity.hpp computes these) ---------------

/// The smallest change of one weight that flips the winner: the criterion, and the relative
/// change of its weight (0.27 for a rise from 10 to 12.7); none when no
/// single weight change flips the winner.
struct WeightFlip {
  std::string criterion;
  double from = 0;      ///< the weight as used: stated, after the rules' weight effects
  double to = 0;        ///< the weight at which `winner` takes over
  double relative = 0;  ///< |to - from| / from (infinity-free: from > 0 for any flip found)
  std::string winner;   ///< who wins past the flip
};

/// One change of winner along a numeric input's declared range.
struct BreakEven {
  double value = 0;    ///< where the winner changes, bisected to 0.1% of the range
  std::string before;  ///< winner just below ("" when every option is vetoed there)
  std::string after;   ///< winner just above
};

/// The break-even point nearest to the current value over all inputs (relative to each
/// input's range), or none.
struct NearestBreakEven {
  std::string input;
  BreakEven point;
  double distance = 0;  ///< |point.value - current| / (high - low)
};

/// Said plainly when the winner's lead can be overturned by a small weight change (5% or less
/// of one weight) or by the stated uncertainty (confidence below 2/3).
struct NearTie {
  bool near = false;
  std::string winner;
  std::string runner_up;
  std::optional<double> weight_change;  ///< smallest relative change of one weight that swaps
  std::optional<double> confidence;     ///< from SMAA, when it ran
  std::optional<double> confidence_error;
  std::string sentence;  ///< "a and b are effectively tied: a 3% weight change swaps them; ..."
};

/// The short robustness block of an evaluation (tradeoff::add_robustness()).
struct Robustness {
  std::optional<WeightFlip> flip;           ///< the most sensitive criterion and its flip point
  std::optional<NearestBreakEven> nearest;  ///< the nearest input break-even point
  std::string nearest_unit;                 ///< the unit of that input
  double nearest_current = 0;               ///< the value the evaluation used
  size_t samples = 0;                       ///< Monte-Carlo samples; 0 when none ran
  std::optional<double> confidence;         ///< the winner's first-rank acceptability
  std::optional<double> confidence_error;   ///< its standard error
  NearTie near_tie;
  std::vector<std::string> sentences;  ///< the block in plain words, one finding each
};

/// When no option is eligible: one input's nearest value that admits an option again.
struct Relaxation {
  std::string input;
  std::string unit;
  std::string from;                 ///< the current value, as people read it
  std::string to;                   ///< the value that admits
  double value = 0;                 ///< as the Evaluator takes it (a level's or choice's index)
  double change = 0;                ///< the share of the input's range (or levels) it moves
  std::vector<std::string> admits;  ///< the options it admits, best first
};

/// What an output was computed from: the tool's version and the SHA-256 of every file loaded,
/// so that two copies of a framework with the same id and version can be told apart.
struct Provenance {
  std::string tool;  ///< "tradeoff 0.1.0"
  /// SHA-256 over the digests of `framework_files` (each as 64 hex digits and a line feed, in
  /// order): changes when the framework file or a catalog criterion it uses changes.
  std::string framework_sha256;
  std::vector<FileDigest> framework_files;
  std::string assessment_sha256;  ///< the assessment file's digest; "" without one
  std::vector<FileDigest> assessment_files;
};

struct Result {
  std::string framework;
  std::string framework_title;
  std::string framework_version;
  std::string framework_description;
  std::string assessment;
  std::string assessment_title;
  std::string assessment_date;
  std::string assessment_description;
  Provenance provenance;
  /// The sources the framework and the assessment cite, the framework's first, in file order.
  std::vector<Source> sources;
  DecisionRecord record;      ///< the assessment's status, deciders, ...; empty without one
  std::string method;         ///< e.g. "wsm"
  std::string method_title;   ///< e.g. "weighted sum"
  std::string normalization;  ///< e.g. "declared"
  bool higher_is_better = true;
  std::string contribution_meaning;  ///< what a contribution is under this method
  /// What the contributions add up to ("score", "ln(score)", "-S"), or "" when they do not add
  /// up to a figure of the method (TOPSIS, WASPAS).
  std::string contribution_total;
  MethodDetails details;
  std::vector<InputResult> inputs;
  std::vector<DerivedResult> derived;  ///< in file order
  std::vector<RuleTrace> rules;        ///< every rule, in file order, fired or not
  std::vector<Veto> vetoed;
  std::vector<Note> notes;  ///< recommendations of the rules that fired
  WeightingReport weighting;
  std::vector<CriterionResult> criteria;
  OptionResults options;           ///< framework order
  std::vector<RankEntry> ranking;  ///< best first; ties share the better rank, by id
  Explanation explanation;
  /// Set when no option is eligible: the smallest single-input changes that admit one.
  std::vector<Relaxation> relaxations;
  std::optional<Robustness> robustness;  ///< set by add_robustness() (evaluate's default)
  std::vector<Diagnostic> warnings;

  const OptionResult* option(const std::string& id) const;
  int criterion_index(const std::string& id) const;
};

}  // namespace tradeoff
