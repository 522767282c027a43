// The evaluation pipeline: bind the assessment, build the decision problem, normalise,
// aggregate, rank and explain.
#include "tradeoff/evaluate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "explain.hpp"
#include "methods/method.hpp"
#include "normalize.hpp"
#include "problem.hpp"
#include "rank.hpp"
#include "suggest.hpp"

namespace tradeoff {

std::string_view to_string(Normalization normalization) {
  switch (normalization) {
    case Normalization::Declared: return "declared";
    case Normalization::None: return "none";
    case Normalization::MinMax: return "minmax";
    case Normalization::Max: return "max";
    case Normalization::Sum: return "sum";
    case Normalization::Vector: return "vector";
  }
  return "declared";
}

const std::vector<std::string>& normalization_names() {
  static const std::vector<std::string> names = {"declared", "none", "minmax",
                                                 "max",      "sum",  "vector"};
  return names;
}

std::optional<Normalization> parse_normalization(std::string_view name) {
  for (auto n : {Normalization::Declared, Normalization::None, Normalization::MinMax,
                 Normalization::Max, Normalization::Sum, Normalization::Vector}) {
    if (to_string(n) == name) return n;
  }
  return std::nullopt;
}

const std::vector<std::string>& method_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& m : detail::methods()) out.emplace_back(m.name);
    return out;
  }();
  return names;
}

bool is_method_name(std::string_view name) { return detail::find_method(name) != nullptr; }

Normalization default_normalization(std::string_view method) {
  const auto* m = detail::find_method(method);
  return m != nullptr ? m->normalization : Normalization::Declared;
}

const OptionResult* Result::option(const std::string& id) const {
  for (const auto& o : options) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

int Result::criterion_index(const std::string& id) const {
  for (size_t j = 0; j < criteria.size(); ++j) {
    if (criteria[j].id == id) return static_cast<int>(j);
  }
  return -1;
}

namespace {

[[noreturn]] void usage_error(std::string message, std::string hint = {}) {
  Diagnostic d;
  d.code = ErrorCode::Usage;
  d.message = std::move(message);
  d.hint = std::move(hint);
  throw Error(std::move(d));
}

/// Command line over assessment over framework over the built-in default.
std::string pick(const std::string& cli, const std::string& assessment,
                 const std::string& framework, const std::string& fallback) {
  if (!cli.empty()) return cli;
  if (!assessment.empty()) return assessment;
  if (!framework.empty()) return framework;
  return fallback;
}

}  // namespace

Result evaluate(const Framework& fw, const Assessment* assessment, const EvaluateOptions& opt) {
  static const Assessment kNone;
  const Assessment& a = assessment != nullptr ? *assessment : kNone;

  Result result;
  result.framework = fw.id;
  result.framework_title = fw.title;
  result.framework_version = fw.version;
  result.assessment = a.id;
  result.assessment_title = a.title;
  result.assessment_date = a.date;

  // Method and normalisation.
  const std::string method_name = pick(opt.method, a.method.name, fw.method.name, "wsm");
  const detail::MethodInfo* method = detail::find_method(method_name);
  if (method == nullptr) {
    usage_error(fmt::format("unknown method '{}'", method_name),
                detail::did_you_mean(method_name, method_names()));
  }
  const std::string norm_name =
      pick(opt.normalization, a.method.normalization, fw.method.normalization,
           std::string(to_string(method->normalization)));
  const auto normalization = parse_normalization(norm_name);
  if (!normalization) {
    usage_error(fmt::format("unknown normalization '{}'", norm_name),
                detail::did_you_mean(norm_name, normalization_names()));
  }
  result.method = std::string(method->name);
  result.method_title = std::string(method->title);
  result.normalization = norm_name;
  result.contribution_meaning = std::string(method->contribution);

  // Weights: the framework's, overridden by the assessment.
  double total = 0;
  for (const auto& c : fw.criteria) {
    CriterionResult cr;
    cr.id = c.id;
    cr.name = c.name;
    cr.unit = c.unit;
    cr.direction = c.direction;
    cr.weight = c.weight.value_or(0);
    cr.weight_origin = "framework";
    for (const auto& o : a.weights) {
      if (o.criterion == c.id) {
        cr.weight = o.weight;
        cr.weight_origin = "assessment";
      }
    }
    total += cr.weight;
    result.criteria.push_back(std::move(cr));
  }
  if (!(total > 0)) {
    Diagnostic d;
    d.code = ErrorCode::InvalidWeights;
    d.where = fw.criteria_where;
    d.message = "all criterion weights are zero; at least one must be positive";
    throw Error(std::move(d));
  }

  // The decision problem: raw scores, overridden by the assessment.
  detail::DecisionProblem problem;
  const size_t m = fw.criteria.size();
  for (size_t j = 0; j < m; ++j) {
    const Criterion& c = fw.criteria[j];
    result.criteria[j].normalized_weight = result.criteria[j].weight / total;
    problem.criteria.push_back({c.id, c.direction, c.scale, c.value_function});
    problem.weights.push_back(result.criteria[j].normalized_weight);
  }
  for (const auto& option : fw.options) {
    OptionResult o;
    o.id = option.id;
    o.name = option.name;
    problem.options.push_back(option.id);
    for (const auto& c : fw.criteria) {
      const Score* s = option.score(c.id);
      bool overridden = false;
      for (const auto& so : a.scores) {
        if (so.option == option.id && so.score.criterion == c.id) {
          s = &so.score;
          overridden = true;
        }
      }
      // Loading guarantees a score for every criterion; be defensive for API users.
      if (s == nullptr) {
        Diagnostic d;
        d.code = ErrorCode::MissingScore;
        d.where = option.scores_where;
        d.message = fmt::format("option '{}' has no score for criterion '{}'", option.id, c.id);
        throw Error(std::move(d));
      }
      o.raw.push_back(s->value);
      o.because.push_back(s->because);
      o.source.push_back(s->source);
      o.overridden.push_back(overridden);
      problem.values.push_back(s->value);
      problem.where.push_back(s->where);
    }
    result.options.push_back(std::move(o));
  }

  // Normalise, aggregate, rank.
  const detail::NormalizedMatrix normalized = detail::normalize(problem, *normalization);
  for (size_t j = 0; j < m; ++j) result.criteria[j].normalization = normalized.how[j];
  const detail::MethodOutput out = method->run(problem, normalized);
  result.higher_is_better = out.higher_is_better;
  std::vector<std::string> ids;
  for (size_t i = 0; i < result.options.size(); ++i) {
    OptionResult& o = result.options[i];
    o.normalized.assign(normalized.values.begin() + static_cast<std::ptrdiff_t>(i * m),
                        normalized.values.begin() + static_cast<std::ptrdiff_t>((i + 1) * m));
    o.contribution.assign(out.contributions.begin() + static_cast<std::ptrdiff_t>(i * m),
                          out.contributions.begin() + static_cast<std::ptrdiff_t>((i + 1) * m));
    o.score = out.scores[i];
    ids.push_back(o.id);
  }
  result.ranking = detail::rank_options(ids, out.scores, out.higher_is_better);
  for (const auto& entry : result.ranking) {
    for (auto& o : result.options) {
      if (o.id == entry.option) o.rank = entry.rank;
    }
  }
  result.explanation = detail::explain(result);
  return result;
}

}  // namespace tradeoff
