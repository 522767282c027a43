// Weights: zero weights (a criterion or group that takes no part in the decision), and AHP
// judgements too inconsistent to trust (CR above 0.1).
#include <algorithm>

#include <fmt/format.h>

#include "lint/checks.hpp"
#include "load/readers.hpp"
#include "support/text.hpp"
#include "weights/weighting.hpp"

namespace tradeoff::linter {

namespace {

constexpr const char* kZeroHint =
    "a zero weight is no weight: remove the criterion, or give it a positive weight";

/// A rule sets this criterion's weight: a zero is then a default that the rule may lift.
bool weight_set_by_rule(const Framework& fw, const std::string& criterion) {
  for (const auto& r : fw.rules) {
    for (const auto& e : r.effects) {
      if (e.kind == Effect::Kind::WeightSet && e.criterion == criterion) return true;
    }
  }
  return false;
}

void framework_zero_weights(Context& ctx) {
  std::vector<std::string> ids;
  for (const auto& c : ctx.fw.criteria) ids.push_back(c.id);
  const auto used = loader::criteria_needing_weights(ctx.fw.weighting, ids);
  for (const auto& c : ctx.fw.criteria) {
    if (!c.weight || *c.weight != 0) continue;
    if (std::find(used.begin(), used.end(), c.id) == used.end()) continue;
    if (weight_set_by_rule(ctx.fw, c.id)) continue;
    ctx.warn(ErrorCode::ZeroWeight, c.weight_where,
             fmt::format("criterion '{}' is weighted 0: it takes no part in the decision", c.id),
             kZeroHint);
  }
  const auto& spec = ctx.fw.weighting;
  if (!spec || spec->method != WeightingMethod::Groups || spec->top) return;
  for (const auto& g : spec->groups) {
    if (!g.weight || *g.weight != 0) continue;
    const auto [where, length] = ctx.texts.find_word(g.where, g.id);
    ctx.warn(
        ErrorCode::ZeroWeight, where,
        fmt::format("group '{}' is weighted 0: its criteria take no part in the decision", g.id),
        "a zero weight is no weight: remove the group, or give it a positive weight", length);
  }
}

}  // namespace

void check_zero_weights(Context& ctx) {
  if (ctx.assessment == nullptr) {
    framework_zero_weights(ctx);
    return;
  }
  for (const auto& o : ctx.assessment->weights) {
    if (o.weight != 0) continue;
    ctx.warn(ErrorCode::ZeroWeight, o.where,
             fmt::format("criterion '{}' is weighted 0 by this assessment: it takes no part in "
                         "the decision",
                         o.criterion),
             kZeroHint);
  }
}

namespace {

/// "build_time over reliability: given 3, the priorities imply 0.937 (about 1)".
std::string judgement_text(const Judgement& j) {
  return fmt::format("{} over {}: given {}, the priorities imply {} (about {})", j.row, j.column,
                     j.given_text, detail::fixed(j.consistent, 3), j.suggested);
}

void check_matrix(Context& ctx, const PairwiseJudgements& judgements, const std::string& whose) {
  if (judgements.elements.size() < 3) return;  // always consistent
  const AhpReport report = detail::ahp(judgements);
  if (report.consistent) return;
  std::string hint = "revise the judgements furthest from the priorities first: ";
  for (size_t k = 0; k < report.inconsistent.size(); ++k) {
    hint += (k == 0 ? "" : "; ") + judgement_text(report.inconsistent[k]);
  }
  SourceLocation where = judgements.where;
  if (!report.inconsistent.empty() && report.inconsistent.front().where.line > 0) {
    where = report.inconsistent.front().where;
  }
  ctx.warn(ErrorCode::AhpInconsistent, where,
           fmt::format("the AHP judgements{} are not consistent: CR {} under {} is above 0.1",
                       whose, detail::fixed(report.consistency_ratio, 4), report.ri_table),
           std::move(hint));
}

/// Every matrix of a weighting: its own, its groups' and stakeholders', and the groups' top.
void check_spec(Context& ctx, const WeightingSpec& spec, const std::string& whose) {
  if (spec.method == WeightingMethod::Ahp) check_matrix(ctx, spec.ahp, whose);
  for (const auto& g : spec.groups) {
    if (g.local) check_spec(ctx, *g.local, fmt::format(" of group '{}'", g.id));
  }
  if (spec.top) check_spec(ctx, *spec.top, " between the groups");
  for (const auto& s : spec.stakeholders) {
    if (s.weighting) check_spec(ctx, *s.weighting, fmt::format(" of stakeholder '{}'", s.id));
  }
}

}  // namespace

void check_ahp(Context& ctx) {
  const auto& spec = ctx.assessment != nullptr ? ctx.assessment->weighting : ctx.fw.weighting;
  if (spec) check_spec(ctx, *spec, "");
}

}  // namespace tradeoff::linter
