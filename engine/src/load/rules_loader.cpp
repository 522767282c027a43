// Rules: a condition and its effects (vetoes, score and weight adjustments, notes that may quote
// inputs and derived values), in the order written. Rules with errors are kept, so that every
// problem in them is reported at once; the file then fails to load.
#include <fmt/format.h>

#include "load/expression_loader.hpp"
#include "load/readers.hpp"

namespace tradeoff::loader {

namespace {

using EffectKinds = std::vector<std::pair<const char*, Effect::Kind>>;

/// Option ids: one id or a list; each must exist.
std::vector<std::string> option_list(Context& ctx, const yaml::Node& node, const std::string& what,
                                     const Framework& fw) {
  std::vector<std::string> out;
  auto one = [&](const yaml::Node& n) {
    if (!n.is_scalar()) {
      ctx.report(n, wrong_type(fmt::format("an option id in {}", what), n));
      return false;
    }
    if (fw.option(n.scalar) == nullptr) {
      // The ids only for the message: a table may give a framework 100,000 options.
      std::vector<std::string> ids;
      for (const auto& o : fw.options) ids.push_back(o.id);
      ctx.report(n, unknown_reference("option", n.scalar, " in " + what, ids));
      return false;
    }
    out.push_back(n.scalar);
    return true;
  };
  bool good = true;
  if (node.is_sequence()) {
    if (node.items.empty()) {
      ctx.error(ErrorCode::InvalidValue, node, fmt::format("{} names no option", what));
      good = false;
    }
    for (const auto& item : node.items) good = one(item) && good;
  } else {
    good = one(node);
  }
  if (!good) out.clear();
  return out;
}

/// Notes may quote values: "break-even at {break_even_requests} requests a day". Each
/// placeholder must name an input or a derived value.
void check_placeholders(Context& ctx, const yaml::Node& node, const std::string& text,
                        const std::string& what, const FrameworkDraft& draft) {
  std::vector<std::string> names;
  for (const auto& in : draft.fw.inputs) names.push_back(in.name);
  for (const auto& d : draft.fw.derived) names.push_back(d.name);
  const auto positions = scalar_positions(ctx.doc(), node);
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;  // a lone '{' is text
    const std::string name = text.substr(open + 1, close - open - 1);
    // "{}" is text; an input with errors of its own is not reported again.
    if (name.empty() || contains(draft.broken_names, name) || contains(names, name)) continue;
    Message m = unknown_reference("name", name,
                                  fmt::format(" in the note of {}; notes can quote inputs and "
                                              "derived values",
                                              what),
                                  names);
    Diagnostic d =
        make_diagnostic(m.code, {ctx.at(node).file, positions[open].first, positions[open].second},
                        std::move(m.text), std::move(m.hint));
    d.length = positions[close].first == positions[open].first
                   ? positions[close].second - positions[open].second + 1
                   : 1;
    ctx.sink().add(std::move(d));
  }
}

/// The criterion an effect applies to.
bool read_effect_criterion(Context& ctx, Fields& f, const std::string& what,
                           const FrameworkDraft& draft, Effect& e) {
  const yaml::Node* n = f.required("criterion");
  if (n == nullptr) return false;
  if (!n->is_scalar() || draft.fw.criterion(n->scalar) == nullptr) {
    Message m = unknown_reference("criterion", n->is_scalar() ? n->scalar : "?", " in " + what,
                                  draft.criterion_ids);
    if (!n->is_scalar()) m.hint.clear();
    ctx.report(*n, std::move(m));
    return false;
  }
  e.criterion = n->scalar;
  return true;
}

/// Exactly one of the effect's operations (`add`, `multiply`, `set`) and its value.
bool read_effect_value(Context& ctx, Fields& f, const std::string& what, const std::string& rule_id,
                       const EffectKinds& kinds, Effect& e) {
  const char* names = kinds.size() == 3 ? "'add', 'multiply', 'set'" : "'multiply', 'set'";
  bool good = true;
  int given = 0;
  for (const auto& [name, kind] : kinds) {
    const yaml::Node* n = f.optional(name);
    if (n == nullptr) continue;
    if (++given > 1) {
      ctx.error(ErrorCode::InvalidValue, *f.key_node(name),
                fmt::format("{} has more than one of {}", what, names));
      good = false;
      continue;
    }
    e.kind = kind;
    if (auto v = read_expression(ctx, *n, describe(e, rule_id))) {
      e.value = std::move(*v);
    } else {
      good = false;
    }
  }
  if (given == 0 && f.ok()) {
    ctx.error(ErrorCode::MissingKey, f.node(), fmt::format("{} needs one of {}", what, names));
    good = false;
  }
  return good;
}

/// `adjust:` (score effects) or `weight:` (weight effects): a mapping or a list of them.
void read_effects(Context& ctx, const yaml::Node& node, const std::string& rule,
                  const std::string& rule_id, bool score, const FrameworkDraft& draft,
                  std::vector<Effect>& out) {
  static const EffectKinds kScoreKinds = {{"add", Effect::Kind::ScoreAdd},
                                          {"multiply", Effect::Kind::ScoreMultiply},
                                          {"set", Effect::Kind::ScoreSet}};
  static const EffectKinds kWeightKinds = {{"multiply", Effect::Kind::WeightMultiply},
                                           {"set", Effect::Kind::WeightSet}};
  std::vector<const yaml::Node*> items;
  if (node.is_sequence()) {
    for (const auto& item : node.items) items.push_back(&item);
  } else {
    items.push_back(&node);
  }
  const std::string what = fmt::format("'{}' of {}", score ? "adjust" : "weight", rule);
  for (const yaml::Node* item : items) {
    Fields f(ctx, *item, what);
    if (!f.ok()) continue;
    Effect e;
    e.where = ctx.at(*item);
    if (score) {
      if (const auto* n = f.required("option")) e.options = option_list(ctx, *n, what, draft.fw);
    }
    read_effect_criterion(ctx, f, what, draft, e);
    read_effect_value(ctx, f, what, rule_id, score ? kScoreKinds : kWeightKinds, e);
    f.finish();
    out.push_back(std::move(e));
  }
}

/// The effects of a rule, in the order their keys appear in it.
void read_rule_effects(Context& ctx, Fields& f, const std::string& what, FrameworkDraft& draft,
                       Rule& r) {
  // Every effect key is known, so that a misspelt one gets a did-you-mean.
  for (const char* effect : {"veto", "adjust", "weight", "note"}) f.optional(effect);
  for (const auto& [key, value] : f.node().entries) {
    if (key.scalar == "veto") {
      Effect e;
      e.kind = Effect::Kind::Veto;
      e.where = ctx.at(key);
      e.options = option_list(ctx, value, fmt::format("the veto of {}", what), draft.fw);
      r.effects.push_back(std::move(e));
    } else if (key.scalar == "adjust" || key.scalar == "weight") {
      read_effects(ctx, value, what, r.id, key.scalar == "adjust", draft, r.effects);
    } else if (key.scalar == "note") {
      Effect e;
      e.kind = Effect::Kind::Note;
      e.where = ctx.at(value);
      if (auto text = ctx.string(value, "note")) {
        e.text = *text;
        check_placeholders(ctx, value, *text, what, draft);
      }
      r.effects.push_back(std::move(e));
    }
  }
}

void read_rule(Context& ctx, const yaml::Node& item, UniqueIds& seen, FrameworkDraft& draft) {
  const std::string what = item_name(item, "rule", draft.fw.rules.size() + 1);
  Fields f(ctx, item, what);
  if (!f.ok()) return;
  Rule r;
  r.where = ctx.at(item);
  if (const auto* n = f.required("id")) {
    if (auto id = ctx.id(*n, "a rule")) {
      r.id = *id;
      seen.insert(ctx, *n, r.id, r.where.line);
    }
  }
  if (const auto* n = f.required("when")) {
    auto e = read_expression(ctx, *n, fmt::format("the condition of {}", what), "a formula");
    if (e) r.when = std::move(*e);
  }
  if (const auto* n = f.required("because")) {
    r.because = ctx.string(*n, "because").value_or("");
    r.because_where = ctx.at(*n);
  }
  if (const auto* n = f.optional("source")) {
    if (auto src = ctx.id(*n, "source")) {
      r.source = *src;
      draft.cite(*src, *n);
    }
  }
  read_rule_effects(ctx, f, what, draft, r);
  f.finish();
  // Kept even with errors (the file then fails to load), so that its condition and effect
  // values are checked too: every problem is reported at once.
  draft.fw.rules.push_back(std::move(r));
}

}  // namespace

void read_rules(Context& ctx, const yaml::Node& node, FrameworkDraft& draft) {
  if (!node.is_sequence()) {
    ctx.report(node, wrong_type("a list of rules", node));
    return;
  }
  UniqueIds seen("rule");
  for (const auto& item : node.items) read_rule(ctx, item, seen, draft);
}

}  // namespace tradeoff::loader
