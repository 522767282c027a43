// Reads a framework: its header and sources here, every other section through its reader
// (readers.hpp), in file order; then the checks across sections: weights, formulas, sources.
#include "load/framework_loader.hpp"

#include <fmt/format.h>

#include "load/expression_loader.hpp"
#include "load/readers.hpp"
#include "load/score_table.hpp"
#include "load/uncertainty_loader.hpp"

namespace tradeoff::loader {

namespace {

/// Groups that weigh their criteria by the criteria's own weights need one of them positive;
/// reports each group whose criteria all weigh zero, and says whether there was one.
bool zero_groups(Context& ctx, const Framework& fw) {
  if (!fw.weighting || fw.weighting->method != WeightingMethod::Groups) return false;
  bool any = false;
  for (const auto& g : fw.weighting->groups) {
    if (!uses_criterion_weights(g.local.get())) continue;
    double total = 0;
    for (const auto& id : g.criteria) total += fw.criterion(id)->weight.value_or(0);
    if (total > 0) continue;
    ctx.sink().error(ErrorCode::InvalidWeights, g.where,
                     fmt::format("the criteria of group '{}' all weigh zero; at least one must "
                                 "be positive",
                                 g.id));
    any = true;
  }
  return any;
}

/// Every weight the weighting uses is given and not all are zero; weights it ignores get a
/// warning; judged scores lie inside their criterion's scale.
void check_weights(Context& ctx, const FrameworkDraft& draft) {
  const Framework& fw = draft.fw;
  if (fw.criteria.empty() || draft.weighting_failed) return;
  // Direct weighting needs every weight it uses: a forgotten one must not silently become
  // zero. Weights another method makes unused are worth a warning.
  const auto needed = criteria_needing_weights(fw.weighting, draft.criterion_ids);
  bool any_missing = false;
  double total = 0;
  std::vector<std::string> unused;
  const Criterion* first_unused = nullptr;
  for (const auto& c : fw.criteria) {
    const bool wanted = contains(needed, c.id);
    if (wanted && !c.weight) {
      any_missing = true;
      if (c.weight_where.line > 0) continue;  // given, but invalid: reported already
      ctx.report(c.where, missing_key("weight", fmt::format("criterion '{}'", c.id)));
    } else if (!wanted && c.weight) {
      if (first_unused == nullptr) first_unused = &c;
      unused.push_back(c.id);
    }
    if (wanted) total += c.weight.value_or(0);
  }
  if (first_unused != nullptr) {
    // One warning for all of them, at the first.
    const bool one = unused.size() == 1;
    ctx.sink().warning(
        ErrorCode::Conflict, first_unused->weight_where,
        fmt::format("the weight{} of {} {} {} not used: the framework weighs by '{}'",
                    one ? "" : "s", one ? "criterion" : "criteria", quoted_list(unused),
                    one ? "is" : "are", to_string(fw.weighting->method)));
  }
  if (!any_missing && zero_groups(ctx, fw)) return;
  if (!needed.empty() && !any_missing && total <= 0) {
    ctx.sink().error(ErrorCode::InvalidWeights, fw.criteria_where,
                     "all criterion weights are zero; at least one must be positive");
  }
  // Scores outside a declared scale are errors: the scale is what normalises them.
  for (const auto& a : fw.options) {
    for (const auto& s : a.scores) check_scale(ctx.sink(), *fw.criterion(s.criterion), s, a.id);
  }
}

/// Names, types and the order of derived values, once every section has been read; then the
/// formulas of scores and rules.
void check_formulas(Context& ctx, FrameworkDraft& draft) {
  DiagnosticSink& sink = ctx.sink();
  expr::Symbols symbols = expr::symbols_of(draft.fw);
  // Inputs with errors of their own: names that read them are not reported again.
  for (const auto& name : draft.broken_names) {
    expr::Symbol s;
    s.name = name;
    s.slot = -1;
    symbols.symbols.push_back(s);
  }
  order_derived(sink, draft, symbols);
  for (auto& option : draft.fw.options) {
    for (auto& score : option.scores) {
      if (!score.formula) continue;
      check_expression(sink, *score.formula, symbols, expr::Type::Number,
                       fmt::format("the score of '{}' on '{}'", option.id, score.criterion));
    }
  }
  for (auto& c : draft.fw.criteria) {
    if (!c.limit) continue;
    for (auto* bound : {&c.limit->min, &c.limit->max}) {
      if (!*bound || !(*bound)->tree) continue;
      check_expression(sink, **bound, symbols, expr::Type::Number,
                       fmt::format("the {} limit of criterion '{}'",
                                   bound == &c.limit->min ? "lower" : "upper", c.id));
    }
  }
  for (auto& rule : draft.fw.rules) {
    if (rule.when.tree) {
      check_expression(sink, rule.when, symbols, expr::Type::Bool,
                       fmt::format("the condition of rule '{}'", rule.id));
    }
    for (auto& e : rule.effects) {
      if (!e.value || !e.value->tree) continue;
      check_expression(sink, *e.value, symbols, expr::Type::Number, describe(e, rule.id));
    }
  }
}

/// Every source cited is declared under `sources:`.
void check_sources(Context& ctx, const FrameworkDraft& draft) {
  std::vector<std::string> ids;
  for (const auto& s : draft.fw.sources) ids.push_back(s.id);
  for (const auto& [id, node] : draft.cited_sources) {
    if (contains(ids, id)) continue;
    ctx.report(*node,
               unknown_reference("source", id, "; sources are declared under 'sources:'", ids));
  }
}

/// The sections, in file order; `criteria:` and `options:` are required.
void read_sections(Context& ctx, Fields& f, const CriterionResolver& resolve,
                   const TableAttacher& attach_table, FrameworkDraft& draft) {
  Framework& fw = draft.fw;
  if (const auto* n = f.optional("sources")) read_sources(ctx, *n, fw.sources);
  if (const auto* n = f.optional("inputs")) read_inputs(ctx, *n, draft);
  if (const auto* n = f.optional("derived")) read_derived(ctx, *n, draft);
  if (const auto* criteria = f.required("criteria")) {
    fw.criteria_where = ctx.at(*f.key_node("criteria"));
    read_criteria(ctx, *criteria, resolve, draft);
  } else {
    draft.criteria_ok = false;
  }
  // With a table of scores, its rows are options too: `options:` may then be left out.
  const bool table = f.key_node("scores_from") != nullptr;
  if (const auto* n = table ? f.optional("options") : f.required("options")) {
    read_options(ctx, *n, draft);
  }
  if (fw.table && attach_table && draft.criteria_ok && !ctx.sink().has_errors()) {
    attach_table(fw);
  }
  if (const auto* n = f.optional("rules")) read_rules(ctx, *n, draft);
  if (const auto* n = f.optional("method")) fw.method = read_method(ctx, *n, draft.criterion_ids);
  if (const auto* n = f.optional("weighting")) {
    if (draft.criteria_ok) fw.weighting = read_weighting(ctx, *n, draft.criterion_ids);
    draft.weighting_failed = !fw.weighting;
  }
  if (const auto* n = f.optional("uncertainty"); n != nullptr && draft.criteria_ok) {
    fw.uncertainty = read_uncertainty(ctx, *n, draft.criterion_ids, draft.broken_ids);
  }
}

/// Frees what the lists grew beyond their size while they were read: the framework is held for
/// the whole evaluation, and an option's scores are most of a large one.
void release_spare_capacity(Framework& fw) {
  fw.options.shrink_to_fit();
  for (auto& option : fw.options) option.scores.shrink_to_fit();
}

}  // namespace

void read_sources(Context& ctx, const yaml::Node& node, std::vector<Source>& out) {
  if (!node.is_mapping()) {
    ctx.report(node, wrong_type("a mapping of source id: details", "sources", node));
    return;
  }
  for (const auto& [key, value] : node.entries) {
    Source s;
    s.where = ctx.at(key);
    s.id = ctx.id(key, "a source").value_or("");
    Fields f(ctx, value, fmt::format("source '{}'", key.scalar));
    if (const auto* n = f.required("title")) s.title = ctx.string(*n, "title").value_or("");
    if (const auto* n = f.optional("url")) s.url = ctx.string(*n, "url").value_or("");
    if (const auto* n = f.optional("date")) {
      s.date = ctx.date(*n, "date").value_or("");
      s.date_where = ctx.at(*n);
    }
    if (const auto* n = f.optional("note")) s.note = ctx.string(*n, "note").value_or("");
    f.finish();
    out.push_back(std::move(s));
  }
}

Framework read_framework(Context& ctx, const CriterionResolver& resolve,
                         const TableAttacher& attach_table) {
  FrameworkDraft draft;
  Framework& fw = draft.fw;
  const yaml::Node& root = ctx.doc().root;
  fw.file = ctx.doc().file;
  fw.where = ctx.at(root);
  Fields f(ctx, root, "framework");
  if (!f.ok()) return std::move(fw);
  if (const auto* n = f.required("framework")) fw.id = ctx.id(*n, "the framework").value_or("");
  if (const auto* n = f.optional("title")) fw.title = ctx.string(*n, "title").value_or("");
  if (const auto* n = f.optional("version")) fw.version = ctx.string(*n, "version").value_or("");
  if (const auto* n = f.optional("description")) {
    fw.description = ctx.string(*n, "description").value_or("");
  }
  if (const auto* n = f.optional("scores_from")) fw.table = table_reference(ctx, *n);
  read_sections(ctx, f, resolve, attach_table, draft);
  f.finish();
  if (fw.title.empty()) fw.title = fw.id;
  check_weights(ctx, draft);
  check_formulas(ctx, draft);
  check_sources(ctx, draft);
  release_spare_capacity(fw);
  return std::move(fw);
}

}  // namespace tradeoff::loader
