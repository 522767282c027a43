// Reads `weighting:` blocks: the method, then its parameters (direct weights, swing points, a
// rank order; AHP, groups and stakeholders in their own files). Every element list is checked
// against the criteria (or groups) it weighs.
#include "load/weighting_loader.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "load/readers.hpp"
#include "support/text.hpp"

namespace tradeoff::loader {

namespace {

bool read_order(Context& ctx, const yaml::Node& node, const std::vector<std::string>& scope,
                const std::string& what, std::vector<std::vector<std::string>>& out) {
  if (!node.is_sequence() || node.items.empty()) {
    ctx.report(node, wrong_type("a list of elements, most important first",
                                fmt::format("the order of {}", what), node));
    return false;
  }
  ElementRefs ids;
  bool good = true;
  for (const auto& item : node.items) {
    std::vector<std::string> rank;
    if (item.is_sequence()) {  // tied elements share a rank
      for (const auto& tied : item.items) {
        if (!tied.is_scalar()) {
          ctx.report(tied, wrong_type("an element id", tied));
          good = false;
          continue;
        }
        rank.push_back(tied.scalar);
        ids.emplace_back(tied.scalar, &tied);
      }
    } else if (item.is_scalar()) {
      rank.push_back(item.scalar);
      ids.emplace_back(item.scalar, &item);
    } else {
      ctx.report(item, wrong_type("an element id, or a list of tied ones", item));
      good = false;
    }
    if (!rank.empty()) out.push_back(std::move(rank));
  }
  return check_cover(ctx, ids, scope, node, what) && good;
}

/// The parameters of the block's method (entropy and CRITIC take none).
bool read_parameters(Context& ctx, Fields& f, const std::vector<std::string>& scope,
                     const std::string& what, WeightingSpec& spec) {
  using M = WeightingMethod;
  switch (spec.method) {
    case M::Direct:
      if (const auto* n = f.optional("weights")) {
        return read_weights(ctx, *n, scope, what, spec.weights, false);
      }
      return true;
    case M::Ahp:
      return read_ahp(ctx, f, scope, what, spec.ahp);
    case M::Roc:
    case M::RankSum:
    case M::RankReciprocal: {
      const auto* n = f.required("order");
      return n != nullptr && read_order(ctx, *n, scope, "the order of " + what, spec.order);
    }
    case M::Swing: {
      const auto* n = f.required("points");
      return n != nullptr && read_weights(ctx, *n, scope, what, spec.weights, true);
    }
    case M::Groups:
      return read_groups(ctx, f, scope, what, spec);
    case M::Stakeholders:
      return read_stakeholders(ctx, f, scope, what, spec);
    case M::Entropy:
    case M::Critic:
      return true;
  }
  return true;
}

}  // namespace

bool uses_criterion_weights(const WeightingSpec* spec) {
  return spec == nullptr || (spec->method == WeightingMethod::Direct && spec->weights.empty());
}

std::optional<WeightingSpec> read_weighting_block(Context& ctx, const yaml::Node& node,
                                                  const std::vector<std::string>& scope,
                                                  const std::string& what, int depth) {
  WeightingSpec spec;
  spec.where = ctx.at(node);
  Fields f(ctx, node, what);
  if (!f.ok()) return std::nullopt;
  if (const auto* n = f.optional("method")) {
    auto method = read_choice<WeightingMethod>(ctx, *n, "the weighting method", "weighting method");
    if (!method) return std::nullopt;
    spec.method = *method;
  }
  const WeightingMethod m = spec.method;
  if ((m == WeightingMethod::Groups || m == WeightingMethod::Stakeholders) && depth > 0) {
    ctx.error(
        ErrorCode::InvalidValue, *f.node().find("method"),
        fmt::format("'{}' weighting cannot be nested inside another weighting", to_string(m)));
    return std::nullopt;
  }
  const bool good = read_parameters(ctx, f, scope, what, spec);
  f.finish();
  if (!good) return std::nullopt;
  return spec;
}

bool check_cover(Context& ctx, const ElementRefs& ids, const std::vector<std::string>& scope,
                 const yaml::Node& at, const std::string& what,
                 const std::vector<std::string>& owner) {
  bool good = true;
  std::map<std::string, size_t> seen;  // element -> index of its first mention
  for (size_t k = 0; k < ids.size(); ++k) {
    const auto& [id, node] = ids[k];
    if (!contains(scope, id)) {
      ctx.report(*node, not_in_scope(id, what, scope));
      good = false;
      continue;
    }
    const auto [it, fresh] = seen.emplace(id, k);
    if (!fresh) {
      const std::string where = owner.empty() ? std::string()
                                              : fmt::format(" (in group '{}' and in group '{}')",
                                                            owner[it->second], owner[k]);
      ctx.error(ErrorCode::DuplicateId, *node,
                fmt::format("'{}' appears twice in {}{}", id, what, where));
      good = false;
    }
  }
  if (!good) return false;
  std::vector<std::string> missing;
  for (const auto& s : scope) {
    if (seen.count(s) == 0) missing.push_back(s);
  }
  if (!missing.empty()) {
    ctx.error(ErrorCode::MissingKey, at,
              fmt::format("{} must weigh every element; {} {} missing", what, quoted_list(missing),
                          missing.size() == 1 ? "is" : "are"));
    return false;
  }
  return true;
}

bool read_weights(Context& ctx, const yaml::Node& node, const std::vector<std::string>& scope,
                  const std::string& what, std::vector<std::pair<std::string, double>>& out,
                  bool swing) {
  const char* unit = swing ? "points" : "weight";
  if (!node.is_mapping()) {
    ctx.report(node, wrong_type(fmt::format("a mapping of element: {} in {}", unit, what), node));
    return false;
  }
  ElementRefs ids;
  bool good = true;
  double top = 0;
  for (const auto& [key, value] : node.entries) {
    ids.emplace_back(key.scalar, &key);
    auto v = ctx.number(value, fmt::format("the {} of '{}'", unit, key.scalar));
    if (v && *v >= 0 && !(swing && *v > 100)) {
      top = std::max(top, *v);
      out.emplace_back(key.scalar, *v);
      continue;
    }
    if (v && swing) {
      ctx.error(ErrorCode::InvalidWeights, value,
                fmt::format("swing points of '{}' must lie in [0, 100], got {}", key.scalar,
                            value.scalar));
    } else if (v) {
      ctx.report(value, negative_weight(fmt::format("'{}'", key.scalar), value.scalar));
    }
    good = false;
  }
  good = check_cover(ctx, ids, scope, node, what) && good;
  if (good && swing && top != 100) {
    ctx.error(ErrorCode::InvalidWeights, node,
              fmt::format("the most important swing in {} must get 100 points, the top "
                          "here is {}",
                          what, detail::quantity(top)));
    good = false;
  }
  if (good && !swing && top <= 0) {
    ctx.error(ErrorCode::InvalidWeights, node,
              fmt::format("every weight in {} is zero; at least one must be positive", what));
    good = false;
  }
  return good;
}

std::optional<WeightingSpec> read_weighting(Context& ctx, const yaml::Node& node,
                                            const std::vector<std::string>& criteria) {
  return read_weighting_block(ctx, node, criteria, "the weighting", 0);
}

std::vector<std::string> criteria_needing_weights(const std::optional<WeightingSpec>& spec,
                                                  const std::vector<std::string>& criteria) {
  if (!spec) return criteria;
  if (spec->method == WeightingMethod::Direct) {
    return spec->weights.empty() ? criteria : std::vector<std::string>{};
  }
  std::vector<std::string> out;
  if (spec->method == WeightingMethod::Groups) {
    for (const auto& g : spec->groups) {
      if (uses_criterion_weights(g.local.get())) {
        out.insert(out.end(), g.criteria.begin(), g.criteria.end());
      }
    }
  }
  return out;
}

}  // namespace tradeoff::loader
