// compare_methods(): the same decision under several methods, and how far their rankings agree
// (see tradeoff/evaluate.hpp).
#include <algorithm>

#include "analysis/compare.hpp"
#include "methods/method.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"

namespace tradeoff {

namespace {

/// The result under `method`: the files' own method keeps the files' normalisation; the others
/// use their own default, or the command line's when they accept it.
Result under(const Framework& fw, const Assessment* assessment, const EvaluateOptions& options,
             Method method, Method own) {
  const auto& allowed = detail::method_info(method).allowed;
  EvaluateOptions o = options;
  if (o.normalization && !allowed.empty() &&
      std::find(allowed.begin(), allowed.end(), *o.normalization) == allowed.end()) {
    o.normalization.reset();
  }
  o.method = method == own && !o.normalization ? std::nullopt : std::optional<Method>(method);
  Evaluator evaluator(fw, assessment, o);
  if (evaluator.method() != method) {
    // The files chose another method at a level the command line does not reach.
    o.method = method;
    evaluator = Evaluator(fw, assessment, o);
  }
  return evaluator.result();
}

std::vector<std::string> winners(const Result& r) {
  std::vector<std::string> w;
  for (const auto& e : r.ranking) {
    if (e.rank == 1) w.push_back(e.option);
  }
  return w;
}

void agreement(MethodComparison& out) {
  const size_t k = out.results.size();
  out.tau.assign(k, std::vector<double>(k, 1.0));
  for (size_t x = 0; x < k; ++x) {
    for (size_t y = x + 1; y < k; ++y) {
      out.tau[x][y] = out.tau[y][x] =
          detail::kendall_tau(out.results[x].ranking, out.results[y].ranking);
    }
  }
  if (k == 0) return;
  const auto first = winners(out.results[0]);
  for (const auto& r : out.results) out.same_winner = out.same_winner && winners(r) == first;
  for (const auto& entry : out.results[0].ranking) {
    bool differs = false;
    for (const auto& r : out.results) {
      const OptionResult* o = r.option(entry.option);
      differs = differs || o == nullptr || o->rank != entry.rank;
    }
    if (differs) out.rank_dependent.push_back(entry.option);
  }
  std::sort(out.rank_dependent.begin(), out.rank_dependent.end());
}

}  // namespace

MethodComparison compare_methods(const Framework& fw, const Assessment* assessment,
                                 const EvaluateOptions& options, std::vector<Method> methods) {
  static const Assessment kNone;
  const Assessment& a = assessment != nullptr ? *assessment : kNone;
  if (methods.empty()) methods = !a.method.compare.empty() ? a.method.compare : fw.method.compare;
  if (methods.empty()) {
    for (const auto& info : detail::methods()) methods.push_back(info.id);
  }
  const Method own = a.method.name ? *a.method.name : fw.method.name.value_or(Method::Wsm);
  MethodComparison out;
  for (const Method method : methods) {
    out.results.push_back(under(fw, assessment, options, method, own));
  }
  agreement(out);
  return out;
}

}  // namespace tradeoff
