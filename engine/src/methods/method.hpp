// The aggregation methods: a name -> function registry. Each method turns a normalised
// decision matrix and weights into one native score per option, additive contributions for
// the explanation, and its own intermediate figures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "normalize.hpp"
#include "problem.hpp"
#include "tradeoff/choices.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// A PROMETHEE preference function resolved for one criterion.
struct Preference {
  using Kind = PreferenceShape;
  Kind kind = Kind::Usual;
  double q = 0;
  double p = 0;
  double s = 0;
};

struct MethodParams {
  double v = 0.5;       ///< VIKOR
  double lambda = 0.5;  ///< WASPAS
  std::vector<Preference> preference;  ///< PROMETHEE II, per criterion (empty = usual)
  bool contributions = true;  ///< also compute the rows x cols contributions (for explanations)
};

struct MethodOutput {
  std::vector<double> scores;         ///< native figure per option
  bool higher_is_better = true;
  std::vector<double> contributions;  ///< rows x cols; more is better; see MethodInfo
  MethodDetails details;
};

using MethodFunction = MethodOutput (*)(const DecisionProblem&, const NormalizedMatrix&,
                                        const MethodParams&);

struct MethodInfo {
  Method id;
  std::string_view name;
  std::string_view title;
  Normalization normalization;        ///< default
  std::vector<Normalization> allowed; ///< empty = any
  bool oriented = true;  ///< false: normalise without flipping costs (TOPSIS finds the ideal)
  std::string_view contribution;      ///< what a contribution means under this method
  std::string_view total;             ///< what the contributions add up to: "score", "ln(score)",
                                      ///< or "" when they do not add up to a figure of the method
  MethodFunction run;
};

/// Every method, in the order of the Method enum.
const std::vector<MethodInfo>& methods();
const MethodInfo& method_info(Method method);

/// Each method takes the problem `p` and its normalisation `r`.

/// Weighted sum scores only (the hot loop, benchmarked): score_i = sum_j w_j s_j r_ij. With an
/// all-affine normalisation that is not materialised, one product over the raw matrix.
std::vector<double> wsm_scores(const DecisionProblem& p, const NormalizedMatrix& r);

MethodOutput run_wsm(const DecisionProblem& p, const NormalizedMatrix& r,
                     const MethodParams& params);
MethodOutput run_wpm(const DecisionProblem& p, const NormalizedMatrix& r,
                     const MethodParams& params);
MethodOutput run_waspas(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params);
/// Expects normalised values that are not oriented (costs not flipped).
MethodOutput run_topsis(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params);
MethodOutput run_vikor(const DecisionProblem& p, const NormalizedMatrix& r,
                       const MethodParams& params);
MethodOutput run_promethee2(const DecisionProblem& p, const NormalizedMatrix& r,
                            const MethodParams& params);

/// PROMETHEE II flows for one criterion: for each option a, F(a) = sum_b P(y_a - y_b) and
/// G(a) = sum_b P(y_b - y_a). Piecewise-linear functions take O(n log n) (sorting and prefix
/// sums); the Gaussian O(n^2).
void preference_sums(const std::vector<double>& y, const Preference& pref, std::vector<double>& f,
                     std::vector<double>& g);

}  // namespace tradeoff::detail
