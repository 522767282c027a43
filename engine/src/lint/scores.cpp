// Scores: criteria that do not set the options apart, and judged scores that do not say why.
#include <cmath>

#include <fmt/format.h>

#include "lint/checks.hpp"
#include "support/text.hpp"

namespace tradeoff::linter {

namespace {

bool same(double a, double b) {
  return a == b || std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b));
}

/// Every option scores `criterion` with the same plain number, and no rule adjusts it: no
/// answer of any assessment can set the options apart on it.
bool constant_everywhere(const Framework& fw, const std::string& criterion) {
  for (const auto& r : fw.rules) {
    for (const auto& e : r.effects) {
      if (e.criterion == criterion && !e.options.empty()) return false;
    }
  }
  const Score* first = nullptr;
  for (const auto& option : fw.options) {
    const Score* s = option.score(criterion);
    if (s == nullptr || s->formula || s->uncertainty) return false;
    if (first != nullptr && !same(first->value, s->value)) return false;
    first = s;
  }
  return true;
}

/// Whether column `j` of the eligible options is constant: 1 in raw scores, 2 in normalised
/// values only (a value function flat beyond its points), 0 not constant.
int constant_column(const std::vector<const OptionResult*>& eligible, size_t j) {
  bool raw = true;
  bool normalized = true;
  for (const auto* o : eligible) {
    raw = raw && same(o->raw[j], eligible.front()->raw[j]);
    normalized = normalized && same(o->normalized[j], eligible.front()->normalized[j]);
  }
  return raw ? 1 : normalized ? 2 : 0;
}

}  // namespace

void check_constant_criteria(Context& ctx) {
  const Result& r = ctx.evaluated;
  std::vector<const OptionResult*> eligible;
  for (const auto& o : r.options) {
    if (o.eligible && o.normalized.size() == r.criteria.size()) eligible.push_back(&o);
  }
  if (eligible.size() < 2) return;
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    const Criterion* c = ctx.fw.criterion(r.criteria[j].id);
    const int kind = constant_column(eligible, j);
    if (c == nullptr || kind == 0) continue;
    const double raw = eligible.front()->raw[j];
    std::string message;
    if (kind == 1 && constant_everywhere(ctx.fw, c->id)) {
      message = fmt::format("criterion '{}' does not set the options apart: every option scores {}",
                            c->id, detail::quantity(raw));
    } else if (kind == 1) {
      message = fmt::format(
          "criterion '{}' does not set the options apart at the defaults: every eligible option "
          "scores {}",
          c->id, detail::quantity(raw));
    } else {
      message = fmt::format(
          "criterion '{}' does not set the options apart at the defaults: its value function "
          "gives every eligible option the same value, {}",
          c->id, detail::quantity(eligible.front()->normalized[j]));
    }
    const auto [where, length] = ctx.texts.find_word(c->where, c->id);
    ctx.warn(ErrorCode::ConstantCriterion, where, std::move(message),
             fmt::format("its weight ({}% of the total) changes no ranking",
                         detail::quantity(100 * r.criteria[j].normalized_weight)),
             length);
  }
}

namespace {

/// Past this many options with unexplained scores, one warning sums them up.
constexpr size_t kMaxOptionWarnings = 5;

constexpr const char* kExplainHint =
    "write a score as {value, because, source}: the reason travels into the results and the "
    "decision record";

bool explained(const Score& s) { return !s.because.empty() || !s.source.empty(); }

/// The judged scores (numbers, ranges, triangles) of one option that say neither why nor where
/// from. A formula is left out: it shows how the score is computed, from inputs with sources.
std::vector<const Score*> unexplained(const std::vector<const Score*>& scores) {
  std::vector<const Score*> out;
  for (const Score* s : scores) {
    if (!s->formula && !explained(*s)) out.push_back(s);
  }
  return out;
}

/// "1 option", "4 options".
std::string count_of(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

/// One warning for one option, at its first unexplained score.
void report_option(Context& ctx, const std::string& option,
                   const std::vector<const Score*>& missing, bool assessment) {
  std::vector<std::string> criteria;
  for (const Score* s : missing) criteria.push_back(s->criterion);
  const bool one = criteria.size() == 1;
  const std::string on = quoted_names(criteria);
  ctx.warn(ErrorCode::UnexplainedScore, missing.front()->key_where,
           assessment ? fmt::format("the score override{} of '{}' on {} give{} no reason "
                                    "(because) or source",
                                    one ? "" : "s", option, on, one ? "s" : "")
                      : fmt::format("option '{}' gives no reason (because) or source for its "
                                    "score{} on {}",
                                    option, one ? "" : "s", on),
           kExplainHint, static_cast<int>(missing.front()->criterion.size()));
}

void assessment_unexplained(Context& ctx) {
  // An override changes the framework's judgement: each should say why.
  std::vector<std::pair<std::string, std::vector<const Score*>>> by_option;
  for (const auto& o : ctx.assessment->scores) {
    if (by_option.empty() || by_option.back().first != o.option) {
      by_option.push_back({o.option, {}});
    }
    by_option.back().second.push_back(&o.score);
  }
  for (const auto& [option, scores] : by_option) {
    const auto missing = unexplained(scores);
    if (!missing.empty()) report_option(ctx, option, missing, true);
  }
}

/// One warning for many: none explained at all, or too many options to list one by one.
void report_summary(Context& ctx, const std::vector<std::pair<std::string, size_t>>& missing,
                    size_t judged, bool any_computed, const Score& first) {
  size_t unexplained_count = 0;
  std::vector<std::string> ids;
  for (const auto& [id, n] : missing) {
    unexplained_count += n;
    if (ids.size() < 3) ids.push_back(id);
  }
  std::string message;
  if (unexplained_count == judged) {
    message = fmt::format("none of the {} of the {} gives a reason (because) or a source",
                          count_of(judged, "score"), count_of(ctx.fw.options.size(), "option"));
  } else {
    std::string options = quoted_names(ids);
    if (missing.size() > ids.size()) {
      options.clear();
      for (const auto& id : ids) options += "'" + id + "', ";
      options.resize(options.size() - 2);
      options += fmt::format(" and {} more", missing.size() - ids.size());
    }
    message = fmt::format("{} of the {} scores give no reason (because) or source, in {}: {}",
                          unexplained_count, judged, count_of(missing.size(), "option"), options);
  }
  if (any_computed) message += " (computed scores aside)";
  ctx.warn(ErrorCode::UnexplainedScore, first.key_where, std::move(message), kExplainHint,
           static_cast<int>(first.criterion.size()));
}

}  // namespace

void check_unexplained_scores(Context& ctx) {
  if (ctx.assessment != nullptr) {
    assessment_unexplained(ctx);
    return;
  }
  size_t judged = 0;
  bool any_computed = false;
  std::vector<std::pair<const Alternative*, std::vector<const Score*>>> missing;
  for (const auto& option : ctx.fw.options) {
    std::vector<const Score*> scores;
    for (const auto& s : option.scores) {
      scores.push_back(&s);
      if (s.formula) {
        any_computed = true;
      } else {
        ++judged;
      }
    }
    auto m = unexplained(scores);
    if (!m.empty()) missing.emplace_back(&option, std::move(m));
  }
  if (missing.empty()) return;
  size_t unexplained_count = 0;
  std::vector<std::pair<std::string, size_t>> counts;
  for (const auto& [option, scores] : missing) {
    unexplained_count += scores.size();
    counts.emplace_back(option->id, scores.size());
  }
  // A framework that explains none of its scores, or leaves many options unexplained, gets one
  // reminder rather than a warning per option.
  if (unexplained_count == judged || missing.size() > kMaxOptionWarnings) {
    report_summary(ctx, counts, judged, any_computed, *missing.front().second.front());
    return;
  }
  for (const auto& [option, scores] : missing) report_option(ctx, option->id, scores, false);
}

}  // namespace tradeoff::linter
