// Reads frameworks, catalog criteria and assessments from YAML trees into the model, and checks
// everything that can be checked within the files: keys, types, ids, references, scales, weights.
#include "load/framework_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "suggest.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::loader {

namespace {

std::string ids_in(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ", ";
    out += "'" + id + "'";
  }
  return out;
}

std::optional<Direction> read_direction(Context& ctx, const yaml::Node& node,
                                        std::string_view what) {
  auto text = ctx.string(node, what);
  if (!text) return std::nullopt;
  if (*text == "benefit") return Direction::Benefit;
  if (*text == "cost") return Direction::Cost;
  ctx.error(ErrorCode::InvalidValue, node,
            fmt::format("expected 'benefit' or 'cost' for {}, got '{}'", what, *text),
            detail::did_you_mean(*text, {"benefit", "cost"}));
  return std::nullopt;
}

std::optional<std::pair<double, double>> read_scale(Context& ctx, const yaml::Node& node,
                                                    std::string_view what) {
  if (!node.is_sequence() || node.items.size() != 2) {
    ctx.error(ErrorCode::WrongType, node,
              fmt::format("expected [low, high] for the scale of {}, got {}", what,
                          yaml::describe(node)));
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
    ctx.error(ErrorCode::WrongType, node,
              fmt::format("expected a mapping of score: meaning for the rubric of {}, got {}",
                          what, yaml::describe(node)));
    return out;
  }
  for (const auto& [key, value] : node.entries) {
    if (!parse_number(key.scalar)) {
      ctx.error(ErrorCode::WrongType, key,
                fmt::format("expected a score (a number) as rubric key of {}, got '{}'", what,
                            key.scalar));
      continue;
    }
    if (auto text = ctx.string(value, fmt::format("the rubric of {}", what))) {
      out.emplace_back(key.scalar, *text);
    }
  }
  return out;
}

std::optional<ValueFunction> read_value_function(Context& ctx, const yaml::Node& node,
                                                 std::string_view what) {
  Fields f(ctx, node, fmt::format("the value function of {}", what));
  const yaml::Node* points = f.required("points");
  f.finish();
  if (!f.ok() || points == nullptr) return std::nullopt;
  if (!points->is_sequence() || points->items.size() < 2) {
    ctx.error(ErrorCode::InvalidValueFunction, *points,
              fmt::format("expected at least two [value, score] points for the value function "
                          "of {}, got {}",
                          what, yaml::describe(*points)));
    return std::nullopt;
  }
  ValueFunction vf;
  vf.where = ctx.at(node);
  bool good = true;
  for (const auto& point : points->items) {
    if (!point.is_sequence() || point.items.size() != 2) {
      ctx.error(ErrorCode::InvalidValueFunction, point,
                fmt::format("expected a [value, score] pair in the value function of {}, got {}",
                            what, yaml::describe(point)));
      good = false;
      continue;
    }
    auto x = ctx.number(point.items[0], "a value-function point");
    auto v = ctx.number(point.items[1], "a value-function point");
    if (!x || !v) {
      good = false;
      continue;
    }
    if (*v < 0 || *v > 1) {
      ctx.error(ErrorCode::InvalidValueFunction, point.items[1],
                fmt::format("value-function scores must lie in [0, 1], got {}",
                            point.items[1].scalar));
      good = false;
      continue;
    }
    if (!vf.points.empty() && !(*x > vf.points.back().first)) {
      ctx.error(ErrorCode::InvalidValueFunction, point.items[0],
                fmt::format("value-function points must be sorted by strictly increasing value; "
                            "{} follows {}",
                            point.items[0].scalar, vf.points.back().first));
      good = false;
      continue;
    }
    vf.points.emplace_back(*x, *v);
  }
  if (!good) return std::nullopt;
  return vf;
}

}  // namespace

// --- catalog criteria ------------------------------------------------------------------------

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

// --- frameworks ------------------------------------------------------------------------------

namespace {

class FrameworkReader {
 public:
  FrameworkReader(Context& ctx, const CriterionResolver& resolve) : ctx_(ctx), resolve_(resolve) {}

  Framework read() {
    const yaml::Node& root = ctx_.doc().root;
    fw_.file = ctx_.doc().file;
    fw_.where = ctx_.at(root);
    Fields f(ctx_, root, "framework");
    if (!f.ok()) return std::move(fw_);
    if (const auto* n = f.required("framework")) fw_.id = ctx_.id(*n, "the framework").value_or("");
    if (const auto* n = f.optional("title")) fw_.title = ctx_.string(*n, "title").value_or("");
    if (const auto* n = f.optional("version")) {
      fw_.version = ctx_.string(*n, "version").value_or("");
    }
    if (const auto* n = f.optional("description")) {
      fw_.description = ctx_.string(*n, "description").value_or("");
    }
    if (const auto* n = f.optional("sources")) read_sources(*n);
    const yaml::Node* criteria = f.required("criteria");
    if (criteria != nullptr) {
      fw_.criteria_where = ctx_.at(*f.key_node("criteria"));
      read_criteria(*criteria);
    }
    const yaml::Node* options = f.required("options");
    if (options != nullptr) read_options(*options);
    if (const auto* n = f.optional("method")) fw_.method = read_method(ctx_, *n);
    f.finish();
    if (fw_.title.empty()) fw_.title = fw_.id;
    check_weights();
    check_sources();
    return std::move(fw_);
  }

 private:
  void read_sources(const yaml::Node& node) {
    if (!node.is_mapping()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a mapping of source id: details for sources, got {}",
                             yaml::describe(node)));
      return;
    }
    for (const auto& [key, value] : node.entries) {
      Source s;
      s.where = ctx_.at(key);
      s.id = ctx_.id(key, "a source").value_or("");
      Fields f(ctx_, value, fmt::format("source '{}'", key.scalar));
      if (const auto* n = f.required("title")) s.title = ctx_.string(*n, "title").value_or("");
      if (const auto* n = f.optional("url")) s.url = ctx_.string(*n, "url").value_or("");
      if (const auto* n = f.optional("date")) s.date = ctx_.date(*n, "date").value_or("");
      if (const auto* n = f.optional("note")) s.note = ctx_.string(*n, "note").value_or("");
      f.finish();
      fw_.sources.push_back(std::move(s));
    }
  }

  void read_criteria(const yaml::Node& node) {
    if (!node.is_sequence()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a list of criteria, got {}", yaml::describe(node)));
      return;
    }
    if (node.items.empty()) {
      ctx_.error(ErrorCode::InvalidValue, node, "the framework has no criteria");
      return;
    }
    std::map<std::string, int> seen;
    for (const auto& item : node.items) {
      Criterion c = read_criterion(item);
      if (c.id.empty()) {
        // A criterion with errors of its own still declares its id, so that its scores are
        // not reported a second time as unknown.
        if (item.is_mapping()) {
          for (const char* key : {"id", "use"}) {
            const yaml::Node* n = item.find(key);
            if (n != nullptr && n->is_scalar()) broken_ids_.push_back(n->scalar);
          }
        }
        continue;
      }
      if (auto it = seen.find(c.id); it != seen.end()) {
        ctx_.error(ErrorCode::DuplicateId, item,
                   fmt::format("duplicate criterion id '{}' (first defined on line {})", c.id,
                               it->second));
        continue;
      }
      seen.emplace(c.id, c.where.line);
      criterion_ids_.push_back(c.id);
      fw_.criteria.push_back(std::move(c));
    }
  }

  Criterion read_criterion(const yaml::Node& item) {
    Criterion c;
    c.where = ctx_.at(item);
    const yaml::Node* id_node = item.is_mapping() ? item.find("id") : nullptr;
    const yaml::Node* use_node = item.is_mapping() ? item.find("use") : nullptr;
    std::string label = id_node && id_node->is_scalar()     ? id_node->scalar
                        : use_node && use_node->is_scalar() ? use_node->scalar
                                                            : std::string();
    const std::string what =
        label.empty() ? fmt::format("criterion #{}", fw_.criteria.size() + 1)
                      : fmt::format("criterion '{}'", label);
    Fields f(ctx_, item, what);
    if (!f.ok()) return c;

    // A catalog criterion provides defaults; the fields given here override them.
    std::optional<CatalogCriterion> base;
    bool use_failed = false;
    if (const auto* n = f.optional("use")) {
      if (auto use = ctx_.id(*n, "'use'")) {
        base = resolve_(*use, *n, ctx_);
        if (base) c.catalog = *use;
      }
      use_failed = !base;
    }
    const bool uses = f.node().find("use") != nullptr;
    const yaml::Node* idn = uses ? f.optional("id") : f.required("id");
    if (idn != nullptr) {
      c.id = ctx_.id(*idn, "a criterion").value_or("");
    } else if (base) {
      c.id = base->id;
    }
    if (base) {
      c.name = base->name;
      c.description = base->description;
      c.direction = base->direction;
      c.unit = base->unit;
      c.scale = base->scale;
      c.rubric = base->rubric;
    } else if (!f.node().find("use")) {
      // Without a catalog entry, the direction must be explicit: a wrong default would
      // silently invert the criterion.
      f.required("direction");
    }
    if (const auto* n = f.optional("name")) c.name = ctx_.string(*n, "name").value_or(c.name);
    if (const auto* n = f.optional("description")) {
      c.description = ctx_.string(*n, "description").value_or(c.description);
    }
    if (const auto* n = f.optional("direction")) {
      c.direction = read_direction(ctx_, *n, "direction").value_or(c.direction);
    }
    if (const auto* n = f.optional("unit")) c.unit = ctx_.string(*n, "unit").value_or(c.unit);
    if (const auto* n = f.optional("scale")) c.scale = read_scale(ctx_, *n, what);
    if (const auto* n = f.optional("value_function")) {
      c.value_function = read_value_function(ctx_, *n, what);
      if (c.value_function) check_value_function_direction(c, *n);
    }
    if (const auto* n = f.optional("rubric")) c.rubric = read_rubric(ctx_, *n, what);
    if (const auto* n = f.optional("source")) {
      if (auto s = ctx_.id(*n, "source")) {
        c.source = *s;
        cited_sources_.emplace_back(*s, n);
      }
    }
    if (const auto* n = f.optional("weight")) {
      c.weight_where = ctx_.at(*n);
      if (auto w = ctx_.number(*n, fmt::format("the weight of {}", what))) {
        if (*w < 0) {
          ctx_.error(ErrorCode::InvalidWeights, *n,
                     fmt::format("weight of {} must be a non-negative number, got {}", what,
                                 n->scalar));
        } else {
          c.weight = *w;
        }
      }
    } else {
      // Direct weighting needs every weight: a forgotten one must not silently become zero.
      ctx_.error(ErrorCode::MissingKey, item, fmt::format("missing key 'weight' in {}", what));
    }
    f.finish();
    if (use_failed) c.id.clear();  // reported; keep it out of the model
    if (c.name.empty()) c.name = c.id;
    return c;
  }

  void check_value_function_direction(const Criterion& c, const yaml::Node& node) {
    const auto& pts = c.value_function->points;
    const double first = pts.front().second;
    const double last = pts.back().second;
    if (c.direction == Direction::Cost && last > first) {
      ctx_.warning(ErrorCode::InvalidValueFunction, node,
                   fmt::format("criterion '{}' is a cost, but its value function rises with "
                               "the raw value",
                               c.id));
    } else if (c.direction == Direction::Benefit && last < first) {
      ctx_.warning(ErrorCode::InvalidValueFunction, node,
                   fmt::format("criterion '{}' is a benefit, but its value function falls "
                               "with the raw value",
                               c.id));
    }
  }

  void read_options(const yaml::Node& node) {
    if (!node.is_sequence()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a list of options, got {}", yaml::describe(node)));
      return;
    }
    if (node.items.empty()) {
      ctx_.error(ErrorCode::InvalidValue, node, "the framework has no options");
      return;
    }
    std::map<std::string, int> seen;
    for (const auto& item : node.items) {
      Alternative a = read_option(item);
      if (a.id.empty()) continue;
      if (auto it = seen.find(a.id); it != seen.end()) {
        ctx_.error(ErrorCode::DuplicateId, item,
                   fmt::format("duplicate option id '{}' (first defined on line {})", a.id,
                               it->second));
        continue;
      }
      seen.emplace(a.id, a.where.line);
      fw_.options.push_back(std::move(a));
    }
  }

  Alternative read_option(const yaml::Node& item) {
    Alternative a;
    a.where = ctx_.at(item);
    const yaml::Node* id_node = item.is_mapping() ? item.find("id") : nullptr;
    const std::string what = id_node && id_node->is_scalar()
                                 ? fmt::format("option '{}'", id_node->scalar)
                                 : fmt::format("option #{}", fw_.options.size() + 1);
    Fields f(ctx_, item, what);
    if (!f.ok()) return a;
    if (const auto* n = f.required("id")) a.id = ctx_.id(*n, "an option").value_or("");
    if (const auto* n = f.optional("name")) a.name = ctx_.string(*n, "name").value_or("");
    if (const auto* n = f.optional("description")) {
      a.description = ctx_.string(*n, "description").value_or("");
    }
    if (const auto* n = f.required("scores")) {
      a.scores_where = ctx_.at(*f.key_node("scores"));
      if (!n->is_mapping()) {
        ctx_.error(ErrorCode::WrongType, *n,
                   fmt::format("expected a mapping of criterion: score for the scores of {}, "
                               "got {}",
                               what, yaml::describe(*n)));
      } else {
        for (const auto& [key, value] : n->entries) {
          if (!has_criterion(key.scalar)) {
            if (std::find(broken_ids_.begin(), broken_ids_.end(), key.scalar) !=
                broken_ids_.end()) {
              continue;
            }
            ctx_.error(ErrorCode::UnknownReference, key,
                       fmt::format("unknown criterion '{}' in the scores of {}", key.scalar, what),
                       detail::did_you_mean(key.scalar, criterion_ids_));
            continue;
          }
          if (auto s = read_score(ctx_, key, value, a.id)) {
            if (!s->source.empty()) cited_sources_.emplace_back(s->source, &value);
            a.scores.push_back(std::move(*s));
          }
        }
        std::vector<std::string> missing;
        for (const auto& c : fw_.criteria) {
          if (a.score(c.id) == nullptr && !n->find(c.id)) missing.push_back(c.id);
        }
        if (!missing.empty()) {
          ctx_.error(ErrorCode::MissingScore, *f.key_node("scores"),
                     fmt::format("{} has no score for {} {}", what,
                                 missing.size() == 1 ? "criterion" : "criteria", ids_in(missing)));
        }
      }
    }
    f.finish();
    if (a.name.empty()) a.name = a.id;
    return a;
  }

  bool has_criterion(const std::string& id) const {
    return std::find(criterion_ids_.begin(), criterion_ids_.end(), id) != criterion_ids_.end();
  }

  void check_weights() {
    if (fw_.criteria.empty()) return;
    bool any_missing = false;
    double total = 0;
    for (const auto& c : fw_.criteria) {
      if (!c.weight) any_missing = true;
      total += c.weight.value_or(0);
    }
    if (!any_missing && total <= 0) {
      ctx_.sink().error(ErrorCode::InvalidWeights, fw_.criteria_where,
                        "all criterion weights are zero; at least one must be positive");
    }
    // Scores outside a declared scale are errors: the scale is what normalises them.
    for (const auto& a : fw_.options) {
      for (const auto& s : a.scores) check_scale(ctx_.sink(), *fw_.criterion(s.criterion), s, a.id);
    }
  }

  void check_sources() {
    std::vector<std::string> ids;
    for (const auto& s : fw_.sources) ids.push_back(s.id);
    for (const auto& [id, node] : cited_sources_) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ctx_.error(ErrorCode::UnknownReference, *node,
                   fmt::format("unknown source '{}'; sources are declared under 'sources:'", id),
                   detail::did_you_mean(id, ids));
      }
    }
  }

  Context& ctx_;
  const CriterionResolver& resolve_;
  Framework fw_;
  std::vector<std::string> criterion_ids_;
  std::vector<std::string> broken_ids_;
  std::vector<std::pair<std::string, const yaml::Node*>> cited_sources_;
};

}  // namespace

std::optional<Score> read_score(Context& ctx, const yaml::Node& key, const yaml::Node& value,
                                const std::string& option) {
  Score s;
  s.criterion = key.scalar;
  s.key_where = ctx.at(key);
  s.where = ctx.at(value);
  const std::string what = fmt::format("the score of '{}' on '{}'", option, key.scalar);
  const yaml::Node* number = &value;
  if (value.is_mapping()) {
    Fields f(ctx, value, what);
    number = f.required("value");
    if (const auto* n = f.optional("because")) s.because = ctx.string(*n, "because").value_or("");
    if (const auto* n = f.optional("source")) s.source = ctx.id(*n, "source").value_or("");
    f.finish();
    if (number == nullptr) return std::nullopt;
    s.where = ctx.at(*number);
  }
  auto v = ctx.number(*number, what);
  if (!v) return std::nullopt;
  s.value = *v;
  return s;
}

void check_scale(DiagnosticSink& sink, const Criterion& c, const Score& s,
                 const std::string& option) {
  if (!c.scale) return;
  if (s.value < c.scale->first || s.value > c.scale->second) {
    sink.error(ErrorCode::OutOfRange, s.where,
               fmt::format("score {} of '{}' on '{}' is outside the criterion's scale [{}, {}]",
                           s.value, option, c.id, c.scale->first, c.scale->second));
  }
}

MethodSpec read_method(Context& ctx, const yaml::Node& node) {
  MethodSpec m;
  m.where = ctx.at(node);
  Fields f(ctx, node, "method");
  if (const auto* n = f.optional("name")) {
    if (auto name = ctx.string(*n, "the method name")) {
      if (is_method_name(*name)) {
        m.name = *name;
      } else {
        ctx.error(ErrorCode::InvalidValue, *n,
                  fmt::format("unknown method '{}'; expected one of {}", *name,
                              ids_in(method_names())),
                  detail::did_you_mean(*name, method_names()));
      }
    }
  }
  if (const auto* n = f.optional("normalization")) {
    if (auto name = ctx.string(*n, "the normalization")) {
      if (parse_normalization(*name)) {
        m.normalization = *name;
      } else {
        ctx.error(ErrorCode::InvalidValue, *n,
                  fmt::format("unknown normalization '{}'; expected one of {}", *name,
                              ids_in(normalization_names())),
                  detail::did_you_mean(*name, normalization_names()));
      }
    }
  }
  f.finish();
  return m;
}

Framework read_framework(Context& ctx, const CriterionResolver& resolve) {
  return FrameworkReader(ctx, resolve).read();
}

// --- assessments -----------------------------------------------------------------------------

Assessment read_assessment_header(Context& ctx) {
  Assessment a;
  const yaml::Node& root = ctx.doc().root;
  a.file = ctx.doc().file;
  a.where = ctx.at(root);
  if (!root.is_mapping()) return a;
  if (const auto* n = root.find("assessment")) a.id = ctx.id(*n, "the assessment").value_or("");
  if (const auto* n = root.find("framework")) {
    a.framework_where = ctx.at(*n);
    a.framework_ref = ctx.string(*n, "the framework").value_or("");
  }
  return a;
}

void read_assessment_body(Context& ctx, Assessment& a, const Framework& fw) {
  const yaml::Node& root = ctx.doc().root;
  Fields f(ctx, root, "assessment");
  if (!f.ok()) return;
  f.required("assessment");
  f.required("framework");
  if (const auto* n = f.optional("title")) a.title = ctx.string(*n, "title").value_or("");
  if (const auto* n = f.optional("date")) a.date = ctx.date(*n, "date").value_or("");
  if (const auto* n = f.optional("description")) {
    a.description = ctx.string(*n, "description").value_or("");
  }
  std::vector<std::string> criterion_ids;
  for (const auto& c : fw.criteria) criterion_ids.push_back(c.id);
  std::vector<std::string> option_ids;
  for (const auto& o : fw.options) option_ids.push_back(o.id);

  if (const auto* n = f.optional("weights")) {
    if (!n->is_mapping()) {
      ctx.error(ErrorCode::WrongType, *n,
                fmt::format("expected a mapping of criterion: weight for weights, got {}",
                            yaml::describe(*n)));
    } else {
      for (const auto& [key, value] : n->entries) {
        if (fw.criterion(key.scalar) == nullptr) {
          ctx.error(ErrorCode::UnknownReference, key,
                    fmt::format("unknown criterion '{}' in weights; framework '{}' has {}",
                                key.scalar, fw.id, ids_in(criterion_ids)),
                    detail::did_you_mean(key.scalar, criterion_ids));
          continue;
        }
        auto w = ctx.number(value, fmt::format("the weight of '{}'", key.scalar));
        if (!w) continue;
        if (*w < 0) {
          ctx.error(ErrorCode::InvalidWeights, value,
                    fmt::format("weight of '{}' must be a non-negative number, got {}",
                                key.scalar, value.scalar));
          continue;
        }
        a.weights.push_back({key.scalar, *w, ctx.at(value)});
      }
    }
  }
  if (const auto* n = f.optional("scores")) {
    if (!n->is_mapping()) {
      ctx.error(ErrorCode::WrongType, *n,
                fmt::format("expected a mapping of option: {{criterion: score}} for scores, "
                            "got {}",
                            yaml::describe(*n)));
    } else {
      for (const auto& [okey, ovalue] : n->entries) {
        const Alternative* option = fw.option(okey.scalar);
        if (option == nullptr) {
          ctx.error(ErrorCode::UnknownReference, okey,
                    fmt::format("unknown option '{}' in scores", okey.scalar),
                    detail::did_you_mean(okey.scalar, option_ids));
          continue;
        }
        if (!ovalue.is_mapping()) {
          ctx.error(ErrorCode::WrongType, ovalue,
                    fmt::format("expected a mapping of criterion: score for option '{}', got {}",
                                okey.scalar, yaml::describe(ovalue)));
          continue;
        }
        for (const auto& [ckey, cvalue] : ovalue.entries) {
          const Criterion* criterion = fw.criterion(ckey.scalar);
          if (criterion == nullptr) {
            ctx.error(ErrorCode::UnknownReference, ckey,
                      fmt::format("unknown criterion '{}' in the scores of option '{}'",
                                  ckey.scalar, okey.scalar),
                      detail::did_you_mean(ckey.scalar, criterion_ids));
            continue;
          }
          if (auto s = read_score(ctx, ckey, cvalue, okey.scalar)) {
            if (!s->source.empty() &&
                std::none_of(fw.sources.begin(), fw.sources.end(),
                             [&](const Source& src) { return src.id == s->source; })) {
              ctx.error(ErrorCode::UnknownReference, cvalue,
                        fmt::format("unknown source '{}'; sources are declared in the "
                                    "framework's 'sources:'",
                                    s->source));
            }
            check_scale(ctx.sink(), *criterion, *s, okey.scalar);
            a.scores.push_back({okey.scalar, std::move(*s)});
          }
        }
      }
    }
  }
  if (const auto* n = f.optional("method")) a.method = read_method(ctx, *n);
  f.finish();

  // The weights that will be used must not all be zero.
  double total = 0;
  for (const auto& c : fw.criteria) {
    double w = c.weight.value_or(0);
    for (const auto& o : a.weights) {
      if (o.criterion == c.id) w = o.weight;
    }
    total += w;
  }
  if (total <= 0 && !fw.criteria.empty()) {
    const yaml::Node* wkey = f.key_node("weights");
    ctx.sink().error(ErrorCode::InvalidWeights, wkey ? ctx.at(*wkey) : a.where,
                     "with these weights every criterion weight is zero; at least one must be "
                     "positive");
  }
}

}  // namespace tradeoff::loader
