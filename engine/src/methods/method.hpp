// The aggregation stage: each method turns a normalised decision problem and its weights into
// one native score per option and, when asked, additive contributions for the explanation and
// its own intermediate figures. One file per method; the registry is in registry.cpp.
// Methods write into a caller's MethodOutput and Workspace: re-running allocates nothing.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "normalize/normalize.hpp"
#include "problem/problem.hpp"
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
  const SourceLocation* where = nullptr;  ///< where it was written, when it was
};

/// The Gaussian preference compares every pair of options: options^2 x the Gaussian criteria
/// with weight are its comparisons. Past kGaussianWarnComparisons (5,000 options on one such
/// criterion, 0.1-0.2 s) the result carries a warning; past kGaussianMaxComparisons (20,000
/// options, 2.5-3 s) PROMETHEE II refuses. The README states both.
inline constexpr double kGaussianWarnComparisons = 25e6;
inline constexpr double kGaussianMaxComparisons = 400e6;

struct MethodParams {
  double v = 0.5;                      ///< VIKOR
  double lambda = 0.5;                 ///< WASPAS
  std::vector<Preference> preference;  ///< PROMETHEE II, per criterion (empty = usual)
  bool contributions = true;  ///< also compute the rows x cols contributions (for explanations)
  /// With `contributions`: a method whose contributions are its weighted normalised values
  /// (WSM, WASPAS, TOPSIS) gives their rule per column (MethodOutput::weighted) instead of the
  /// matrix, for whoever computes them for the options it shows.
  bool contribution_rule = false;
  bool details = true;  ///< also fill MethodOutput::details (intermediate figures)
};

/// Contributions that are weighted normalised values, per column: x = factor_j r_ij, and the
/// contribution is x, or weight_j - x for a mirrored column (a TOPSIS cost, whose normalised
/// values are not mirrored). Empty when the contributions are a matrix.
struct WeightedContributions {
  std::vector<double> factor;
  std::vector<double> weight;
  std::vector<uint8_t> mirrored;

  bool empty() const { return factor.empty(); }
  double value(size_t j, double normalized) const {
    const double x = factor[j] * normalized;
    return mirrored[j] != 0 ? weight[j] - x : x;
  }
};

struct MethodOutput {
  std::vector<double> scores;  ///< native figure per option
  bool higher_is_better = true;
  std::vector<double> contributions;  ///< rows x cols; more is better; see MethodInfo
  /// Set instead of `contributions` under MethodParams::contribution_rule (see
  /// WeightedContributions::value()).
  WeightedContributions weighted;
  MethodDetails details;
  std::vector<Diagnostic> warnings;  ///< filled with the details (traced runs) only
};

/// Scratch buffers a method reuses from one run to the next.
struct Workspace {
  std::array<std::vector<double>, 12> buffers;
  std::vector<std::pair<double, size_t>> sorted;

  /// Buffer k, holding n copies of `fill` (no allocation once it has held n values).
  std::vector<double>& buffer(size_t k, size_t n, double fill = 0) {
    buffers[k].assign(n, fill);
    return buffers[k];
  }
};

using MethodFunction = void (*)(const DecisionProblem&, const NormalizedMatrix&,
                                const MethodParams&, MethodOutput&, Workspace&);

struct MethodInfo {
  Method id;
  std::string_view name;
  std::string_view title;
  Normalization normalization;         ///< default
  std::vector<Normalization> allowed;  ///< empty = any
  bool oriented = true;  ///< false: normalise without flipping costs (TOPSIS finds the ideal)
  std::string_view contribution;  ///< what a contribution means under this method
  std::string_view total;         ///< what the contributions add up to: "score", "ln(score)",
                                  ///< or "" when they do not add up to a figure of the method
  MethodFunction run;
  bool higher_is_better = true;  ///< the sense of the method's native score (VIKOR: lower wins)
};

/// Every method, in the order of the Method enum.
const std::vector<MethodInfo>& methods();
const MethodInfo& method_info(Method method);

/// Runs `method` with fresh buffers (tests, one-off callers).
MethodOutput run_method(const MethodInfo& method, const DecisionProblem& p,
                        const NormalizedMatrix& r, const MethodParams& params);

// Each method takes the problem `p` and its normalisation `r`.
void wsm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
         MethodOutput& out, Workspace& ws);
void wpm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
         MethodOutput& out, Workspace& ws);
void waspas(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
            MethodOutput& out, Workspace& ws);
/// Expects normalised values that are not oriented (costs not flipped).
void topsis(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
            MethodOutput& out, Workspace& ws);
void vikor(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
           MethodOutput& out, Workspace& ws);
void promethee2(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
                MethodOutput& out, Workspace& ws);

// The same, with fresh buffers.
MethodOutput run_wsm(const DecisionProblem& p, const NormalizedMatrix& r,
                     const MethodParams& params);
MethodOutput run_wpm(const DecisionProblem& p, const NormalizedMatrix& r,
                     const MethodParams& params);
MethodOutput run_waspas(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params);
MethodOutput run_topsis(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params);
MethodOutput run_vikor(const DecisionProblem& p, const NormalizedMatrix& r,
                       const MethodParams& params);
MethodOutput run_promethee2(const DecisionProblem& p, const NormalizedMatrix& r,
                            const MethodParams& params);

/// Weighted sum scores only (the hot loop, benchmarked): score_i = sum_j w_j s_j r_ij. With an
/// all-affine normalisation that is not materialised, one product over the raw matrix.
void wsm_scores(const DecisionProblem& p, const NormalizedMatrix& r, std::vector<double>& scores,
                Workspace& ws);
std::vector<double> wsm_scores(const DecisionProblem& p, const NormalizedMatrix& r);

/// Contributions that are weighted normalised values, once the method has set their rule in
/// out.weighted: under params.contribution_rule the rule is handed over as it is; otherwise it
/// is applied to every cell, into out.contributions, and cleared. One arithmetic both ways.
void give_weighted_contributions(const DecisionProblem& p, const NormalizedMatrix& r,
                                 const MethodParams& params, MethodOutput& out);
/// With params.contributions, the weighted sum's contributions w_j s_j r_ij (WSM, WASPAS), as
/// give_weighted_contributions() gives them.
void weighted_contributions(const DecisionProblem& p, const NormalizedMatrix& r,
                            const MethodParams& params, MethodOutput& out);

/// Log of the weighted product of option i; throws for a non-positive value of a criterion
/// with weight (WPM). With `allow_zero`, a zero value that counts with a positive exponent
/// makes the product 0, the worst (WASPAS). Writes each criterion's part to `contributions`
/// when it is not null.
double log_product(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                   double* contributions, bool allow_zero);

/// PROMETHEE II flows for one criterion: for each option a, F(a) = sum_b P(y_a - y_b) and
/// G(a) = sum_b P(y_b - y_a). Piecewise-linear functions take O(n log n) (sorting and prefix
/// sums); the Gaussian O(n^2).
void preference_sums(const std::vector<double>& y, const Preference& pref, std::vector<double>& f,
                     std::vector<double>& g, Workspace& ws);
void preference_sums(const std::vector<double>& y, const Preference& pref, std::vector<double>& f,
                     std::vector<double>& g);

}  // namespace tradeoff::detail
