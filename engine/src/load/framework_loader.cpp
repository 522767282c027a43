// Reads frameworks, catalog criteria and assessments from YAML trees into the model, and checks
// everything that can be checked within the files: keys, types, ids, references, scales, weights.
#include "load/framework_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "inputs.hpp"
#include "load/expression_loader.hpp"
#include "load/weighting_loader.hpp"
#include "suggest.hpp"
#include "text.hpp"
#include "tradeoff/choices.hpp"

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
                          what,
                          points->is_sequence()
                              ? fmt::format("{} point{}", points->items.size(),
                                            points->items.size() == 1 ? "" : "s")
                              : yaml::describe(*points)));
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

std::optional<double> read_input_value(Context& ctx, const Input& input, const yaml::Node& node,
                                       std::string_view what) {
  if (!node.is_scalar()) {
    ctx.error(ErrorCode::WrongType, node,
              fmt::format("expected a value for {}, got {}", what, yaml::describe(node)));
    return std::nullopt;
  }
  detail::InputProblem problem;
  auto v = detail::parse_input_value(input, node.scalar, node.style == yaml::Style::Plain, what,
                                     problem);
  if (!v) ctx.error(problem.code, node, problem.message, problem.hint);
  return v;
}

void read_sources(Context& ctx, const yaml::Node& node, std::vector<Source>& out) {
  if (!node.is_mapping()) {
    ctx.error(ErrorCode::WrongType, node,
              fmt::format("expected a mapping of source id: details for sources, got {}",
                          yaml::describe(node)));
    return;
  }
  for (const auto& [key, value] : node.entries) {
    Source s;
    s.where = ctx.at(key);
    s.id = ctx.id(key, "a source").value_or("");
    Fields f(ctx, value, fmt::format("source '{}'", key.scalar));
    if (const auto* n = f.required("title")) s.title = ctx.string(*n, "title").value_or("");
    if (const auto* n = f.optional("url")) s.url = ctx.string(*n, "url").value_or("");
    if (const auto* n = f.optional("date")) s.date = ctx.date(*n, "date").value_or("");
    if (const auto* n = f.optional("note")) s.note = ctx.string(*n, "note").value_or("");
    f.finish();
    out.push_back(std::move(s));
  }
}

/// "a number", "an integer", "a level": an input type with its article.
std::string a_type(InputType type) {
  return type == InputType::Integer ? "an integer" : "a " + std::string(to_string(type));
}

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
    if (const auto* n = f.optional("inputs")) read_inputs(*n);
    if (const auto* n = f.optional("derived")) read_derived(*n);
    const yaml::Node* criteria = f.required("criteria");
    if (criteria == nullptr) criteria_ok_ = false;
    if (criteria != nullptr) {
      fw_.criteria_where = ctx_.at(*f.key_node("criteria"));
      read_criteria(*criteria);
    }
    const yaml::Node* options = f.required("options");
    if (options != nullptr) read_options(*options);
    if (const auto* n = f.optional("rules")) read_rules(*n);
    if (const auto* n = f.optional("method")) fw_.method = read_method(ctx_, *n, criterion_ids_);
    if (const auto* n = f.optional("weighting")) {
      if (criteria_ok_) fw_.weighting = read_weighting(ctx_, *n, criterion_ids_);
      weighting_failed_ = !fw_.weighting;
    }
    f.finish();
    if (fw_.title.empty()) fw_.title = fw_.id;
    check_weights();
    check_formulas();
    check_sources();
    return std::move(fw_);
  }

 private:
  void read_sources(const yaml::Node& node) { loader::read_sources(ctx_, node, fw_.sources); }

  bool check_name(const yaml::Node& key, std::string_view kind) {
    auto name = ctx_.id(key, kind);
    if (!name) return false;
    if (expr::is_reserved(*name)) {
      ctx_.error(ErrorCode::InvalidValue, key,
                 fmt::format("'{}' is a reserved word of the expression language and cannot name "
                             "{}",
                             *name, kind));
      return false;
    }
    return true;
  }

  void read_inputs(const yaml::Node& node) {
    if (!node.is_mapping()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a mapping of input name: definition for inputs, got {}",
                             yaml::describe(node)));
      return;
    }
    for (const auto& [key, value] : node.entries) {
      if (!check_name(key, "an input")) continue;
      Input in;
      in.name = key.scalar;
      in.where = ctx_.at(key);
      const std::string what = fmt::format("input '{}'", in.name);
      Fields f(ctx_, value, what);
      if (!f.ok()) continue;
      bool good = true;
      if (const auto* n = f.optional("type")) {
        const auto type = ctx_.string(*n, "the type of an input").value_or("");
        static const std::vector<std::string> kTypes = {"number", "integer", "boolean", "choice",
                                                        "level"};
        if (type == "number") {
          in.type = InputType::Number;
        } else if (type == "integer") {
          in.type = InputType::Integer;
        } else if (type == "boolean") {
          in.type = InputType::Boolean;
        } else if (type == "choice") {
          in.type = InputType::Choice;
        } else if (type == "level") {
          in.type = InputType::Level;
        } else {
          ctx_.error(ErrorCode::InvalidValue, *n,
                     fmt::format("unknown input type '{}'; expected one of 'number', 'integer', "
                                 "'boolean', 'choice', 'level'",
                                 type),
                     detail::did_you_mean(type, kTypes));
          good = false;
        }
      }
      if (const auto* n = f.optional("description")) {
        in.description = ctx_.string(*n, "description").value_or("");
      }
      if (const auto* n = f.optional("unit")) in.unit = ctx_.string(*n, "unit").value_or("");
      if (const auto* n = f.optional("source")) {
        if (auto src = ctx_.id(*n, "source")) {
          in.source = *src;
          cited_sources_.emplace_back(*src, n);
        }
      }
      if (const auto* n = f.optional("as_of")) in.as_of = ctx_.date(*n, "as_of").value_or("");
      const yaml::Node* choices = f.optional("choices");
      const yaml::Node* levels = f.optional("levels");
      const bool enumerated = in.type == InputType::Choice || in.type == InputType::Level;
      const char* list_key = in.type == InputType::Level ? "levels" : "choices";
      const yaml::Node* list = in.type == InputType::Level ? levels : choices;
      const yaml::Node* wrong = in.type == InputType::Level ? choices : levels;
      if (good && wrong != nullptr) {
        ctx_.error(ErrorCode::UnknownKey, *f.key_node(in.type == InputType::Level ? "choices" : "levels"),
                   enumerated ? fmt::format("{} is {}; list its values under '{}'", what,
                                            a_type(in.type), list_key)
                              : fmt::format("{} is {}, which has no '{}'", what,
                                            a_type(in.type),
                                            in.type == InputType::Level ? "choices" : "levels"));
        good = false;
      }
      if (good && enumerated) {
        if (list == nullptr) {
          ctx_.error(ErrorCode::MissingKey, value,
                     fmt::format("missing key '{}' in {}", list_key, what));
          good = false;
        } else if (!list->is_sequence() || list->items.empty()) {
          ctx_.error(ErrorCode::WrongType, *list,
                     fmt::format("expected a non-empty list of values for the {} of {}, got {}",
                                 list_key, what,
                                 list->is_sequence() ? std::string("an empty list")
                                                     : yaml::describe(*list)));
          good = false;
        } else {
          for (const auto& item : list->items) {
            auto v = ctx_.string(item, fmt::format("a value of {}", what));
            if (!v) {
              good = false;
            } else if (std::find(in.values.begin(), in.values.end(), *v) != in.values.end()) {
              ctx_.error(ErrorCode::DuplicateId, item,
                         fmt::format("'{}' is listed twice in the {} of {}", *v, list_key, what));
              good = false;
            } else {
              in.values.push_back(*v);
            }
          }
        }
      } else if (good && !enumerated && list != nullptr) {
        ctx_.error(ErrorCode::UnknownKey, *f.key_node(list_key),
                   fmt::format("{} is {}, which has no '{}'", what, a_type(in.type), list_key));
        good = false;
      }
      const bool numeric = in.type == InputType::Number || in.type == InputType::Integer;
      for (const char* bound : {"min", "max"}) {
        const yaml::Node* n = f.optional(bound);
        if (n == nullptr) continue;
        if (!numeric) {
          ctx_.error(ErrorCode::UnknownKey, *f.key_node(bound),
                     fmt::format("{} is {}, which has no '{}'", what, a_type(in.type), bound));
          good = false;
          continue;
        }
        auto v = ctx_.number(*n, fmt::format("the {} of {}", bound, what));
        if (!v) {
          good = false;
        } else if (std::string_view(bound) == "min") {
          in.min = *v;
        } else {
          in.max = *v;
        }
      }
      if (in.min && in.max && *in.min > *in.max) {
        ctx_.error(ErrorCode::InvalidValue, *f.key_node("max"),
                   fmt::format("the max of {} ({}) is below its min ({})", what,
                               detail::quantity(*in.max), detail::quantity(*in.min)));
        good = false;
      }
      const yaml::Node* def = f.required("default");
      f.finish();
      if (def != nullptr && good) {
        if (auto v = read_input_value(ctx_, in, *def, fmt::format("the default of {}", what))) {
          in.default_value = *v;
        } else {
          good = false;
        }
      }
      if (good && def != nullptr) fw_.inputs.push_back(std::move(in));
      else broken_names_.push_back(key.scalar);
    }
  }

  void read_derived(const yaml::Node& node) {
    if (!node.is_mapping()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a mapping of name: formula for derived, got {}",
                             yaml::describe(node)));
      return;
    }
    for (const auto& [key, value] : node.entries) {
      if (!check_name(key, "a derived value")) continue;
      if (fw_.input(key.scalar) != nullptr ||
          std::find(broken_names_.begin(), broken_names_.end(), key.scalar) != broken_names_.end()) {
        ctx_.error(ErrorCode::DuplicateId, key,
                   fmt::format("derived value '{}' has the name of an input", key.scalar));
        continue;
      }
      Derived d;
      d.name = key.scalar;
      d.where = ctx_.at(key);
      const std::string what = fmt::format("derived value '{}'", d.name);
      const yaml::Node* formula = &value;
      if (value.is_mapping()) {
        Fields f(ctx_, value, what);
        formula = f.required("formula");
        if (const auto* n = f.optional("unit")) d.unit = ctx_.string(*n, "unit").value_or("");
        if (const auto* n = f.optional("description")) {
          d.description = ctx_.string(*n, "description").value_or("");
        }
        if (const auto* n = f.optional("source")) {
          if (auto src = ctx_.id(*n, "source")) {
            d.source = *src;
            cited_sources_.emplace_back(*src, n);
          }
        }
        f.finish();
      }
      if (formula != nullptr) {
        if (auto e = read_expression(ctx_, *formula, what)) d.formula = std::move(*e);
      }
      // Kept even when broken, so that names reading it are not reported a second time.
      fw_.derived.push_back(std::move(d));
    }
  }

  void read_rules(const yaml::Node& node) {
    if (!node.is_sequence()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a list of rules, got {}", yaml::describe(node)));
      return;
    }
    std::map<std::string, int> seen;
    for (const auto& item : node.items) {
      const yaml::Node* id_node = item.is_mapping() ? item.find("id") : nullptr;
      const std::string what = id_node && id_node->is_scalar()
                                   ? fmt::format("rule '{}'", id_node->scalar)
                                   : fmt::format("rule #{}", fw_.rules.size() + 1);
      Fields f(ctx_, item, what);
      if (!f.ok()) continue;
      Rule r;
      r.where = ctx_.at(item);
      if (const auto* n = f.required("id")) {
        if (auto id = ctx_.id(*n, "a rule")) {
          r.id = *id;
          if (auto it = seen.find(r.id); it != seen.end()) {
            ctx_.error(ErrorCode::DuplicateId, *n,
                       fmt::format("duplicate rule id '{}' (first defined on line {})", r.id,
                                   it->second));
          }
          seen.emplace(r.id, r.where.line);
        }
      }
      if (const auto* n = f.required("when")) {
        if (auto e = read_expression(ctx_, *n, fmt::format("the condition of {}", what),
                                     "a formula")) {
          r.when = std::move(*e);
        }
      }
      if (const auto* n = f.required("because")) {
        r.because = ctx_.string(*n, "because").value_or("");
      }
      if (const auto* n = f.optional("source")) {
        if (auto src = ctx_.id(*n, "source")) {
          r.source = *src;
          cited_sources_.emplace_back(*src, n);
        }
      }
      // Every effect key is known, so that a misspelt one gets a did-you-mean.
      for (const char* effect : {"veto", "adjust", "weight", "note"}) f.optional(effect);
      // Effects, in the order their keys appear in the rule.
      for (const auto& [key, value] : item.entries) {
        if (key.scalar == "veto") {
          f.optional("veto");
          Effect e;
          e.kind = Effect::Kind::Veto;
          e.where = ctx_.at(key);
          e.options = option_list(value, fmt::format("the veto of {}", what));
          r.effects.push_back(std::move(e));
        } else if (key.scalar == "adjust") {
          f.optional("adjust");
          read_effects(value, what, r.id, true, r.effects);
        } else if (key.scalar == "weight") {
          f.optional("weight");
          read_effects(value, what, r.id, false, r.effects);
        } else if (key.scalar == "note") {
          f.optional("note");
          Effect e;
          e.kind = Effect::Kind::Note;
          e.where = ctx_.at(value);
          if (auto text = ctx_.string(value, "note")) {
            e.text = *text;
            check_placeholders(value, *text, what);
          }
          r.effects.push_back(std::move(e));
        }
      }
      f.finish();
      // Kept even with errors (the file then fails to load), so that its condition and effect
      // values are checked too: every problem is reported at once.
      fw_.rules.push_back(std::move(r));
    }
  }

  /// Notes may quote values: "break-even at {break_even_requests} requests a day". Each
  /// placeholder must name an input or a derived value.
  bool check_placeholders(const yaml::Node& node, const std::string& text, const std::string& what) {
    std::vector<std::string> names;
    for (const auto& in : fw_.inputs) names.push_back(in.name);
    for (const auto& d : fw_.derived) names.push_back(d.name);
    const auto positions = scalar_positions(ctx_.doc(), node);
    bool good = true;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
      const size_t close = text.find('}', open);
      if (close == std::string::npos) break;  // a lone '{' is text
      const std::string name = text.substr(open + 1, close - open - 1);
      // "{}" is text; an input with errors of its own is not reported again.
      if (name.empty() ||
          std::find(broken_names_.begin(), broken_names_.end(), name) != broken_names_.end()) {
        continue;
      }
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        Diagnostic d;
        d.code = ErrorCode::UnknownReference;
        d.where = {ctx_.doc().file, positions[open].first, positions[open].second};
        d.length = positions[close].first == positions[open].first
                       ? positions[close].second - positions[open].second + 1
                       : 1;
        d.message = fmt::format("unknown name '{}' in the note of {}; notes can quote inputs "
                                "and derived values",
                                name, what);
        d.hint = detail::did_you_mean(name, names);
        ctx_.sink().add(std::move(d));
        good = false;
      }
    }
    return good;
  }

  /// Option ids: one id or a list; each must exist.
  std::vector<std::string> option_list(const yaml::Node& node, const std::string& what) {
    std::vector<std::string> out;
    std::vector<std::string> ids;
    for (const auto& o : fw_.options) ids.push_back(o.id);
    auto one = [&](const yaml::Node& n) {
      if (!n.is_scalar()) {
        ctx_.error(ErrorCode::WrongType, n,
                   fmt::format("expected an option id in {}, got {}", what, yaml::describe(n)));
        return false;
      }
      if (fw_.option(n.scalar) == nullptr) {
        ctx_.error(ErrorCode::UnknownReference, n,
                   fmt::format("unknown option '{}' in {}", n.scalar, what),
                   detail::did_you_mean(n.scalar, ids));
        return false;
      }
      out.push_back(n.scalar);
      return true;
    };
    bool good = true;
    if (node.is_sequence()) {
      if (node.items.empty()) {
        ctx_.error(ErrorCode::InvalidValue, node, fmt::format("{} names no option", what));
        good = false;
      }
      for (const auto& item : node.items) good = one(item) && good;
    } else {
      good = one(node);
    }
    if (!good) out.clear();
    return out;
  }

  /// `adjust:` (score effects) or `weight:` (weight effects): a mapping or a list of them.
  bool read_effects(const yaml::Node& node, const std::string& rule, const std::string& rule_id,
                    bool score,
                    std::vector<Effect>& out) {
    const char* key = score ? "adjust" : "weight";
    std::vector<const yaml::Node*> items;
    if (node.is_sequence()) {
      for (const auto& item : node.items) items.push_back(&item);
    } else {
      items.push_back(&node);
    }
    bool good = true;
    for (const yaml::Node* item : items) {
      const std::string what = fmt::format("'{}' of {}", key, rule);
      Fields f(ctx_, *item, what);
      if (!f.ok()) {
        good = false;
        continue;
      }
      Effect e;
      e.where = ctx_.at(*item);
      if (score) {
        if (const auto* n = f.required("option")) {
          e.options = option_list(*n, what);
          if (e.options.empty()) good = false;
        } else {
          good = false;
        }
      }
      if (const auto* n = f.required("criterion")) {
        if (!n->is_scalar() || fw_.criterion(n->scalar) == nullptr) {
          ctx_.error(ErrorCode::UnknownReference, *n,
                     fmt::format("unknown criterion '{}' in {}", n->is_scalar() ? n->scalar : "?",
                                 what),
                     n->is_scalar() ? detail::did_you_mean(n->scalar, criterion_ids_) : "");
          good = false;
        } else {
          e.criterion = n->scalar;
        }
      } else {
        good = false;
      }
      std::vector<std::pair<const char*, Effect::Kind>> kinds =
          score ? std::vector<std::pair<const char*, Effect::Kind>>{{"add", Effect::Kind::ScoreAdd},
                                                                   {"multiply", Effect::Kind::ScoreMultiply},
                                                                   {"set", Effect::Kind::ScoreSet}}
                : std::vector<std::pair<const char*, Effect::Kind>>{{"multiply", Effect::Kind::WeightMultiply},
                                                                   {"set", Effect::Kind::WeightSet}};
      int given = 0;
      for (const auto& [name, kind] : kinds) {
        const yaml::Node* n = f.optional(name);
        if (n == nullptr) continue;
        if (++given > 1) {
          ctx_.error(ErrorCode::InvalidValue, *f.key_node(name),
                     fmt::format("{} has more than one of {}", what,
                                 score ? "'add', 'multiply', 'set'" : "'multiply', 'set'"));
          good = false;
          continue;
        }
        e.kind = kind;
        if (auto v = read_expression(ctx_, *n, describe(e, rule_id))) {
          e.value = std::move(*v);
        } else {
          good = false;
        }
      }
      if (given == 0 && f.ok()) {
        ctx_.error(ErrorCode::MissingKey, *item,
                   fmt::format("{} needs one of {}", what,
                               score ? "'add', 'multiply', 'set'" : "'multiply', 'set'"));
        good = false;
      }
      f.finish();
      out.push_back(std::move(e));
    }
    return good;
  }

  /// Names, types and the order of derived values, once every section has been read.
  void check_formulas() {
    DiagnosticSink& sink = ctx_.sink();
    expr::Symbols symbols = symbols_of(fw_);
    // Inputs with errors of their own: names that read them are not reported again.
    for (auto& b : broken_names_) {
      expr::Symbol s;
      s.name = b;
      s.slot = -1;
      symbols.symbols.push_back(s);
    }
    // Derived values: resolve in dependency order; a cycle is reported with its path.
    const size_t n = fw_.derived.size();
    const size_t first_derived = fw_.inputs.size();
    std::vector<int> state(n, 0);  // 0 new, 1 visiting, 2 done, 3 broken
    std::vector<size_t> order;
    std::vector<size_t> stack;
    std::function<bool(size_t)> visit = [&](size_t d) -> bool {
      if (state[d] == 2) return true;
      if (state[d] == 3) return false;
      if (state[d] == 1) {
        // A cycle: report it once, at the value where it closes.
        std::string path;
        auto start = std::find(stack.begin(), stack.end(), d);
        for (auto it = start; it != stack.end(); ++it) path += fw_.derived[*it].name + " -> ";
        path += fw_.derived[d].name;
        Diagnostic cycle;
        cycle.code = ErrorCode::Cycle;
        cycle.where = fw_.derived[d].where;
        cycle.length = static_cast<int>(fw_.derived[d].name.size());
        cycle.message = fmt::format("derived values form a cycle: {}", path);
        sink.add(std::move(cycle));
        for (auto it = start; it != stack.end(); ++it) state[*it] = 3;
        return false;
      }
      state[d] = 1;
      stack.push_back(d);
      bool ok = static_cast<bool>(fw_.derived[d].formula.tree);
      if (ok) {
        for (const auto& name : expr::names_in(*fw_.derived[d].formula.tree)) {
          for (size_t k = 0; k < n; ++k) {
            if (fw_.derived[k].name == name && !visit(k)) ok = false;
          }
        }
      }
      stack.pop_back();
      if (state[d] == 3) return false;
      if (ok) {
        ok = check_expression(sink, fw_.derived[d].formula, symbols, expr::Type::Unknown,
                              fmt::format("derived value '{}'", fw_.derived[d].name));
      }
      auto& sym = symbols.symbols[first_derived + d];
      if (ok) {
        sym.type = expr::result_type(*fw_.derived[d].formula.tree);
        sym.domain = expr::result_domain(*fw_.derived[d].formula.tree);
        order.push_back(d);
        state[d] = 2;
      } else {
        sym.slot = -1;
        state[d] = 3;
      }
      return ok;
    };
    // visit() checks each derived value after the ones it reads, and marks broken ones unusable.
    for (size_t d = 0; d < n; ++d) {
      symbols.symbols[first_derived + d].slot = static_cast<int32_t>(first_derived + d);
    }
    for (size_t d = 0; d < n; ++d) visit(d);
    fw_.derived_order = order;
    for (auto& option : fw_.options) {
      for (auto& score : option.scores) {
        if (!score.formula) continue;
        check_expression(sink, *score.formula, symbols, expr::Type::Number,
                         fmt::format("the score of '{}' on '{}'", option.id, score.criterion));
      }
    }
    for (auto& rule : fw_.rules) {
      if (rule.when.tree) {
        check_expression(sink, rule.when, symbols, expr::Type::Bool,
                         fmt::format("the condition of rule '{}'", rule.id));
      }
      for (auto& e : rule.effects) {
        if (!e.value || !e.value->tree) continue;
        check_expression(sink, *e.value, symbols, expr::Type::Number,
                         describe(e, rule.id));
      }
    }
  }

  void read_criteria(const yaml::Node& node) {
    if (!node.is_sequence()) {
      ctx_.error(ErrorCode::WrongType, node,
                 fmt::format("expected a list of criteria, got {}", yaml::describe(node)));
      criteria_ok_ = false;
      return;
    }
    if (node.items.empty()) {
      ctx_.error(ErrorCode::InvalidValue, node, "the framework has no criteria");
      criteria_ok_ = false;
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
        const yaml::Node* at = item.find("id") ? item.find("id") : item.find("use");
        ctx_.error(ErrorCode::DuplicateId, at ? *at : item,
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
        ctx_.error(ErrorCode::DuplicateId, *item.find("id"),
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
            // Without a usable criteria list every score would be reported: the list's own
            // error says it all.
            if (!criteria_ok_ || std::find(broken_ids_.begin(), broken_ids_.end(), key.scalar) !=
                                     broken_ids_.end()) {
              continue;
            }
            ctx_.error(ErrorCode::UnknownReference, key,
                       fmt::format("unknown criterion '{}' in the scores of {}", key.scalar, what),
                       detail::did_you_mean(key.scalar, criterion_ids_));
            continue;
          }
          if (auto s = read_score(ctx_, key, value, a.id)) {
            if (!s->source.empty()) {
              const yaml::Node* src = value.is_mapping() ? value.find("source") : nullptr;
              cited_sources_.emplace_back(s->source, src ? src : &value);
            }
            a.scores.push_back(std::move(*s));
          }
        }
        std::vector<std::string> missing;
        for (const auto& c : fw_.criteria) {
          if (a.score(c.id) == nullptr && !n->find(c.id)) missing.push_back(c.id);
        }
        if (!missing.empty() && criteria_ok_) {
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
    if (fw_.criteria.empty() || weighting_failed_) return;
    // Direct weighting needs every weight it uses: a forgotten one must not silently become
    // zero. Weights another method makes unused are worth a warning.
    const auto needed = criteria_needing_weights(fw_.weighting, criterion_ids_);
    bool any_missing = false;
    double total = 0;
    std::vector<const Criterion*> unused;
    for (const auto& c : fw_.criteria) {
      const bool wanted = std::find(needed.begin(), needed.end(), c.id) != needed.end();
      if (wanted && !c.weight) {
        any_missing = true;
        if (c.weight_where.line > 0) continue;  // given, but invalid: reported already
        ctx_.sink().error(ErrorCode::MissingKey, c.where,
                          fmt::format("missing key 'weight' in criterion '{}'", c.id));
      } else if (!wanted && c.weight) {
        unused.push_back(&c);
      }
      if (wanted) total += c.weight.value_or(0);
    }
    if (!unused.empty()) {
      // One warning for all of them, at the first.
      std::vector<std::string> ids;
      for (const auto* c : unused) ids.push_back(c->id);
      ctx_.sink().warning(
          ErrorCode::Conflict, unused.front()->weight_where,
          fmt::format("the weight{} of {} {} {} not used: the framework weighs by '{}'",
                      ids.size() == 1 ? "" : "s", ids.size() == 1 ? "criterion" : "criteria",
                      ids_in(ids), ids.size() == 1 ? "is" : "are", to_string(fw_.weighting->method)));
    }
    if (!needed.empty() && !any_missing && total <= 0) {
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
  std::vector<std::string> broken_names_;  ///< inputs with errors of their own
  bool criteria_ok_ = true;
  bool weighting_failed_ = false;
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
  // A plain number is a judged score; any other scalar is a formula.
  if (number->is_scalar() && number->style == yaml::Style::Plain) {
    if (auto v = parse_number(number->scalar)) {
      s.value = *v;
      return s;
    }
  }
  if (!number->is_scalar()) {
    ctx.error(ErrorCode::WrongType, *number,
              fmt::format("expected a number or a formula for {}, got {}", what,
                          yaml::describe(*number)));
    return std::nullopt;
  }
  auto e = read_expression(ctx, *number, what);
  if (!e) return std::nullopt;
  s.formula = std::move(*e);
  return s;
}

void check_scale(DiagnosticSink& sink, const Criterion& c, const Score& s,
                 const std::string& option) {
  if (!c.scale || s.formula) return;  // formulas are checked when evaluated
  if (s.value < c.scale->first || s.value > c.scale->second) {
    sink.error(ErrorCode::OutOfRange, s.where,
               fmt::format("score {} of '{}' on '{}' is outside the criterion's scale [{}, {}]",
                           detail::quantity(s.value), option, c.id,
                           detail::quantity(c.scale->first), detail::quantity(c.scale->second)));
  }
}

MethodSpec read_method(Context& ctx, const yaml::Node& node, const std::vector<std::string>& criteria) {
  MethodSpec m;
  m.where = ctx.at(node);
  Fields f(ctx, node, "method");
  if (const auto* n = f.optional("name")) {
    if (auto name = ctx.string(*n, "the method name")) {
      if (const auto method = parse_method(*name)) {
        m.name = method;
      } else {
        ctx.error(ErrorCode::InvalidValue, *n,
                  fmt::format("unknown method '{}'; expected one of {}", *name,
                              ids_in(method_names())),
                  detail::did_you_mean(*name, method_names()));
      }
    }
  }
  if (const auto* n = f.optional("normalization")) {
    m.normalization_where = ctx.at(*n);
    if (auto name = ctx.string(*n, "the normalization")) {
      if (const auto normalization = parse_normalization(*name)) {
        m.normalization = normalization;
      } else {
        ctx.error(ErrorCode::InvalidValue, *n,
                  fmt::format("unknown normalization '{}'; expected one of {}", *name,
                              ids_in(normalization_names())),
                  detail::did_you_mean(*name, normalization_names()));
      }
    }
  }
  if (const auto* n = f.optional("v")) {
    auto v = ctx.number(*n, "VIKOR's v");
    if (v && (*v < 0 || *v > 1)) {
      ctx.error(ErrorCode::OutOfRange, *n, fmt::format("VIKOR's v must lie in [0, 1], got {}", n->scalar));
    } else if (v) {
      m.v = *v;
    }
  }
  if (const auto* n = f.optional("lambda")) {
    auto v = ctx.number(*n, "WASPAS's lambda");
    if (v && (*v < 0 || *v > 1)) {
      ctx.error(ErrorCode::OutOfRange, *n,
                fmt::format("WASPAS's lambda must lie in [0, 1], got {}", n->scalar));
    } else if (v) {
      m.lambda = *v;
    }
  }
  if (const auto* n = f.optional("preference")) read_preferences(ctx, *n, criteria, m.preference);
  if (const auto* n = f.optional("compare")) {
    if (!n->is_sequence() || n->items.empty()) {
      ctx.error(ErrorCode::WrongType, *n,
                fmt::format("expected a list of methods to compare, got {}", yaml::describe(*n)));
    } else {
      for (const auto& item : n->items) {
        auto name = ctx.string(item, "a method to compare");
        if (name && parse_method(*name)) {
          m.compare.push_back(*parse_method(*name));
        } else if (name) {
          ctx.error(ErrorCode::InvalidValue, item,
                    fmt::format("unknown method '{}'; expected one of {}", *name,
                                ids_in(method_names())),
                    detail::did_you_mean(*name, method_names()));
        }
      }
    }
  }
  f.finish();
  // Parameters of another method than the one named are ignored: say so.
  if (m.name) {
    const std::pair<const char*, Method> owners[] = {
        {"v", Method::Vikor}, {"lambda", Method::Waspas}, {"preference", Method::Promethee2}};
    for (const auto& [param, owner] : owners) {
      if (*m.name != owner && f.key_node(param) != nullptr) {
        ctx.warning(ErrorCode::Conflict, *f.key_node(param),
                    fmt::format("'{}' is a parameter of {}, and method '{}' ignores it", param,
                                to_string(owner), to_string(*m.name)));
      }
    }
  }
  return m;
}

void read_preferences(Context& ctx, const yaml::Node& node, const std::vector<std::string>& criteria,
                      std::vector<PreferenceFunction>& out) {
  if (!node.is_mapping()) {
    ctx.error(ErrorCode::WrongType, node,
              fmt::format("expected a mapping of criterion (or 'default'): preference function, "
                          "got {}",
                          yaml::describe(node)));
    return;
  }
  const std::vector<std::string>& kFunctions = choice_names<PreferenceShape>();
  std::vector<std::string> keys = criteria;
  keys.insert(keys.begin(), "default");
  for (const auto& [key, value] : node.entries) {
    if (key.scalar != "default" &&
        std::find(criteria.begin(), criteria.end(), key.scalar) == criteria.end()) {
      ctx.error(ErrorCode::UnknownReference, key,
                fmt::format("unknown criterion '{}' in the preference functions", key.scalar),
                detail::did_you_mean(key.scalar, keys));
      continue;
    }
    PreferenceFunction pf;
    pf.criterion = key.scalar == "default" ? "" : key.scalar;
    pf.where = ctx.at(value);
    const std::string what = fmt::format("the preference function of '{}'", key.scalar);
    Fields f(ctx, value, what);
    if (!f.ok()) continue;
    bool good = true;
    if (const auto* n = f.optional("function")) {
      auto name = ctx.string(*n, "the preference function");
      if (name && parse_choice<PreferenceShape>(*name)) {
        pf.function = *parse_choice<PreferenceShape>(*name);
      } else if (name) {
        ctx.error(ErrorCode::InvalidValue, *n,
                  fmt::format("unknown preference function '{}'; expected one of {}", *name,
                              ids_in(kFunctions)),
                  detail::did_you_mean(*name, kFunctions));
        good = false;
      }
    }
    if (!good) {
      // An unknown function: its thresholds cannot be checked; report nothing more.
      for (const char* param : {"q", "p", "s"}) f.optional(param);
      f.finish();
      continue;
    }
    // Each function takes exactly the thresholds it uses.
    using Shape = PreferenceShape;
    const std::string_view fn = to_string(pf.function);
    const bool wants_q = pf.function == Shape::UShape || pf.function == Shape::Level ||
                         pf.function == Shape::Linear;
    const bool wants_p = pf.function == Shape::VShape || pf.function == Shape::Level ||
                         pf.function == Shape::Linear;
    const bool wants_s = pf.function == Shape::Gaussian;
    for (const char* param : {"q", "p", "s"}) {
      const yaml::Node* n = f.optional(param);
      const bool wanted = param[0] == 'q' ? wants_q : param[0] == 'p' ? wants_p : wants_s;
      if (n == nullptr) {
        if (wanted && good) {
          ctx.error(ErrorCode::MissingKey, value,
                    fmt::format("missing key '{}' in {}: the {} function needs it", param, what, fn));
          good = false;
        }
        continue;
      }
      if (!wanted) {
        const std::string takes = wants_q && wants_p ? "q and p"
                                  : wants_p          ? "p"
                                  : wants_q          ? "q"
                                  : wants_s          ? "s"
                                                     : "no threshold";
        ctx.error(ErrorCode::UnknownKey, *f.key_node(param),
                  fmt::format("the {} function of '{}' takes {}, not '{}'", fn, key.scalar,
                              takes, param));
        good = false;
        continue;
      }
      auto v = ctx.number(*n, fmt::format("'{}' of {}", param, what));
      if (!v) {
        good = false;
      } else if (*v < 0) {
        ctx.error(ErrorCode::OutOfRange, *n,
                  fmt::format("'{}' of {} must be non-negative, got {}", param, what, n->scalar));
        good = false;
      } else {
        (param[0] == 'q' ? pf.q : param[0] == 'p' ? pf.p : pf.s) = *v;
      }
    }
    if (good && wants_p && !(pf.p > pf.q)) {
      ctx.error(ErrorCode::InvalidValue, *f.key_node("p"),
                fmt::format("{} needs p (preference) above q (indifference), got q = {} and p = {}",
                            what, detail::quantity(pf.q), detail::quantity(pf.p)));
      good = false;
    }
    if (good && wants_s && !(pf.s > 0)) {
      ctx.error(ErrorCode::InvalidValue, *f.key_node("s"),
                fmt::format("{} needs s above 0", what));
      good = false;
    }
    f.finish();
    if (good) out.push_back(std::move(pf));
  }
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
  const expr::Symbols symbols = symbols_of(fw);
  std::vector<std::string> criterion_ids;
  for (const auto& c : fw.criteria) criterion_ids.push_back(c.id);
  std::vector<std::string> option_ids;
  for (const auto& o : fw.options) option_ids.push_back(o.id);

  if (const auto* n = f.optional("sources")) read_sources(ctx, *n, a.sources);
  // Sources an assessment may cite: its own and its framework's.
  std::vector<std::string> source_ids;
  for (const auto& src : fw.sources) source_ids.push_back(src.id);
  for (const auto& src : a.sources) {
    if (std::find(source_ids.begin(), source_ids.end(), src.id) != source_ids.end()) {
      ctx.sink().error(ErrorCode::DuplicateId, src.where,
                       fmt::format("source '{}' is already declared by framework '{}'", src.id,
                                   fw.id));
    }
    source_ids.push_back(src.id);
  }
  auto check_source = [&](const yaml::Node& node, const std::string& id) {
    if (std::find(source_ids.begin(), source_ids.end(), id) == source_ids.end()) {
      ctx.error(ErrorCode::UnknownReference, node,
                fmt::format("unknown source '{}'; sources are declared under 'sources:' here or "
                            "in the framework",
                            id),
                detail::did_you_mean(id, source_ids));
    }
  };
  if (const auto* n = f.optional("inputs")) {
    std::vector<std::string> input_names;
    for (const auto& in : fw.inputs) input_names.push_back(in.name);
    if (!n->is_mapping()) {
      ctx.error(ErrorCode::WrongType, *n,
                fmt::format("expected a mapping of input: value for inputs, got {}",
                            yaml::describe(*n)));
    } else {
      for (const auto& [key, value] : n->entries) {
        const Input* input = fw.input(key.scalar);
        if (input == nullptr) {
          ctx.error(ErrorCode::UnknownReference, key,
                    fmt::format("unknown input '{}'; framework '{}' has no such input", key.scalar,
                                fw.id),
                    detail::did_you_mean(key.scalar, input_names));
          continue;
        }
        // An answer is a value, or {value, because, source, as_of}.
        InputValue answer;
        answer.name = key.scalar;
        const yaml::Node* v = &value;
        if (value.is_mapping()) {
          Fields af(ctx, value, fmt::format("the answer to input '{}'", key.scalar));
          v = af.required("value");
          if (const auto* b = af.optional("because")) {
            answer.because = ctx.string(*b, "because").value_or("");
          }
          if (const auto* src = af.optional("source")) {
            if (auto id = ctx.id(*src, "source")) {
              answer.source = *id;
              check_source(*src, *id);
            }
          }
          if (const auto* d = af.optional("as_of")) answer.as_of = ctx.date(*d, "as_of").value_or("");
          af.finish();
          if (v == nullptr) continue;
        }
        answer.where = ctx.at(*v);
        if (auto parsed = read_input_value(ctx, *input, *v, fmt::format("input '{}'", key.scalar))) {
          answer.value = *parsed;
          a.inputs.push_back(std::move(answer));
        }
      }
    }
  }
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
            if (!s->source.empty()) {
              const yaml::Node* at = cvalue.is_mapping() ? cvalue.find("source") : nullptr;
              check_source(at ? *at : cvalue, s->source);
            }
            check_scale(ctx.sink(), *criterion, *s, okey.scalar);
            if (s->formula) {
              check_expression(ctx.sink(), *s->formula, symbols, expr::Type::Number,
                               fmt::format("the score of '{}' on '{}'", okey.scalar, ckey.scalar));
            }
            a.scores.push_back({okey.scalar, std::move(*s)});
          }
        }
      }
    }
  }
  if (const auto* n = f.optional("method")) a.method = read_method(ctx, *n, criterion_ids);
  if (const auto* n = f.optional("weighting")) {
    a.weighting = read_weighting(ctx, *n, criterion_ids);
    if (const yaml::Node* w = f.key_node("weights"); w != nullptr && a.weighting &&
                                                      a.weighting->method != WeightingMethod::Direct) {
      ctx.error(ErrorCode::Conflict, *w,
                fmt::format("'weights:' override criterion weights, but this assessment weighs by "
                            "'{}'",
                            to_string(a.weighting->method)));
    }
  } else if (const yaml::Node* w = f.key_node("weights");
             w != nullptr && fw.weighting && fw.weighting->method != WeightingMethod::Direct) {
    ctx.error(ErrorCode::Conflict, *w,
              fmt::format("'weights:' override criterion weights, but framework '{}' weighs by "
                          "'{}'; give this assessment its own 'weighting:' instead",
                          fw.id, to_string(fw.weighting->method)));
  }
  f.finish();

  // The criterion weights the weighting will use must exist and not all be zero.
  const auto& spec = a.weighting ? a.weighting : fw.weighting;
  const auto needed = criteria_needing_weights(spec, criterion_ids);
  double total = 0;
  for (const auto& c : fw.criteria) {
    if (std::find(needed.begin(), needed.end(), c.id) == needed.end()) continue;
    std::optional<double> w = c.weight;
    for (const auto& o : a.weights) {
      if (o.criterion == c.id) w = o.weight;
    }
    if (!w) {
      ctx.error(ErrorCode::MissingKey, a.weighting ? root : *f.key_node("framework"),
                fmt::format("criterion '{}' has no weight for direct weighting; give it one "
                            "under 'weights:'",
                            c.id));
      continue;
    }
    total += *w;
  }
  if (total <= 0 && !needed.empty()) {
    const yaml::Node* wkey = f.key_node("weights");
    ctx.sink().error(ErrorCode::InvalidWeights, wkey ? ctx.at(*wkey) : a.where,
                     "with these weights every criterion weight is zero; at least one must be "
                     "positive");
  }
}

}  // namespace tradeoff::loader
