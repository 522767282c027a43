// What Monte-Carlo analysis varies. Takes a framework, its assessment, the evaluation's choices
// and an Evaluator that has run on them; gives the weight model around the stated weights, the
// uncertain scores and inputs by evaluator index, and draws of each from a seeded generator.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "support/random.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::detail {

/// How the weights of one sample are drawn, in the weighting's own units (what set_weight()
/// takes): Dirichlet shares of the stated total, or a uniform draw per listed range.
struct WeightModel {
  Uncertainty::Weights kind = Uncertainty::Weights::Concentration;
  std::vector<double> stated;  ///< per criterion: the weighting's weight, before the rules
  std::vector<double> low;     ///< Ranges: per criterion (low == high for those not listed)
  std::vector<double> high;
  double total = 0;  ///< the sum of the stated weights: Dirichlet shares scale to it
  std::optional<Dirichlet> dirichlet;  ///< Concentration and None
  std::string description;             ///< "stated", "none", "concentration 100", "ranges"

  bool varies() const { return kind != Uncertainty::Weights::Stated; }
  /// One sample's weights, per criterion, into `out`.
  void draw(Random& rng, double* out) const;
  /// One sample's weights as shares summing to 1; false (and `out` undefined) when they are
  /// all zero.
  bool draw_shares(Random& rng, double* out) const;
};

struct UncertainScore {
  size_t option = 0;
  size_t criterion = 0;
  Distribution value;
};

struct UncertainInput {
  size_t input = 0;
  Distribution value;
};

struct SamplingPlan {
  WeightModel weights;
  std::vector<UncertainScore> scores;  ///< options in framework order, then criteria
  std::vector<UncertainInput> inputs;  ///< in framework order
  /// What varies, for people: "weights", "score OPTION/CRITERION", "input NAME".
  std::vector<std::string> uncertain;
};

/// The uncertainty `assessment` (else `fw`) declares, resolved against `ev`, which has run on
/// the same framework, assessment and options. Inputs answered with `--set` do not vary.
SamplingPlan plan_sampling(const Framework& fw, const Assessment* assessment,
                           const EvaluateOptions& options, const Evaluator& ev);

/// One draw of a range (uniform) or a triangle.
double draw(const Distribution& d, Random& rng);

}  // namespace tradeoff::detail
