// Criteria: the `criteria:` list of a framework (inline, or `use:` of a catalog criterion with
// fields given here overriding it) and catalog criterion files; directions, scales, rubrics,
// value functions and weights.
#include <fmt/format.h>

#include "load/expression_loader.hpp"
#include "load/readers.hpp"

namespace tradeoff::loader {

namespace {

std::optional<Direction> read_direction(Context& ctx, const yaml::Node& node,
                                        std::string_view what) {
  auto text = ctx.string(node, what);
  if (!text) return std::nullopt;
  if (*text == "benefit") return Direction::Benefit;
  if (*text == "cost") return Direction::Cost;
  ctx.report(node, not_one_of("'benefit' or 'cost'", what, *text, {"benefit", "cost"}));
  return std::nullopt;
}

std::optional<std::pair<double, double>> read_scale(Context& ctx, const yaml::Node& node,
                                                    std::string_view what) {
  if (!node.is_sequence() || node.items.size() != 2) {
    ctx.report(node, wrong_type("[low, high]", fmt::format("the scale of {}", what), node));
    return std::nullopt;
  }
  auto lo = ctx.number(node.items[0], fmt::format("the scale of {}", what));
  auto hi = ctx.number(node.items[1], fmt::format("the scale of {}", what));
  if (!lo || !hi) return std::nullopt;
  if (!(*lo < *hi)) {
    ctx.error(ErrorCode::InvalidValue, node,
              fmt::format("the scale of {} must have low < high, got [{}, {}]", what,
                          node.items[0].scalar, node.items[1].scalar));
    return std::nullopt;
  }
  return std::make_pair(*lo, *hi);
}

std::vector<std::pair<std::string, std::string>> read_rubric(Context& ctx, const yaml::Node& node,
                                                             std::string_view what) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!node.is_mapping()) {
    ctx.report(node, wrong_type("a mapping of score: meaning",
                                fmt::format("the rubric of {}", what), node));
    return out;
  }
  for (const auto& [key, value] : node.entries) {
    if (!parse_number(key.scalar)) {
      ctx.report(key, wrong_type(fmt::format("a score (a number) as rubric key of {}", what),
                                 fmt::format("'{}'", key.scalar)));
      continue;
    }
    if (auto text = ctx.string(value, fmt::format("the rubric of {}", what))) {
      out.emplace_back(key.scalar, *text);
    }
  }
  return out;
}

/// One [value, score] point of a value function, appended to `vf` when it is valid.
bool read_point(Context& ctx, const yaml::Node& point, std::string_view what, ValueFunction& vf) {
  if (!point.is_sequence() || point.items.size() != 2) {
    Message m =
        wrong_type(fmt::format("a [value, score] pair in the value function of {}", what), point);
    m.code = ErrorCode::InvalidValueFunction;
    ctx.report(point, std::move(m));
    return false;
  }
  auto x = ctx.number(point.items[0], "a value-function point");
  auto v = ctx.number(point.items[1], "a value-function point");
  if (!x || !v) return false;
  if (*v < 0 || *v > 1) {
    ctx.error(
        ErrorCode::InvalidValueFunction, point.items[1],
        fmt::format("value-function scores must lie in [0, 1], got {}", point.items[1].scalar));
    return false;
  }
  if (!vf.points.empty() && !(*x > vf.points.back().first)) {
    ctx.error(ErrorCode::InvalidValueFunction, point.items[0],
              fmt::format("value-function points must be sorted by strictly increasing value; "
                          "{} follows {}",
                          point.items[0].scalar, vf.points.back().first));
    return false;
  }
  vf.points.emplace_back(*x, *v);
  return true;
}

std::optional<ValueFunction> read_value_function(Context& ctx, const yaml::Node& node,
                                                 std::string_view what) {
  Fields f(ctx, node, fmt::format("the value function of {}", what));
  const yaml::Node* points = f.required("points");
  f.finish();
  if (!f.ok() || points == nullptr) return std::nullopt;
  if (!points->is_sequence() || points->items.size() < 2) {
    const size_t n = points->items.size();
    const std::string got = points->is_sequence() ? fmt::format("{} point{}", n, n == 1 ? "" : "s")
                                                  : yaml::describe(*points);
    Message m = wrong_type(
        fmt::format("at least two [value, score] points for the value function of {}", what), got);
    m.code = ErrorCode::InvalidValueFunction;
    ctx.report(*points, std::move(m));
    return std::nullopt;
  }
  ValueFunction vf;
  vf.where = ctx.at(node);
  bool good = true;
  for (const auto& point : points->items) good = read_point(ctx, point, what, vf) && good;
  if (!good) return std::nullopt;
  return vf;
}

void check_value_function_direction(Context& ctx, const Criterion& c, const yaml::Node& node) {
  const auto& pts = c.value_function->points;
  const double first = pts.front().second;
  const double last = pts.back().second;
  if (c.direction == Direction::Cost && last > first) {
    ctx.warning(ErrorCode::InvalidValueFunction, node,
                fmt::format("criterion '{}' is a cost, but its value function rises with "
                            "the raw value",
                            c.id));
  } else if (c.direction == Direction::Benefit && last < first) {
    ctx.warning(ErrorCode::InvalidValueFunction, node,
                fmt::format("criterion '{}' is a benefit, but its value function falls "
                            "with the raw value",
                            c.id));
  }
}

/// `use:` and `id:` of a criterion; the catalog entry, when one is used and found, provides
/// the defaults. Returns false when `use:` names nothing usable (reported).
bool read_identity(Context& ctx, Fields& f, const CriterionResolver& resolve, Criterion& c) {
  std::optional<CatalogCriterion> base;
  bool use_ok = true;
  if (const auto* n = f.optional("use")) {
    if (auto use = ctx.id(*n, "'use'")) {
      base = resolve(*use, *n, ctx);
      if (base) c.catalog = *use;
    }
    use_ok = base.has_value();
  }
  const bool uses = f.node().find("use") != nullptr;
  const yaml::Node* idn = uses ? f.optional("id") : f.required("id");
  if (idn != nullptr) {
    c.id = ctx.id(*idn, "a criterion").value_or("");
  } else if (base) {
    c.id = base->id;
  }
  c.file = base ? base->where.file : ctx.at(f.node()).file;
  if (base) {
    c.name = base->name;
    c.description = base->description;
    c.direction = base->direction;
    c.unit = base->unit;
    c.scale = base->scale;
    c.rubric = base->rubric;
  } else if (!uses) {
    // Without a catalog entry, the direction must be explicit: a wrong default would
    // silently invert the criterion.
    f.required("direction");
  }
  return use_ok;
}

/// `limit: {max: formula, min: formula, because, source}`: at least one bound.
std::optional<Limit> read_limit(Context& ctx, const yaml::Node& node, const std::string& what,
                                FrameworkDraft& draft) {
  Limit limit;
  limit.where = ctx.at(node);
  Fields f(ctx, node, fmt::format("the limit of {}", what));
  if (!f.ok()) return std::nullopt;
  if (const auto* n = f.optional("min")) {
    limit.min = read_expression(ctx, *n, fmt::format("the lower limit of {}", what));
  }
  if (const auto* n = f.optional("max")) {
    limit.max = read_expression(ctx, *n, fmt::format("the upper limit of {}", what));
  }
  if (const auto* n = f.optional("because")) {
    limit.because = ctx.string(*n, "because").value_or("");
    limit.because_where = ctx.at(*n);
  }
  if (const auto* n = f.optional("source")) {
    if (auto id = ctx.id(*n, "source")) {
      limit.source = *id;
      draft.cite(*id, *n);
    }
  }
  const bool bounded = f.optional("min") != nullptr || f.optional("max") != nullptr;
  f.finish();
  if (!bounded) {
    ctx.error(ErrorCode::MissingKey, node,
              fmt::format("the limit of {} needs 'max', 'min' or both", what));
    return std::nullopt;
  }
  if ((f.optional("min") != nullptr && !limit.min) ||
      (f.optional("max") != nullptr && !limit.max)) {
    return std::nullopt;
  }
  return limit;
}

/// The fields a criterion defines (or overrides): names, direction, scale, weight, ...
void read_definition(Context& ctx, Fields& f, const std::string& what, FrameworkDraft& draft,
                     Criterion& c) {
  if (const auto* n = f.optional("name")) c.name = ctx.string(*n, "name").value_or(c.name);
  if (const auto* n = f.optional("description")) {
    c.description = ctx.string(*n, "description").value_or(c.description);
  }
  if (const auto* n = f.optional("direction")) {
    c.direction = read_direction(ctx, *n, "direction").value_or(c.direction);
  }
  if (const auto* n = f.optional("unit")) c.unit = ctx.string(*n, "unit").value_or(c.unit);
  if (const auto* n = f.optional("scale")) c.scale = read_scale(ctx, *n, what);
  if (const auto* n = f.optional("value_function")) {
    c.value_function = read_value_function(ctx, *n, what);
    if (c.value_function) check_value_function_direction(ctx, c, *n);
  }
  if (const auto* n = f.optional("rubric")) c.rubric = read_rubric(ctx, *n, what);
  if (const auto* n = f.optional("source")) {
    if (auto s = ctx.id(*n, "source")) {
      c.source = *s;
      draft.cite(*s, *n);
    }
  }
  if (const auto* n = f.optional("limit")) c.limit = read_limit(ctx, *n, what, draft);
  if (const auto* n = f.optional("weight")) {
    c.weight_where = ctx.at(*n);
    if (auto w = ctx.number(*n, fmt::format("the weight of {}", what))) {
      if (*w < 0) {
        ctx.report(*n, negative_weight(what, n->scalar));
      } else {
        c.weight = *w;
      }
    }
  }
}

Criterion read_criterion(Context& ctx, const yaml::Node& item, const CriterionResolver& resolve,
                         FrameworkDraft& draft) {
  Criterion c;
  c.where = ctx.at(item);
  const bool has_id = item.is_mapping() && item.find("id") && item.find("id")->is_scalar();
  const std::string what =
      item_name(item, "criterion", draft.fw.criteria.size() + 1, has_id ? "id" : "use");
  Fields f(ctx, item, what);
  if (!f.ok()) return c;
  const bool use_ok = read_identity(ctx, f, resolve, c);
  read_definition(ctx, f, what, draft, c);
  f.finish();
  if (!use_ok) c.id.clear();  // reported; keep it out of the model
  if (c.name.empty()) c.name = c.id;
  return c;
}

}  // namespace

CatalogCriterion read_catalog_criterion(Context& ctx, std::string_view expected_id) {
  CatalogCriterion c;
  const yaml::Node& root = ctx.doc().root;
  c.where = ctx.at(root);
  Fields f(ctx, root, "criterion file");
  if (!f.ok()) return c;
  if (const auto* n = f.required("criterion")) {
    if (auto id = ctx.id(*n, "the criterion")) {
      c.id = *id;
      if (!expected_id.empty() && c.id != expected_id) {
        ctx.error(ErrorCode::InvalidValue, *n,
                  fmt::format("criterion id '{}' does not match its file name '{}.yaml'", c.id,
                              expected_id));
      }
    }
  }
  const std::string what = fmt::format("criterion '{}'", c.id);
  if (const auto* n = f.required("name")) c.name = ctx.string(*n, "name").value_or("");
  if (const auto* n = f.optional("description")) {
    c.description = ctx.string(*n, "description").value_or("");
  }
  if (const auto* n = f.required("direction")) {
    c.direction = read_direction(ctx, *n, "direction").value_or(Direction::Benefit);
  }
  if (const auto* n = f.optional("unit")) c.unit = ctx.string(*n, "unit").value_or("");
  if (const auto* n = f.optional("scale")) c.scale = read_scale(ctx, *n, what);
  if (const auto* n = f.optional("rubric")) c.rubric = read_rubric(ctx, *n, what);
  f.finish();
  return c;
}

void read_criteria(Context& ctx, const yaml::Node& node, const CriterionResolver& resolve,
                   FrameworkDraft& draft) {
  if (!node.is_sequence()) {
    ctx.report(node, wrong_type("a list of criteria", node));
    draft.criteria_ok = false;
    return;
  }
  if (node.items.empty()) {
    ctx.error(ErrorCode::InvalidValue, node, "the framework has no criteria");
    draft.criteria_ok = false;
    return;
  }
  UniqueIds seen("criterion");
  for (const auto& item : node.items) {
    Criterion c = read_criterion(ctx, item, resolve, draft);
    if (c.id.empty()) {
      // A criterion with errors of its own still declares its id, so that its scores are
      // not reported a second time as unknown.
      for (const char* key : {"id", "use"}) {
        const yaml::Node* n = item.is_mapping() ? item.find(key) : nullptr;
        if (n != nullptr && n->is_scalar()) draft.broken_ids.push_back(n->scalar);
      }
      continue;
    }
    const yaml::Node* at = item.find("id") ? item.find("id") : item.find("use");
    if (!seen.insert(ctx, at ? *at : item, c.id, c.where.line)) continue;
    draft.criterion_ids.push_back(c.id);
    draft.fw.criteria.push_back(std::move(c));
  }
}

}  // namespace tradeoff::loader
