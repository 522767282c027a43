// compare_methods(): the same decision under several methods, and how far their rankings agree
// (see tradeoff/evaluate.hpp).
#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

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

/// Each option's rank, by id; 0 for an option the result does not rank (vetoed).
std::unordered_map<std::string_view, int> ranks_by_id(const Result& r) {
  std::unordered_map<std::string_view, int> ranks;
  ranks.reserve(r.options.size());
  for (const auto& o : r.options) ranks.emplace(o.id, o.rank);
  return ranks;
}

/// The options the first result ranks whose rank differs under another method, by id. Each
/// result's ranks are looked up by id once, so that this is linear in the number of options.
std::vector<std::string> rank_dependent(const std::vector<Result>& results) {
  std::vector<std::unordered_map<std::string_view, int>> ranks;
  ranks.reserve(results.size());
  for (const auto& r : results) ranks.push_back(ranks_by_id(r));
  std::vector<std::string> out;
  for (const auto& entry : results[0].ranking) {
    bool differs = false;
    for (const auto& by_id : ranks) {
      const auto it = by_id.find(entry.option);
      differs = differs || it == by_id.end() || it->second != entry.rank;
    }
    if (differs) out.push_back(entry.option);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Tau between two methods that ran and rank two options or more; none otherwise.
std::optional<double> tau(const MethodComparison& c, size_t x, size_t y) {
  const Result& a = c.results[x];
  const Result& b = c.results[y];
  if (c.failed(x) || c.failed(y) || a.ranking.size() < 2 || b.ranking.size() < 2) return {};
  return x == y ? 1.0 : detail::kendall_tau(a.ranking, b.ranking);
}

void agreement(MethodComparison& out) {
  const size_t k = out.results.size();
  out.tau.assign(k, std::vector<std::optional<double>>(k));
  for (size_t x = 0; x < k; ++x) {
    for (size_t y = x; y < k; ++y) out.tau[x][y] = out.tau[y][x] = tau(out, x, y);
  }
  std::vector<Result> ran;  // the rank comparison looks at the methods that ran
  for (size_t m = 0; m < k; ++m) {
    if (!out.failed(m)) ran.push_back(out.results[m]);
  }
  out.same_winner = ran.size() == k && k > 0 && !winners(ran[0]).empty();
  for (const auto& r : ran) out.same_winner = out.same_winner && winners(r) == winners(ran[0]);
  if (!ran.empty()) out.rank_dependent = rank_dependent(ran);
}

/// What a failed method's result holds: the names, for the columns and headings.
Result failed_result(const Framework& fw, const Assessment* assessment, Method method) {
  Result r;
  r.framework = fw.id;
  r.framework_title = fw.title;
  r.framework_version = fw.version;
  if (assessment != nullptr) {
    r.assessment = assessment->id;
    r.assessment_title = assessment->title;
  }
  const detail::MethodInfo& info = detail::method_info(method);
  r.method = std::string(info.name);
  r.method_title = std::string(info.title);
  r.higher_is_better = info.higher_is_better;
  return r;
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
  std::optional<Error> first_error;
  for (const Method method : methods) {
    try {
      out.results.push_back(under(fw, assessment, options, method, own));
      out.errors.emplace_back();
    } catch (const Error& e) {
      // Reported in the method's column; when every method fails, the first error is the
      // answer (the problem lies in the files, not in a method).
      if (!first_error) first_error = e;
      out.results.push_back(failed_result(fw, assessment, method));
      out.errors.push_back(e.diagnostics());
    }
  }
  if (first_error &&
      std::none_of(out.errors.begin(), out.errors.end(), [](const auto& e) { return e.empty(); })) {
    throw *first_error;
  }
  agreement(out);
  return out;
}

}  // namespace tradeoff
