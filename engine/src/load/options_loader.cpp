// Options and their scores: one score per criterion, a number (judged), a formula (computed), a
// range or a triangle (judged, uncertain) or {value, because, source}; judged scores stay
// inside their criterion's declared scale.
#include <fmt/format.h>

#include "load/expression_loader.hpp"
#include "load/readers.hpp"
#include "load/uncertainty_loader.hpp"
#include "support/text.hpp"

namespace tradeoff::loader {

namespace {

/// The scores of option `a` (`what` names it), keyed by criterion id; every criterion needs one.
void read_scores(Context& ctx, const yaml::Node& node, const std::string& what,
                 const yaml::Node& key, FrameworkDraft& draft, Alternative& a) {
  if (!node.is_mapping()) {
    ctx.report(node, wrong_type("a mapping of criterion: score",
                                fmt::format("the scores of {}", what), node));
    return;
  }
  a.scores.reserve(node.entries.size());  // exactly: a matrix of scores is most of the model
  for (const auto& [ckey, value] : node.entries) {
    if (!contains(draft.criterion_ids, ckey.scalar)) {
      // Without a usable criteria list every score would be reported: the list's own error
      // says it all.
      if (!draft.criteria_ok || contains(draft.broken_ids, ckey.scalar)) continue;
      ctx.report(ckey, unknown_reference("criterion", ckey.scalar, " in the scores of " + what,
                                         draft.criterion_ids));
      continue;
    }
    if (auto s = read_score(ctx, ckey, value, a.id)) {
      if (!s->source.empty()) {
        const yaml::Node* src = value.is_mapping() ? value.find("source") : nullptr;
        draft.cite(s->source, src ? *src : value);
      }
      a.scores.push_back(std::move(*s));
    }
  }
  std::vector<std::string> missing;
  for (const auto& c : draft.fw.criteria) {
    if (a.score(c.id) == nullptr && !node.find(c.id)) missing.push_back(c.id);
  }
  // With a table, the table may hold the rest: checked once it is read.
  if (!missing.empty() && draft.criteria_ok && !draft.fw.table) {
    ctx.error(ErrorCode::MissingScore, key,
              fmt::format("{} has no score for {} {}", what,
                          missing.size() == 1 ? "criterion" : "criteria", quoted_list(missing)));
  }
}

Alternative read_option(Context& ctx, const yaml::Node& item, FrameworkDraft& draft) {
  Alternative a;
  a.where = ctx.at(item);
  const std::string what = item_name(item, "option", draft.fw.options.size() + 1);
  Fields f(ctx, item, what);
  if (!f.ok()) return a;
  if (const auto* n = f.required("id")) a.id = ctx.id(*n, "an option").value_or("");
  if (const auto* n = f.optional("name")) a.name = ctx.string(*n, "name").value_or("");
  if (const auto* n = f.optional("description")) {
    a.description = ctx.string(*n, "description").value_or("");
  }
  if (const auto* n = draft.fw.table ? f.optional("scores") : f.required("scores")) {
    const yaml::Node& key = *f.key_node("scores");
    a.scores_where = ctx.at(key);
    read_scores(ctx, *n, what, key, draft, a);
  }
  f.finish();
  if (a.name.empty()) a.name = a.id;
  return a;
}

}  // namespace

void read_options(Context& ctx, const yaml::Node& node, FrameworkDraft& draft) {
  if (!node.is_sequence()) {
    ctx.report(node, wrong_type("a list of options", node));
    return;
  }
  if (node.items.empty()) {
    ctx.error(ErrorCode::InvalidValue, node, "the framework has no options");
    return;
  }
  UniqueIds seen("option");
  draft.fw.options.reserve(node.items.size());
  for (const auto& item : node.items) {
    Alternative a = read_option(ctx, item, draft);
    if (a.id.empty()) continue;
    if (!seen.insert(ctx, *item.find("id"), a.id, a.where.line)) continue;
    draft.fw.options.push_back(std::move(a));
  }
}

std::optional<Score> read_score(Context& ctx, const yaml::Node& key, const yaml::Node& value,
                                const std::string& option) {
  Score s;
  s.criterion = key.scalar;
  s.key_where = ctx.at(key);
  s.where = ctx.at(value);
  const std::string what = fmt::format("the score of '{}' on '{}'", option, key.scalar);
  const yaml::Node* number = &value;
  if (value.is_mapping() && !is_triangle(value)) {
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
  if (is_distribution(*number)) {
    auto d = read_distribution(ctx, *number, what);
    if (!d) return std::nullopt;
    s.value = d->mode;  // what a deterministic evaluation uses
    s.uncertainty = std::make_shared<Distribution>(std::move(*d));
    return s;
  }
  if (!number->is_scalar()) {
    ctx.report(*number, wrong_type("a number or a formula", what, *number));
    return std::nullopt;
  }
  auto e = read_expression(ctx, *number, what);
  if (!e) return std::nullopt;
  s.formula = std::make_shared<Expression>(std::move(*e));
  return s;
}

void check_scale(DiagnosticSink& sink, const Criterion& c, const Score& s,
                 const std::string& option) {
  if (!c.scale || s.formula) return;  // formulas are checked when evaluated
  if (const Distribution* d = s.uncertainty.get()) {
    // The whole range must lie on the scale, not only its mode: every sample is a score.
    const bool low_out = d->low < c.scale->first;
    if (!low_out && d->high <= c.scale->second) return;
    sink.error(ErrorCode::OutOfRange, low_out ? d->low_where : d->high_where,
               fmt::format("score {} [{}, {}] of '{}' on '{}' is outside the criterion's scale "
                           "[{}, {}]",
                           d->kind == Distribution::Kind::Range ? "range" : "triangle",
                           detail::quantity(d->low), detail::quantity(d->high), option, c.id,
                           detail::quantity(c.scale->first), detail::quantity(c.scale->second)));
    return;
  }
  if (s.value < c.scale->first || s.value > c.scale->second) {
    sink.error(ErrorCode::OutOfRange, s.where,
               outside_scale(s.value, option, c.id, c.scale->first, c.scale->second));
  }
}

}  // namespace tradeoff::loader
