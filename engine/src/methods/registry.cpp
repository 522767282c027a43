// The method registry: each aggregation method's name, title, default and allowed
// normalisations, and what its contributions mean; indexed by the Method enum.
#include "methods/method.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff {

Normalization default_normalization(Method method) {
  return detail::method_info(method).normalization;
}

namespace detail {

const std::vector<MethodInfo>& methods() {
  using N = Normalization;
  static const std::vector<MethodInfo> registry = {
      {Method::Wsm,
       "wsm",
       "weighted sum",
       N::Declared,
       {},
       true,
       "weight x normalised score; the contributions add up to the score",
       "score",
       wsm},
      {Method::Wpm,
       "wpm",
       "weighted product",
       N::Max,
       {},
       true,
       "weight x ln(normalised score); they add up to ln(score)",
       "ln(score)",
       wpm},
      {Method::Waspas,
       "waspas",
       "WASPAS",
       N::Max,
       {},
       true,
       "weight x normalised score, from the weighted-sum part",
       "",
       waspas},
      {Method::Topsis,
       "topsis",
       "TOPSIS",
       N::Vector,
       {N::Vector, N::MinMax, N::Max, N::Sum},
       false,
       "weighted normalised value, costs mirrored so that more is better",
       "",
       topsis},
      {Method::Vikor,
       "vikor",
       "VIKOR",
       N::MinMax,
       {},
       true,
       "minus the weighted regret, as a share of the range to the best value; they add up to -S",
       "-S",
       vikor,
       false},
      {Method::Promethee2,
       "promethee2",
       "PROMETHEE II",
       N::None,
       {},
       true,
       "weight x the criterion's net flow; they add up to the net flow",
       "score",
       promethee2},
  };
  return registry;
}

const MethodInfo& method_info(Method method) { return methods()[static_cast<size_t>(method)]; }

MethodOutput run_method(const MethodInfo& method, const DecisionProblem& p,
                        const NormalizedMatrix& r, const MethodParams& params) {
  MethodOutput out;
  Workspace ws;
  method.run(p, r, params, out, ws);
  return out;
}

MethodOutput run_wsm(const DecisionProblem& p, const NormalizedMatrix& r,
                     const MethodParams& params) {
  return run_method(method_info(Method::Wsm), p, r, params);
}
MethodOutput run_wpm(const DecisionProblem& p, const NormalizedMatrix& r,
                     const MethodParams& params) {
  return run_method(method_info(Method::Wpm), p, r, params);
}
MethodOutput run_waspas(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params) {
  return run_method(method_info(Method::Waspas), p, r, params);
}
MethodOutput run_topsis(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params) {
  return run_method(method_info(Method::Topsis), p, r, params);
}
MethodOutput run_vikor(const DecisionProblem& p, const NormalizedMatrix& r,
                       const MethodParams& params) {
  return run_method(method_info(Method::Vikor), p, r, params);
}
MethodOutput run_promethee2(const DecisionProblem& p, const NormalizedMatrix& r,
                            const MethodParams& params) {
  return run_method(method_info(Method::Promethee2), p, r, params);
}

}  // namespace detail
}  // namespace tradeoff
