// Reads `weighting:` blocks: direct, AHP (full matrix or upper triangle, fractions as "1/3"),
// rank-order, swing, entropy, CRITIC, groups of criteria and stakeholders; every element list
// is checked against the criteria (or groups) it weighs.
#include "load/weighting_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "suggest.hpp"
#include "text.hpp"
#include "weights/weighting.hpp"

namespace tradeoff::loader {

namespace {

std::string quoted_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "'" : ", '") + id + "'";
  return out;
}

/// A judgement: a positive number, or a fraction "a/b", quoted or not (a matrix often quotes
/// every cell for alignment).
std::optional<double> judgement(Context& ctx, const yaml::Node& node) {
  if (node.is_scalar()) {
    if (auto v = parse_number(node.scalar)) {
      if (*v > 0) return v;
    }
    const auto slash = node.scalar.find('/');
    if (slash != std::string::npos) {
      const auto a = parse_number(node.scalar.substr(0, slash));
      const auto b = parse_number(node.scalar.substr(slash + 1));
      if (a && b && *a > 0 && *b > 0) return *a / *b;
    }
  }
  ctx.error(ErrorCode::InvalidValue, node,
            fmt::format("expected a positive judgement such as 3 or \"1/3\", got {}",
                        yaml::describe(node)));
  return std::nullopt;
}

class WeightingReader {
 public:
  explicit WeightingReader(Context& ctx) : ctx_(ctx) {}

  /// `scope` lists the elements being weighed (criteria, or group ids); `what` names the block.
  std::optional<WeightingSpec> read(const yaml::Node& node, const std::vector<std::string>& scope,
                                    const std::string& what, int depth) {
    WeightingSpec spec;
    spec.where = ctx_.at(node);
    Fields f(ctx_, node, what);
    if (!f.ok()) return std::nullopt;
    bool good = true;
    if (const auto* n = f.optional("method")) {
      auto m = ctx_.string(*n, "the weighting method");
      if (!m) return std::nullopt;
      const auto& names = choice_names<WeightingMethod>();
      const auto method = parse_choice<WeightingMethod>(*m);
      if (!method) {
        ctx_.error(ErrorCode::InvalidValue, *n,
                   fmt::format("unknown weighting method '{}'; expected one of {}", *m,
                               quoted_list(names)),
                   detail::did_you_mean(*m, names));
        return std::nullopt;
      }
      spec.method = *method;
    }
    using M = WeightingMethod;
    const M m = spec.method;
    if ((m == M::Groups || m == M::Stakeholders) && depth > 0) {
      ctx_.error(ErrorCode::InvalidValue, *f.node().find("method"),
                 fmt::format("'{}' weighting cannot be nested inside another weighting",
                             to_string(m)));
      return std::nullopt;
    }
    if (m == M::Direct) {
      if (const auto* n = f.optional("weights")) good = read_weights(*n, scope, what, spec.weights, false);
    } else if (m == M::Ahp) {
      good = read_ahp(f, scope, what, spec.ahp);
    } else if (m == M::Roc || m == M::RankSum || m == M::RankReciprocal) {
      if (const auto* n = f.required("order")) {
        good = read_order(*n, scope, "the order of " + what, spec.order);
      } else {
        good = false;
      }
    } else if (m == M::Swing) {
      if (const auto* n = f.required("points")) {
        good = read_weights(*n, scope, what, spec.weights, true);
      } else {
        good = false;
      }
    } else if (m == M::Groups) {
      good = read_groups(f, scope, what, spec);
    } else if (m == M::Stakeholders) {
      good = read_stakeholders(f, scope, what, spec);
    }
    // entropy and critic take no parameters.
    f.finish();
    if (!good) return std::nullopt;
    return spec;
  }

 private:
  /// Checks that `ids` (with their nodes) name each element of `scope` exactly once.
  bool check_cover(const std::vector<std::pair<std::string, const yaml::Node*>>& ids,
                   const std::vector<std::string>& scope, const yaml::Node& at,
                   const std::string& what, bool all_required = true,
                   const std::vector<std::string>& owner = {}) {
    bool good = true;
    std::map<std::string, size_t> seen;  // element -> index of its first mention
    for (size_t k = 0; k < ids.size(); ++k) {
      const auto& [id, node] = ids[k];
      if (std::find(scope.begin(), scope.end(), id) == scope.end()) {
        ctx_.error(ErrorCode::UnknownReference, *node,
                   fmt::format("'{}' is not one of the elements {} weighs ({})", id, what,
                               quoted_list(scope)),
                   detail::did_you_mean(id, scope));
        good = false;
        continue;
      }
      const auto [it, fresh] = seen.emplace(id, k);
      if (!fresh) {
        // `owner` says which group each mention belongs to, when there are groups.
        const std::string where =
            owner.empty() ? std::string()
                          : fmt::format(" (in group '{}' and in group '{}')", owner[it->second], owner[k]);
        ctx_.error(ErrorCode::DuplicateId, *node,
                   fmt::format("'{}' appears twice in {}{}", id, what, where));
        good = false;
      }
    }
    if (good && all_required) {
      std::vector<std::string> missing;
      for (const auto& s : scope) {
        if (seen.count(s) == 0) missing.push_back(s);
      }
      if (!missing.empty()) {
        ctx_.error(ErrorCode::MissingKey, at,
                   fmt::format("{} must weigh every element; {} {} missing", what,
                               quoted_list(missing), missing.size() == 1 ? "is" : "are"));
        good = false;
      }
    }
    return good;
  }

  bool read_weights(const yaml::Node& node, const std::vector<std::string>& scope,
                    const std::string& what, std::vector<std::pair<std::string, double>>& out,
                    bool swing) {
    if (!node.is_mapping()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a mapping of element: {} in {}, got {}",
                             swing ? "points" : "weight", what, yaml::describe(node)));
      return false;
    }
    std::vector<std::pair<std::string, const yaml::Node*>> ids;
    bool good = true;
    double top = 0;
    for (const auto& [key, value] : node.entries) {
      ids.emplace_back(key.scalar, &key);
      auto v = ctx_.number(value, fmt::format("the {} of '{}'", swing ? "points" : "weight", key.scalar));
      if (!v) {
        good = false;
        continue;
      }
      if (*v < 0 || (swing && *v > 100)) {
        ctx_.error(ErrorCode::InvalidWeights, value,
                   swing ? fmt::format("swing points of '{}' must lie in [0, 100], got {}",
                                       key.scalar, value.scalar)
                         : fmt::format("weight of '{}' must be a non-negative number, got {}",
                                       key.scalar, value.scalar));
        good = false;
        continue;
      }
      top = std::max(top, *v);
      out.emplace_back(key.scalar, *v);
    }
    good = check_cover(ids, scope, node, what) && good;
    if (good && swing && top != 100) {
      ctx_.error(ErrorCode::InvalidWeights, node,
                 fmt::format("the most important swing in {} must get 100 points, the top "
                             "here is {}",
                             what, detail::quantity(top)));
      good = false;
    }
    if (good && !swing && top <= 0) {
      ctx_.error(ErrorCode::InvalidWeights, node,
                 fmt::format("every weight in {} is zero; at least one must be positive", what));
      good = false;
    }
    return good;
  }

  bool read_order(const yaml::Node& node, const std::vector<std::string>& scope,
                  const std::string& what, std::vector<std::vector<std::string>>& out) {
    if (!node.is_sequence() || node.items.empty()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a list of elements, most important first, for the order "
                             "of {}, got {}",
                             what, yaml::describe(node)));
      return false;
    }
    std::vector<std::pair<std::string, const yaml::Node*>> ids;
    bool good = true;
    for (const auto& item : node.items) {
      std::vector<std::string> rank;
      if (item.is_sequence()) {  // tied elements share a rank
        for (const auto& tied : item.items) {
          if (!tied.is_scalar()) {
            ctx_.error(ErrorCode::WrongType, tied,
                       fmt::format("expected an element id, got {}", yaml::describe(tied)));
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
        ctx_.error(ErrorCode::WrongType, item,
                   fmt::format("expected an element id, or a list of tied ones, got {}",
                               yaml::describe(item)));
        good = false;
      }
      if (!rank.empty()) out.push_back(std::move(rank));
    }
    return check_cover(ids, scope, node, what) && good;
  }

  bool read_ahp(Fields& f, const std::vector<std::string>& scope, const std::string& what,
                PairwiseJudgements& ahp) {
    ahp.where = ctx_.at(f.node());
    bool good = true;
    // The row order: given, or the scope's own order.
    if (const auto* n = f.optional("criteria")) {
      if (!n->is_sequence()) {
        ctx_.error(ErrorCode::WrongType, *n,
                   fmt::format("expected the list of elements in row order for {}, got {}", what,
                               yaml::describe(*n)));
        return false;
      }
      std::vector<std::pair<std::string, const yaml::Node*>> ids;
      for (const auto& item : n->items) {
        if (auto id = ctx_.string(item, "an element")) {
          ahp.elements.push_back(*id);
          ids.emplace_back(*id, &item);
        } else {
          good = false;
        }
      }
      good = check_cover(ids, scope, *n, what) && good;
    } else {
      ahp.elements = scope;
    }
    if (const auto* n = f.optional("priority")) {
      const auto& kPriorities = choice_names<PriorityMethod>();
      auto p = ctx_.string(*n, "the priority method");
      if (p && parse_choice<PriorityMethod>(*p)) {
        ahp.priority = *parse_choice<PriorityMethod>(*p);
      } else if (p) {
        ctx_.error(ErrorCode::InvalidValue, *n,
                   fmt::format("unknown priority method '{}'; expected one of {}", *p,
                               quoted_list(kPriorities)),
                   detail::did_you_mean(*p, kPriorities));
        good = false;
      }
    }
    if (const auto* n = f.optional("ri_table")) {
      const auto& tables = choice_names<RiTable>();
      auto t = ctx_.string(*n, "the random-index table");
      if (t && parse_choice<RiTable>(*t)) {
        ahp.ri_table = *parse_choice<RiTable>(*t);
      } else if (t) {
        ctx_.error(ErrorCode::InvalidValue, *n,
                   fmt::format("unknown random-index table '{}'; expected one of {}", *t,
                               quoted_list(tables)),
                   detail::did_you_mean(*t, tables));
        good = false;
      }
    }
    if (good && ahp.elements.size() > detail::random_index_limit(ahp.ri_table)) {
      const yaml::Node* at = f.node().find("ri_table") ? f.node().find("ri_table") : &f.node();
      ctx_.error(ErrorCode::OutOfRange, *at,
                 fmt::format("the {} random-index table stops at {} elements, and {} compares {}",
                             to_string(ahp.ri_table), detail::random_index_limit(ahp.ri_table), what,
                             ahp.elements.size()),
                 "use ri_table: donegan_dodd_1991 (up to 100) or alonso_lamata_2006 (any size)");
      good = false;
    }
    const yaml::Node* matrix = f.required("matrix");
    if (matrix == nullptr || !good) return false;
    return read_matrix(*matrix, what, ahp);
  }

  bool read_matrix(const yaml::Node& node, const std::string& what, PairwiseJudgements& ahp) {
    const size_t n = ahp.elements.size();
    if (!node.is_sequence() || n == 0) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected the pairwise comparison matrix of {} (a list of rows), "
                             "got {}",
                             what, yaml::describe(node)));
      return false;
    }
    // Full (n rows of n), upper triangle without the diagonal (rows of n-1 ... 1), or with it
    // (rows of n ... 1).
    enum class Shape { Full, Upper, UpperWithDiagonal, Bad } shape = Shape::Bad;
    std::vector<size_t> lengths;
    for (const auto& row : node.items) lengths.push_back(row.is_sequence() ? row.items.size() : 0);
    auto lengths_are = [&](size_t rows, auto length_of) {
      if (lengths.size() != rows) return false;
      for (size_t r = 0; r < rows; ++r) {
        if (lengths[r] != length_of(r)) return false;
      }
      return true;
    };
    if (lengths_are(n, [&](size_t) { return n; })) {
      shape = Shape::Full;
    } else if (n > 1 && lengths_are(n - 1, [&](size_t r) { return n - 1 - r; })) {
      shape = Shape::Upper;
    } else if (lengths_are(n, [&](size_t r) { return n - r; })) {
      shape = Shape::UpperWithDiagonal;
    }
    if (shape == Shape::Bad) {
      std::string given;
      for (size_t l : lengths) given += (given.empty() ? "" : ", ") + std::to_string(l);
      ctx_.error(ErrorCode::InvalidValue, node,
                 fmt::format("the matrix of {} compares {} elements, so it must be {} rows of {} "
                             "judgements (the full matrix), or the upper triangle: rows of {} "
                             "down to 1 without the diagonal, or of {} down to 1 with it; got {} "
                             "row{} of {}",
                             what, n, n, n, n > 1 ? n - 1 : 1, n, lengths.size(),
                             lengths.size() == 1 ? "" : "s", given.empty() ? "nothing" : given));
      return false;
    }
    ahp.matrix.assign(n * n, 0.0);
    ahp.cells.assign(n * n, SourceLocation{});
    for (size_t i = 0; i < n; ++i) ahp.matrix[i * n + i] = 1.0;
    bool good = true;
    for (size_t r = 0; r < node.items.size(); ++r) {
      const auto& row = node.items[r];
      for (size_t k = 0; k < row.items.size(); ++k) {
        const size_t c = shape == Shape::Full ? k : shape == Shape::Upper ? r + 1 + k : r + k;
        auto v = judgement(ctx_, row.items[k]);
        if (!v) {
          good = false;
          continue;
        }
        ahp.matrix[r * n + c] = *v;
        ahp.cells[r * n + c] = ctx_.at(row.items[k]);
        if (*v < 1.0 / 9 - 1e-9 || *v > 9 + 1e-9) {
          ctx_.warning(ErrorCode::InvalidValue, row.items[k],
                       fmt::format("judgement {} of '{}' over '{}' lies outside Saaty's scale "
                                   "(1/9 to 9)",
                                   row.items[k].scalar, ahp.elements[r], ahp.elements[c]));
        }
      }
    }
    if (!good) return false;
    for (size_t i = 0; i < n; ++i) {
      if (std::fabs(ahp.matrix[i * n + i] - 1) > 1e-9) {
        ctx_.sink().error(ErrorCode::InvalidValue, ahp.cells[i * n + i],
                          fmt::format("the diagonal of the matrix of {} must be 1: '{}' compared "
                                      "with itself",
                                      what, ahp.elements[i]));
        good = false;
      }
      for (size_t j = i + 1; j < n; ++j) {
        if (shape != Shape::Full) {
          ahp.matrix[j * n + i] = 1.0 / ahp.matrix[i * n + j];
          continue;
        }
        const double product = ahp.matrix[i * n + j] * ahp.matrix[j * n + i];
        if (std::fabs(product - 1) > 0.01) {
          ctx_.sink().error(
              ErrorCode::InvalidValue, ahp.cells[j * n + i],
              fmt::format("judgement of '{}' over '{}' ({}) is not the reciprocal of '{}' over "
                          "'{}' ({})",
                          ahp.elements[j], ahp.elements[i], detail::quantity(ahp.matrix[j * n + i]),
                          ahp.elements[i], ahp.elements[j], detail::quantity(ahp.matrix[i * n + j])),
              "write 1/x below the diagonal, or give only the upper triangle");
          good = false;
        }
      }
    }
    return good;
  }

  bool read_groups(Fields& f, const std::vector<std::string>& scope, const std::string& what,
                   WeightingSpec& spec) {
    const yaml::Node* list = f.required("groups");
    if (list == nullptr) return false;
    if (!list->is_sequence() || list->items.empty()) {
      ctx_.error(ErrorCode::WrongType, *list,
                 fmt::format("expected a list of groups for {}, got {}", what,
                             yaml::describe(*list)));
      return false;
    }
    bool good = true;
    std::vector<std::pair<std::string, const yaml::Node*>> members;
    std::vector<std::string> member_group;  // the group of each member, for messages
    std::vector<std::string> group_ids;
    for (const auto& item : list->items) {
      CriteriaGroup g;
      g.where = ctx_.at(item);
      const yaml::Node* idn = item.is_mapping() ? item.find("id") : nullptr;
      const std::string gwhat = idn && idn->is_scalar() ? fmt::format("group '{}'", idn->scalar)
                                                        : fmt::format("group #{}", spec.groups.size() + 1);
      Fields gf(ctx_, item, gwhat);
      if (!gf.ok()) {
        good = false;
        continue;
      }
      if (const auto* n = gf.required("id")) {
        if (auto id = ctx_.id(*n, "a group")) {
          g.id = *id;
          if (std::find(group_ids.begin(), group_ids.end(), g.id) != group_ids.end()) {
            ctx_.error(ErrorCode::DuplicateId, *n, fmt::format("duplicate group id '{}'", g.id));
            good = false;
          }
          group_ids.push_back(g.id);
        } else {
          good = false;
        }
      }
      if (const auto* n = gf.optional("name")) g.name = ctx_.string(*n, "name").value_or("");
      if (g.name.empty()) g.name = g.id;
      if (const auto* n = gf.required("criteria")) {
        if (!n->is_sequence() || n->items.empty()) {
          ctx_.error(ErrorCode::WrongType, *n,
                     fmt::format("expected a list of criteria for {}, got {}", gwhat,
                                 yaml::describe(*n)));
          good = false;
        } else {
          for (const auto& c : n->items) {
            if (!c.is_scalar()) {
              good = false;
              continue;
            }
            g.criteria.push_back(c.scalar);
            members.emplace_back(c.scalar, &c);
            member_group.push_back(idn && idn->is_scalar() ? idn->scalar : "?");
          }
        }
      } else {
        good = false;
      }
      if (const auto* n = gf.optional("weight")) {
        auto w = ctx_.number(*n, fmt::format("the weight of {}", gwhat));
        if (w && *w < 0) {
          ctx_.error(ErrorCode::InvalidWeights, *n,
                     fmt::format("weight of {} must be a non-negative number, got {}", gwhat,
                                 n->scalar));
          good = false;
        } else if (w) {
          g.weight = *w;
        } else {
          good = false;
        }
      }
      if (const auto* n = gf.optional("weighting")) {
        if (good) {
          auto local = read(*n, g.criteria, fmt::format("the weighting of {}", gwhat), 1);
          if (local) {
            g.local = std::make_shared<WeightingSpec>(std::move(*local));
          } else {
            good = false;
          }
        }
      }
      gf.finish();
      spec.groups.push_back(std::move(g));
    }
    good = check_cover(members, scope, *f.key_node("groups"), fmt::format("the groups of {}", what),
                       true, member_group) &&
           good;
    if (const auto* n = f.optional("top")) {
      if (good) {
        auto top = read(*n, group_ids, "the weighting of the groups", 1);
        if (top) {
          spec.top = std::make_shared<WeightingSpec>(std::move(*top));
        } else {
          good = false;
        }
      }
    } else if (good) {
      // Groups weighted directly need a weight each.
      for (size_t k = 0; k < spec.groups.size(); ++k) {
        if (!spec.groups[k].weight) {
          ctx_.error(ErrorCode::MissingKey, list->items[k],
                     fmt::format("missing key 'weight' in group '{}' (or weigh the groups with "
                                 "'top:')",
                                 spec.groups[k].id));
          good = false;
        }
      }
    }
    return good;
  }

  bool read_stakeholders(Fields& f, const std::vector<std::string>& scope, const std::string& what,
                         WeightingSpec& spec) {
    if (const auto* n = f.optional("aggregate")) {
      auto a = ctx_.string(*n, "the aggregation");
      if (a && parse_choice<StakeholderAggregate>(*a)) {
        spec.aggregate = *parse_choice<StakeholderAggregate>(*a);
      } else if (a) {
        ctx_.error(ErrorCode::InvalidValue, *n,
                   fmt::format("unknown aggregation '{}'; expected 'arithmetic' (mean of the "
                               "weights) or 'geometric' (geometric mean of AHP judgements)",
                               *a),
                   detail::did_you_mean(*a, {"arithmetic", "geometric"}));
        return false;
      }
    }
    const yaml::Node* list = f.required("stakeholders");
    if (list == nullptr) return false;
    if (!list->is_sequence() || list->items.empty()) {
      ctx_.error(ErrorCode::WrongType, *list,
                 fmt::format("expected a list of stakeholders for {}, got {}", what,
                             yaml::describe(*list)));
      return false;
    }
    bool good = true;
    std::vector<std::string> ids;
    for (const auto& item : list->items) {
      Stakeholder s;
      s.where = ctx_.at(item);
      const yaml::Node* idn = item.is_mapping() ? item.find("id") : nullptr;
      const std::string swhat = idn && idn->is_scalar()
                                    ? fmt::format("stakeholder '{}'", idn->scalar)
                                    : fmt::format("stakeholder #{}", spec.stakeholders.size() + 1);
      Fields sf(ctx_, item, swhat);
      if (!sf.ok()) {
        good = false;
        continue;
      }
      if (const auto* n = sf.required("id")) {
        if (auto id = ctx_.id(*n, "a stakeholder")) {
          s.id = *id;
          if (std::find(ids.begin(), ids.end(), s.id) != ids.end()) {
            ctx_.error(ErrorCode::DuplicateId, *n,
                       fmt::format("duplicate stakeholder id '{}'", s.id));
            good = false;
          }
          ids.push_back(s.id);
        } else {
          good = false;
        }
      }
      if (const auto* n = sf.optional("name")) s.name = ctx_.string(*n, "name").value_or("");
      if (s.name.empty()) s.name = s.id;
      if (const auto* n = sf.optional("weight")) {
        auto w = ctx_.number(*n, fmt::format("the weight of {}", swhat));
        if (w && *w >= 0) {
          s.weight = *w;
        } else {
          if (w) {
            ctx_.error(ErrorCode::InvalidWeights, *n,
                       fmt::format("weight of {} must be a non-negative number, got {}", swhat,
                                   n->scalar));
          }
          good = false;
        }
      }
      const yaml::Node* weights = sf.optional("weights");
      const yaml::Node* weighting = sf.optional("weighting");
      if (weights != nullptr && weighting != nullptr) {
        ctx_.error(ErrorCode::Conflict, *sf.key_node("weighting"),
                   fmt::format("{} has both 'weights:' (direct) and 'weighting:'; give one", swhat));
        good = false;
      } else if (weights == nullptr && weighting == nullptr) {
        ctx_.error(ErrorCode::MissingKey, item,
                   fmt::format("{} needs 'weights:' (direct) or 'weighting:'", swhat));
        good = false;
      } else if (weights != nullptr) {
        WeightingSpec direct;
        direct.where = ctx_.at(*weights);
        if (read_weights(*weights, scope, fmt::format("the weights of {}", swhat), direct.weights,
                         false)) {
          s.weighting = std::make_shared<WeightingSpec>(std::move(direct));
        } else {
          good = false;
        }
      } else {
        auto w = read(*weighting, scope, fmt::format("the weighting of {}", swhat), 1);
        if (w) {
          s.weighting = std::make_shared<WeightingSpec>(std::move(*w));
        } else {
          good = false;
        }
      }
      sf.finish();
      spec.stakeholders.push_back(std::move(s));
    }
    if (good && spec.aggregate == StakeholderAggregate::Geometric) {
      for (size_t k = 0; k < spec.stakeholders.size(); ++k) {
        if (spec.stakeholders[k].weighting->method != WeightingMethod::Ahp) {
          ctx_.error(ErrorCode::InvalidValue, list->items[k],
                     fmt::format("geometric aggregation combines AHP judgements, but stakeholder "
                                 "'{}' does not weigh by 'ahp'",
                                 spec.stakeholders[k].id),
                     "use 'aggregate: arithmetic' to average any kind of weights");
          good = false;
        }
      }
    }
    double total = 0;
    for (const auto& s : spec.stakeholders) total += s.weight;
    if (good && !(total > 0)) {
      ctx_.error(ErrorCode::InvalidWeights, *list,
                 "every stakeholder's weight is zero; at least one must be positive");
      good = false;
    }
    return good;
  }

  Context& ctx_;
};

}  // namespace

std::optional<WeightingSpec> read_weighting(Context& ctx, const yaml::Node& node,
                                            const std::vector<std::string>& criteria) {
  return WeightingReader(ctx).read(node, criteria, "the weighting", 0);
}

bool uses_criterion_weights(const WeightingSpec* spec) {
  return spec == nullptr ||
         (spec->method == WeightingMethod::Direct && spec->weights.empty());
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
      if (uses_criterion_weights(g.local.get())) out.insert(out.end(), g.criteria.begin(), g.criteria.end());
    }
  }
  return out;
}

}  // namespace tradeoff::loader
