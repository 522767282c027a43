// The decision model as loaded from YAML: frameworks, criteria, options, assessments.
// Plain value types; every object keeps the SourceLocation it was read from, so problems found
// later (at evaluation) can still point at a line of YAML.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tradeoff/choices.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff {

namespace expr {
struct Tree;
}  // namespace expr

enum class Direction { Benefit, Cost };
std::string_view to_string(Direction direction);

/// Where a number came from: an entry of a framework's `sources:` block.
struct Source {
  std::string id;
  std::string title;
  std::string url;
  std::string date;
  std::string note;
  SourceLocation where;
  SourceLocation date_where;  ///< the `date:` value, when given
};

/// A file loaded for an evaluation and the SHA-256 of its bytes, for provenance.
struct FileDigest {
  std::string path;    ///< as it was named ("builtin:criteria/moat.yaml" for built-ins)
  std::string sha256;  ///< 64 lowercase hexadecimal digits
};

/// A formula written in YAML (a derived value, a score, a rule condition or effect), parsed and
/// type-checked when its file loads, evaluated at each evaluation.
struct Expression {
  std::string text;
  SourceLocation where;              ///< the YAML scalar that holds it
  std::shared_ptr<expr::Tree> tree;  ///< checked; names bound to value slots
  /// Source (line, column) of each byte of `text` and of its end, so that an error inside the
  /// expression points at the right character of the YAML file, in any scalar style.
  std::vector<std::pair<int, int>> positions;

  SourceLocation at(size_t offset) const;
};

enum class InputType { Number, Integer, Boolean, Choice, Level };
std::string_view to_string(InputType type);

/// A question an assessment answers; every input has a default.
struct Input {
  std::string name;
  InputType type = InputType::Number;
  std::string description;
  std::string unit;
  std::string source;
  std::string as_of;
  double default_value = 0;  ///< booleans 0/1; choices and levels: the value's index
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> values;  ///< the choices, or the levels from lowest to highest
  SourceLocation where;
  SourceLocation as_of_where;  ///< the `as_of:` value, when given

  /// "100,000", "true", "basic": a value of this input as people read it.
  std::string display(double value) const;
};

/// A named formula over inputs and other derived values.
struct Derived {
  std::string name;
  std::string description;
  std::string unit;
  std::string source;
  Expression formula;
  SourceLocation where;
};

/// One effect of a rule, applied in file order when the rule fires.
struct Effect {
  enum class Kind { Veto, ScoreAdd, ScoreMultiply, ScoreSet, WeightMultiply, WeightSet, Note };
  Kind kind = Kind::Note;
  std::vector<std::string> options;  ///< veto and score effects
  std::string criterion;             ///< score and weight effects
  std::optional<Expression> value;   ///< score and weight effects (a constant is an expression too)
  std::string text;                  ///< notes
  SourceLocation where;
};

/// "the 'add' effect of rule 'x'", "the weight 'multiply' effect of rule 'x'", ...
std::string describe(const Effect& effect, std::string_view rule);

struct Rule {
  std::string id;
  Expression when;
  std::vector<Effect> effects;
  std::string because;
  std::string source;
  SourceLocation where;
  SourceLocation because_where;
};

/// A piecewise-linear function from a criterion's raw value to a value in [0, 1].
struct ValueFunction {
  std::vector<std::pair<double, double>> points;  ///< sorted by raw value, strictly increasing
  SourceLocation where;
};

/// A criterion as defined in the criterion catalog (criteria/ID.yaml).
struct CatalogCriterion {
  std::string id;
  std::string name;
  std::string description;
  Direction direction = Direction::Benefit;
  std::string unit;
  std::optional<std::pair<double, double>> scale;
  std::vector<std::pair<std::string, std::string>> rubric;  ///< score -> meaning, in file order
  SourceLocation where;
};

/// A knock-out bound on a criterion (conjunctive screening): an option whose raw score, after
/// the rules, lies above `max` or below `min` is excluded, whatever its other scores. The
/// bounds are formulas over inputs and derived values (`deadline_weeks * 1.25`).
struct Limit {
  std::optional<Expression> min;
  std::optional<Expression> max;
  std::string because;
  std::string source;
  SourceLocation where;
  SourceLocation because_where;  ///< when given
};

struct Criterion {
  std::string id;
  std::string name;
  std::string description;
  Direction direction = Direction::Benefit;
  std::string unit;
  std::optional<std::pair<double, double>> scale;  ///< declared [low, high] for judged scores
  std::optional<ValueFunction> value_function;
  std::vector<std::pair<std::string, std::string>> rubric;
  std::optional<double> weight;  ///< as given (any unit); normalised at evaluation
  std::string catalog;           ///< id of the catalog criterion it `use:`s, if any
  /// The file its definition came from: the catalog file it uses, else the framework file
  /// (of an `extends:` chain) that declares it.
  std::string file;
  std::string source;          ///< source id, if cited
  std::optional<Limit> limit;  ///< framework only
  SourceLocation where;
  SourceLocation weight_where;
};

/// A value known only within bounds, for Monte-Carlo analysis (SMAA): uniform over
/// [low, high] (a range, written `[low, high]`) or triangular with its most likely value (a
/// triangle, written `{low, mode, high}`). A deterministic evaluation uses `mode`, which for a
/// range is its midpoint.
struct Distribution {
  enum class Kind { Range, Triangle };
  Kind kind = Kind::Range;
  double low = 0;
  double mode = 0;  ///< the midpoint of a range
  double high = 0;
  SourceLocation where;  ///< the range or triangle as written
  SourceLocation low_where;
  SourceLocation high_where;
};

/// How uncertain the weights are, for Monte-Carlo analysis (a top-level `uncertainty:` block;
/// an assessment's replaces its framework's). Without one, SMAA samples a concentration of 100.
struct Uncertainty {
  enum class Weights {
    Stated,         ///< exact: the weights do not vary
    None,           ///< no information: uniform over every way of sharing out the weight
    Concentration,  ///< Dirichlet around the stated shares: alpha_j = concentration x share_j
    Ranges,         ///< each listed weight uniform in its range; the others as stated
  };
  struct Range {
    std::string criterion;
    double low = 0;  ///< in the weighting's units (the criteria's weights for direct weighting)
    double high = 0;
    SourceLocation where;
  };
  Weights weights = Weights::Concentration;
  double concentration = 100;
  std::vector<Range> ranges;
  SourceLocation where;
};

/// One judged or computed score of an option on a criterion.
struct Score {
  std::string criterion;
  double value = 0;  ///< when the score is a plain number
  /// When it is computed (a pointer, so that a matrix of plain numbers stays small; copies of
  /// a framework share it, and only the loader binds it).
  std::shared_ptr<Expression> formula;
  /// When it is a range or a triangle (`value` is then its midpoint or mode); a pointer for the
  /// same reason as `formula`.
  std::shared_ptr<Distribution> uncertainty;
  std::string because;
  std::string source;
  SourceLocation where;      ///< the value
  SourceLocation key_where;  ///< the criterion id it is keyed by
};

/// An option on the table (called an alternative in the MCDA literature).
struct Alternative {
  std::string id;
  std::string name;
  std::string description;
  std::vector<Score> scores;  ///< in file order
  /// Where it is defined. An option that a row of a framework's table (`scores_from:`) adds
  /// has the row's line, column 1 and no file: the file is `Framework::table->file` (100,000
  /// rows would otherwise hold 100,000 copies of its path).
  SourceLocation where;
  SourceLocation scores_where;

  const Score* score(std::string_view criterion) const;
};

/// Option scores read from a spreadsheet (`scores_from: scores.csv`), kept as one dense matrix:
/// a table may hold 100,000 options, where a Score per cell would cost a hundred times more.
struct ScoreTable {
  std::string file;                   ///< the path as resolved
  SourceLocation where;               ///< the `scores_from:` value that names it
  std::vector<std::string> criteria;  ///< its criterion columns, in file order
  /// Its rows' option ids, in file order, while it is read; a framework's table releases them
  /// once its rows are linked to the framework's options (`row_of_option`).
  std::vector<std::string> options;
  std::vector<double> values;   ///< rows x criteria; NaN for an empty cell
  std::vector<uint32_t> lines;  ///< per row: the line its first cell is on
  /// Per cell, where it is, in one of two forms (the other is empty): `columns` holds its
  /// column (in bytes, from 1) while every cell is on its row's line within 65,535 bytes of the
  /// line's start, as in any plain table; else `positions` holds the lines below its row's line
  /// (top 8 bits) and its column (the low 24 bits).
  std::vector<uint16_t> columns;
  std::vector<uint32_t> positions;
  std::vector<int32_t> row_of_option;        ///< per option of the framework: its row, or -1
  std::vector<int32_t> column_of_criterion;  ///< per criterion of the framework: its column, or -1

  /// The table's cell for an option and a criterion of the framework (by index): NaN when the
  /// table has no such row, column or value.
  double value(size_t option, size_t criterion) const;
  /// The table has a number for an option of the framework (by index) on every criterion of
  /// the framework.
  bool complete_row(size_t option) const;
  /// Where the table's cell for an option and a criterion of the framework is; none when the
  /// table has no such row or column.
  SourceLocation location(size_t option, size_t criterion) const;
};

/// The aggregation method and its parameters, as named in a framework or assessment.
/// A PROMETHEE preference function for one criterion (or the default for all).
struct PreferenceFunction {
  std::string criterion;  ///< "" = the default
  PreferenceShape function = PreferenceShape::Usual;
  double q = 0;  ///< indifference threshold, in the criterion's units
  double p = 0;  ///< preference threshold
  double s = 0;  ///< Gaussian inflection point
  SourceLocation where;
};

struct MethodSpec {
  std::optional<Method> name;                  ///< not given: the default
  std::optional<Normalization> normalization;  ///< not given: the method's default
  SourceLocation normalization_where;
  std::optional<double> v;                     ///< VIKOR: weight of the majority rule (default 0.5)
  std::optional<double> lambda;                ///< WASPAS: weight of the weighted sum (default 0.5)
  std::vector<PreferenceFunction> preference;  ///< PROMETHEE II
  std::vector<Method> compare;                 ///< methods `--method all` compares
  SourceLocation where;
};

/// A pairwise comparison matrix on Saaty's 1-9 scale over some elements (criteria or groups).
struct PairwiseJudgements {
  std::vector<std::string> elements;  ///< row (and column) order
  std::vector<double> matrix;         ///< n x n, row-major, reciprocal
  std::vector<SourceLocation> cells;  ///< where each judgement was written (n x n; unknown below
                                      ///< the diagonal when only the upper triangle is given)
  PriorityMethod priority = PriorityMethod::Eigenvector;
  RiTable ri_table = RiTable::Saaty1980;
  SourceLocation where;
};

struct WeightingSpec;

/// A group of criteria in a weighting hierarchy: its weight among the groups, and how its
/// criteria are weighted within it.
struct CriteriaGroup {
  std::string id;
  std::string name;
  std::vector<std::string> criteria;
  std::optional<double> weight;          ///< among groups, when the groups are weighted directly
  std::shared_ptr<WeightingSpec> local;  ///< within the group; null = the criteria's weights
  SourceLocation where;
};

/// One stakeholder of a group decision, with their own weighting.
struct Stakeholder {
  std::string id;
  std::string name;
  double weight = 1;  ///< influence in the aggregate
  std::shared_ptr<WeightingSpec> weighting;
  SourceLocation where;
};

/// How the criteria are weighted (the `weighting:` block).
struct WeightingSpec {
  WeightingMethod method = WeightingMethod::Direct;
  std::vector<std::pair<std::string, double>> weights;  ///< direct (stakeholders), swing points
  PairwiseJudgements ahp;                               ///< ahp
  std::vector<std::vector<std::string>> order;          ///< rank-order: most important first;
                                                        ///< an inner list holds tied criteria
  std::vector<CriteriaGroup> groups;                    ///< groups
  std::shared_ptr<WeightingSpec> top;                   ///< groups: weighting of the groups
  std::vector<Stakeholder> stakeholders;                ///< stakeholders
  StakeholderAggregate aggregate = StakeholderAggregate::Arithmetic;  ///< stakeholders
  SourceLocation where;
};

struct Framework {
  std::string id;
  std::string title;
  std::string version;
  std::string description;
  std::vector<Source> sources;
  std::vector<Input> inputs;
  std::vector<Derived> derived;
  std::vector<size_t> derived_order;  ///< indices into `derived`, dependencies first
  std::vector<Criterion> criteria;
  std::vector<Alternative> options;
  std::vector<Rule> rules;
  MethodSpec method;
  std::optional<WeightingSpec> weighting;  ///< none = direct, from the criteria's weights
  std::optional<Uncertainty> uncertainty;  ///< how uncertain the weights are, for SMAA
  /// Scores read from a spreadsheet (`scores_from:`): its rows that `options:` does not list
  /// are options too (named by the table's `name` column, else by their id). Shared: copies of
  /// a framework (an assessment's, a cache's) share one table.
  std::shared_ptr<const ScoreTable> table;
  std::string file;  ///< the path it was loaded from ("builtin:..." for built-ins)
  /// The framework file, then each catalog criterion file it uses, in order of first use.
  std::vector<FileDigest> files;
  SourceLocation where;
  SourceLocation criteria_where;

  const Criterion* criterion(std::string_view criterion_id) const;
  const Alternative* option(std::string_view option_id) const;
  const Input* input(std::string_view name) const;
  /// Expressions read value slots: inputs first, then derived values, in file order.
  size_t slot_count() const { return inputs.size() + derived.size(); }
};

struct WeightOverride {
  std::string criterion;
  double weight = 0;
  std::string because;  ///< `weights: {id: {value, because, source}}`
  std::string source;
  SourceLocation where;
  SourceLocation because_where;  ///< when given
};

struct ScoreOverride {
  std::string option;
  Score score;
};

/// An assessment's answer to an input, with where the number came from.
struct InputValue {
  std::string name;
  double value = 0;  ///< the midpoint or mode when the answer is a range or a triangle
  std::optional<Distribution> uncertainty;  ///< number inputs only
  std::string because;
  std::string source;
  std::string as_of;
  SourceLocation where;
  SourceLocation because_where;  ///< when given
  SourceLocation as_of_where;    ///< when given
};

/// What a decision record says besides the analysis (MADR: status, deciders, consulted,
/// context, consequences), as an assessment writes it.
struct DecisionRecord {
  /// "proposed", "accepted", "rejected", "deprecated" or "superseded by ..."; "" when not given.
  std::string status;
  std::vector<std::string> deciders;
  std::vector<std::string> consulted;
  std::string context;
  std::string consequences;  ///< "" when not given (a report may derive them)
};

/// What an assessment expects of its own result (`expect:`), so that `tradeoff check` can tell
/// when a decision no longer holds. Every part is optional.
struct Expectation {
  /// The acceptable winners (`winner: ID` or a list); an empty list expects no option to be
  /// ranked (every option excluded). None: the winner is not checked.
  std::optional<std::vector<std::string>> winners;
  /// The explanation's margin between the winner and the runner-up, in the method's score
  /// units, must be at least this (>= 0).
  std::optional<double> min_margin;
  /// The winner's Monte-Carlo confidence (its first-rank acceptability, as `sensitivity`
  /// computes it) must be at least this, in [0, 1].
  std::optional<double> min_confidence;
  SourceLocation where;  ///< the `expect:` block
  SourceLocation winner_where;
  SourceLocation margin_where;
  SourceLocation confidence_where;
};

/// One case: a framework answered for a client.
struct Assessment {
  std::string id;
  std::string title;
  std::string date;
  std::string framework_ref;  ///< as written in the file
  std::string description;
  DecisionRecord record;
  std::vector<Source> sources;  ///< cited by its answers and scores, besides the framework's
  std::vector<InputValue> inputs;
  std::vector<WeightOverride> weights;
  std::vector<ScoreOverride> scores;
  MethodSpec method;
  std::optional<WeightingSpec> weighting;  ///< replaces the framework's
  std::optional<Uncertainty> uncertainty;  ///< replaces the framework's
  std::optional<Expectation> expect;       ///< what `tradeoff check` holds the result to
  /// Scores read from a spreadsheet (`scores_from:`): each cell with a value overrides the
  /// framework's score (an empty cell leaves it); `scores:` written in YAML override the table.
  std::shared_ptr<const ScoreTable> table;
  std::string file;
  std::vector<FileDigest> files;  ///< the assessment file itself
  SourceLocation where;
  SourceLocation framework_where;
};

}  // namespace tradeoff
