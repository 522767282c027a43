// The decision model as loaded from YAML: frameworks, criteria, options, assessments.
// Plain value types; every object keeps the SourceLocation it was read from, so problems found
// later (at evaluation) can still point at a line of YAML.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tradeoff/error.hpp"

namespace tradeoff {

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
  std::string source;            ///< source id, if cited
  SourceLocation where;
  SourceLocation weight_where;
};

/// One judged or computed score of an option on a criterion.
struct Score {
  std::string criterion;
  double value = 0;
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
  SourceLocation where;
  SourceLocation scores_where;

  const Score* score(std::string_view criterion) const;
};

/// The aggregation method and its parameters, as named in a framework or assessment.
struct MethodSpec {
  std::string name;           ///< "" = not given
  std::string normalization;  ///< "" = the method's default
  SourceLocation where;
};

struct Framework {
  std::string id;
  std::string title;
  std::string version;
  std::string description;
  std::vector<Source> sources;
  std::vector<Criterion> criteria;
  std::vector<Alternative> options;
  MethodSpec method;
  std::string file;  ///< the path it was loaded from ("builtin:..." for built-ins)
  SourceLocation where;
  SourceLocation criteria_where;

  const Criterion* criterion(std::string_view criterion_id) const;
  const Alternative* option(std::string_view option_id) const;
};

struct WeightOverride {
  std::string criterion;
  double weight = 0;
  SourceLocation where;
};

struct ScoreOverride {
  std::string option;
  Score score;
};

/// One case: a framework answered for a client.
struct Assessment {
  std::string id;
  std::string title;
  std::string date;
  std::string framework_ref;  ///< as written in the file
  std::string description;
  std::vector<WeightOverride> weights;
  std::vector<ScoreOverride> scores;
  MethodSpec method;
  std::string file;
  SourceLocation where;
  SourceLocation framework_where;
};

}  // namespace tradeoff
