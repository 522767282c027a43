// Weighting by groups of criteria (each group weighted within, the groups among themselves) and
// by stakeholders (each with their own weighting, combined arithmetically or geometrically).
// Both nest weighting blocks one level deep.
#include <fmt/format.h>

#include "load/weighting_loader.hpp"

namespace tradeoff::loader {

namespace {

/// The criteria of group `g`, noted as members (with the group they belong to) for the cover
/// check of all groups.
bool read_members(Context& ctx, const yaml::Node& node, const std::string& gwhat,
                  const std::string& owner, CriteriaGroup& g, ElementRefs& members,
                  std::vector<std::string>& member_group) {
  if (!node.is_sequence() || node.items.empty()) {
    ctx.report(node, wrong_type("a list of criteria", gwhat, node));
    return false;
  }
  bool good = true;
  for (const auto& c : node.items) {
    if (!c.is_scalar()) {
      good = false;
      continue;
    }
    g.criteria.push_back(c.scalar);
    members.emplace_back(c.scalar, &c);
    member_group.push_back(owner);
  }
  return good;
}

/// A non-negative weight (of a group or a stakeholder) at `node`.
std::optional<double> read_weight(Context& ctx, const yaml::Node& node, const std::string& what) {
  auto w = ctx.number(node, fmt::format("the weight of {}", what));
  if (w && *w < 0) {
    ctx.report(node, negative_weight(what, node.scalar));
    return std::nullopt;
  }
  return w;
}

/// The groups read so far, and what the checks across them need.
struct GroupList {
  ElementRefs members;
  std::vector<std::string> member_group;  ///< the group of each member, for messages
  std::vector<std::string> ids;
  UniqueIds seen{"group"};
};

/// One group; `good` (for every group so far) says whether its own weighting is read.
void read_group(Context& ctx, const yaml::Node& item, WeightingSpec& spec, GroupList& groups,
                bool& good) {
  CriteriaGroup g;
  g.where = ctx.at(item);
  const std::string gwhat = item_name(item, "group", spec.groups.size() + 1);
  const yaml::Node* idn = item.is_mapping() ? item.find("id") : nullptr;
  Fields gf(ctx, item, gwhat);
  if (!gf.ok()) {
    good = false;
    return;
  }
  if (const auto* n = gf.required("id")) {
    if (auto id = ctx.id(*n, "a group")) {
      g.id = *id;
      if (!groups.seen.insert(ctx, *n, g.id, g.where.line)) good = false;
      groups.ids.push_back(g.id);
    } else {
      good = false;
    }
  }
  if (const auto* n = gf.optional("name")) g.name = ctx.string(*n, "name").value_or("");
  if (g.name.empty()) g.name = g.id;
  if (const auto* n = gf.required("criteria")) {
    const std::string owner = idn && idn->is_scalar() ? idn->scalar : "?";
    good = read_members(ctx, *n, gwhat, owner, g, groups.members, groups.member_group) && good;
  } else {
    good = false;
  }
  if (const auto* n = gf.optional("weight")) {
    g.weight = read_weight(ctx, *n, gwhat);
    if (!g.weight) good = false;
  }
  if (const auto* n = gf.optional("weighting"); n != nullptr && good) {
    auto local = read_weighting_block(ctx, *n, g.criteria, "the weighting of " + gwhat, 1);
    if (local) g.local = std::make_shared<WeightingSpec>(std::move(*local));
    good = local.has_value();
  }
  gf.finish();
  spec.groups.push_back(std::move(g));
}

/// The stakeholder's own weighting: direct `weights:` or a `weighting:` block, not both.
bool read_stakeholder_weighting(Context& ctx, Fields& sf, const std::vector<std::string>& scope,
                                const std::string& swhat, Stakeholder& s) {
  const yaml::Node* weights = sf.optional("weights");
  const yaml::Node* weighting = sf.optional("weighting");
  if (weights != nullptr && weighting != nullptr) {
    ctx.error(ErrorCode::Conflict, *sf.key_node("weighting"),
              fmt::format("{} has both 'weights:' (direct) and 'weighting:'; give one", swhat));
    return false;
  }
  if (weights == nullptr && weighting == nullptr) {
    ctx.error(ErrorCode::MissingKey, sf.node(),
              fmt::format("{} needs 'weights:' (direct) or 'weighting:'", swhat));
    return false;
  }
  if (weights != nullptr) {
    WeightingSpec direct;
    direct.where = ctx.at(*weights);
    if (!read_weights(ctx, *weights, scope, "the weights of " + swhat, direct.weights, false)) {
      return false;
    }
    s.weighting = std::make_shared<WeightingSpec>(std::move(direct));
    return true;
  }
  auto w = read_weighting_block(ctx, *weighting, scope, "the weighting of " + swhat, 1);
  if (!w) return false;
  s.weighting = std::make_shared<WeightingSpec>(std::move(*w));
  return true;
}

/// One stakeholder; false when it has errors (reported).
bool read_stakeholder(Context& ctx, const yaml::Node& item, const std::vector<std::string>& scope,
                      UniqueIds& seen, WeightingSpec& spec) {
  Stakeholder s;
  s.where = ctx.at(item);
  const std::string swhat = item_name(item, "stakeholder", spec.stakeholders.size() + 1);
  Fields sf(ctx, item, swhat);
  if (!sf.ok()) return false;
  bool good = true;
  if (const auto* n = sf.required("id")) {
    if (auto id = ctx.id(*n, "a stakeholder")) {
      s.id = *id;
      good = seen.insert(ctx, *n, s.id, s.where.line);
    } else {
      good = false;
    }
  }
  if (const auto* n = sf.optional("name")) s.name = ctx.string(*n, "name").value_or("");
  if (s.name.empty()) s.name = s.id;
  if (const auto* n = sf.optional("weight")) {
    const auto w = read_weight(ctx, *n, swhat);
    if (w) s.weight = *w;
    good = w.has_value() && good;
  }
  good = read_stakeholder_weighting(ctx, sf, scope, swhat, s) && good;
  sf.finish();
  spec.stakeholders.push_back(std::move(s));
  return good;
}

/// Geometric aggregation combines AHP judgements: every stakeholder must weigh by AHP.
bool check_geometric(Context& ctx, const yaml::Node& list, const WeightingSpec& spec) {
  bool good = true;
  for (size_t k = 0; k < spec.stakeholders.size(); ++k) {
    if (spec.stakeholders[k].weighting->method == WeightingMethod::Ahp) continue;
    ctx.error(ErrorCode::InvalidValue, list.items[k],
              fmt::format("geometric aggregation combines AHP judgements, but stakeholder "
                          "'{}' does not weigh by 'ahp'",
                          spec.stakeholders[k].id),
              "use 'aggregate: arithmetic' to average any kind of weights");
    good = false;
  }
  return good;
}

}  // namespace

bool read_groups(Context& ctx, Fields& f, const std::vector<std::string>& scope,
                 const std::string& what, WeightingSpec& spec) {
  const yaml::Node* list = f.required("groups");
  if (list == nullptr) return false;
  if (!list->is_sequence() || list->items.empty()) {
    ctx.report(*list, wrong_type("a list of groups", what, *list));
    return false;
  }
  bool good = true;
  GroupList groups;
  for (const auto& item : list->items) read_group(ctx, item, spec, groups, good);
  good = check_cover(ctx, groups.members, scope, *f.key_node("groups"), "the groups of " + what,
                     groups.member_group) &&
         good;
  if (const auto* n = f.optional("top")) {
    if (!good) return false;
    auto top = read_weighting_block(ctx, *n, groups.ids, "the weighting of the groups", 1);
    if (top) spec.top = std::make_shared<WeightingSpec>(std::move(*top));
    return top.has_value();
  }
  if (!good) return false;
  // Groups weighted directly need a weight each.
  for (size_t k = 0; k < spec.groups.size(); ++k) {
    if (spec.groups[k].weight) continue;
    ctx.report(list->items[k], missing_key("weight", fmt::format("group '{}'", spec.groups[k].id),
                                           " (or weigh the groups with 'top:')"));
    good = false;
  }
  double total = 0;
  for (const auto& g : spec.groups) total += g.weight.value_or(0);
  if (good && !(total > 0)) {
    ctx.error(ErrorCode::InvalidWeights, *list,
              "every group's weight is zero; at least one must be positive");
    good = false;
  }
  return good;
}

bool read_stakeholders(Context& ctx, Fields& f, const std::vector<std::string>& scope,
                       const std::string& what, WeightingSpec& spec) {
  if (const auto* n = f.optional("aggregate")) {
    if (auto a = ctx.string(*n, "the aggregation")) {
      const auto aggregate = parse_choice<StakeholderAggregate>(*a);
      if (!aggregate) {
        ctx.report(*n, unknown_choice("aggregation", *a,
                                      "'arithmetic' (mean of the weights) or 'geometric' "
                                      "(geometric mean of AHP judgements)",
                                      choice_names<StakeholderAggregate>()));
        return false;
      }
      spec.aggregate = *aggregate;
    }
  }
  const yaml::Node* list = f.required("stakeholders");
  if (list == nullptr) return false;
  if (!list->is_sequence() || list->items.empty()) {
    ctx.report(*list, wrong_type("a list of stakeholders", what, *list));
    return false;
  }
  bool good = true;
  UniqueIds seen("stakeholder");
  for (const auto& item : list->items)
    good = read_stakeholder(ctx, item, scope, seen, spec) && good;
  if (good && spec.aggregate == StakeholderAggregate::Geometric) {
    good = check_geometric(ctx, *list, spec);
  }
  double total = 0;
  for (const auto& s : spec.stakeholders) total += s.weight;
  if (good && !(total > 0)) {
    ctx.error(ErrorCode::InvalidWeights, *list,
              "every stakeholder's weight is zero; at least one must be positive");
    good = false;
  }
  return good;
}

}  // namespace tradeoff::loader
