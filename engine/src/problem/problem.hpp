// The decision problem every method works on: an options x criteria matrix of raw scores,
// normalised weights, directions and per-criterion normalisation specs. Built by the problem
// stage from the eligible options, or directly by tests and benchmarks.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tradeoff/error.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::detail {

struct Column {
  std::string id;
  Direction direction = Direction::Benefit;
  std::optional<std::pair<double, double>> scale;
  std::optional<ValueFunction> value_function;
};

struct DecisionProblem {
  std::vector<std::string> options;  ///< the rows' option ids; empty when shared
  /// The option ids when every option is a row: the evaluation's own list, not copied;
  /// `options` is then empty.
  std::shared_ptr<const std::vector<std::string>> shared_options;
  std::vector<Column> criteria;
  std::vector<double> values;  ///< row-major, options x criteria, raw units; empty when shared
  /// The values when they are another matrix's (every option eligible: the scores after the
  /// rules, not copied); `values` is then empty.
  std::shared_ptr<const std::vector<double>> shared;
  std::vector<double> weights;  ///< per criterion, non-negative, summing to 1
  /// Per cell, where its score was written (for diagnostics); may be empty, or hold nulls.
  std::vector<const SourceLocation*> where;
  /// Where the score of row i on criterion j was written, when `where` is empty: looked up
  /// only for a diagnostic, so that a matrix of millions of cells keeps no location per cell.
  std::function<SourceLocation(size_t, size_t)> locate;

  /// The rows' option ids: `shared_options`' when set, else `options`.
  const std::vector<std::string>& option_ids() const {
    return shared_options ? *shared_options : options;
  }
  const std::string& option(size_t i) const { return option_ids()[i]; }
  size_t rows() const { return option_ids().size(); }
  size_t cols() const { return criteria.size(); }
  /// The values, row-major: `shared`'s when set, else `values`.
  const double* data() const { return shared ? shared->data() : values.data(); }
  double at(size_t i, size_t j) const { return data()[i * cols() + j]; }
  SourceLocation location(size_t i, size_t j) const {
    if (where.empty() && locate) return locate(i, j);
    const SourceLocation* at = where.empty() ? nullptr : where[i * cols() + j];
    return at != nullptr ? *at : SourceLocation{};
  }
};

}  // namespace tradeoff::detail
