// The terminal report: ranking with bars, the explanation, criteria, scores and contributions.
// Every string from input is shown through one_line(): one line, no control characters.
#include <algorithm>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "explain/explain.hpp"
#include "report/renderers.hpp"
#include "report/robustness_report.hpp"
#include "report/text_summary.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

/// A table whose first row is its header, dimmed.
void print_table(const TextTable& t, const Style& st, std::ostream& out) {
  const auto lines = t.lines();
  out << st.dim(lines[0]) << '\n';
  for (size_t k = 1; k < lines.size(); ++k) out << lines[k] << '\n';
}

/// The winner's and the runner-up's contributions, criterion by criterion (`--details`).
void why(const Result& r, const Style& st, std::ostream& out) {
  const Explanation& e = r.explanation;
  const std::string winner = one_line(e.winner);
  const std::string runner_up = one_line(e.runner_up);
  if (e.runner_up.empty()) return;
  const OptionResult* w = r.option(e.winner);
  const OptionResult* u = r.option(e.runner_up);
  TextTable t({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
               TextTable::Align::Right});
  t.add({"criterion", winner, runner_up, "difference"});
  std::vector<size_t> order(r.criteria.size());
  for (size_t j = 0; j < order.size(); ++j) order[j] = j;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return w->contribution[a] - u->contribution[a] > w->contribution[b] - u->contribution[b];
  });
  for (size_t j : order) {
    t.add({one_line(r.criteria[j].id), fixed(w->contribution[j], 4), fixed(u->contribution[j], 4),
           signed_fixed(w->contribution[j] - u->contribution[j], 4)});
  }
  if (!r.contribution_total.empty()) {
    double tw = 0;
    double tu = 0;
    for (size_t j = 0; j < r.criteria.size(); ++j) {
      tw += w->contribution[j];
      tu += u->contribution[j];
    }
    t.add(
        {"total = " + r.contribution_total, fixed(tw, 4), fixed(tu, 4), signed_fixed(tw - tu, 4)});
  }
  out << '\n' << st.bold("Contributions, winner against runner-up") << '\n';
  print_table(t, st, out);
  if (r.contribution_total.empty()) {
    out << fmt::format(
        "  ({} ranks by its own score; these values show where each option "
        "stands, they do not add up to it)\n",
        r.method_title);
  }
}

void criteria(const Result& r, const Style& st, std::ostream& out, bool with_normalization = true) {
  out << '\n' << st.bold("Criteria") << '\n';
  TextTable t({TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
               TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Left,
               TextTable::Align::Left});
  if (with_normalization) {
    t.add({"#", "criterion", "direction", "weight", "share", "unit", "normalisation"});
  } else {
    t.add({"#", "criterion", "direction", "weight", "share", "unit"});
  }
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    const auto& c = r.criteria[j];
    // Weights a method computed are shares already: four decimals, like the share column.
    const bool given = c.weight_origin == "framework" || c.weight_origin == "assessment" ||
                       c.weight_origin == "direct" || c.weight_origin.rfind("rule ", 0) == 0;
    std::string weight = given ? quantity(c.weight) : fixed(c.weight, 4);
    if (c.weight_origin == "assessment") weight += "*";
    if (c.weight_origin.rfind("rule ", 0) == 0) weight += "^";
    std::vector<std::string> row = {std::to_string(j + 1),
                                    one_line(c.id),
                                    std::string(to_string(c.direction)),
                                    weight,
                                    fixed(c.normalized_weight, 4),
                                    c.unit.empty() ? "-" : one_line(c.unit)};
    if (with_normalization) row.push_back(one_line(c.normalization));
    t.add(std::move(row));
  }
  print_table(t, st, out);
  bool by_assessment = false;
  bool by_rule = false;
  for (const auto& c : r.criteria) {
    by_assessment |= c.weight_origin == "assessment";
    by_rule |= c.weight_origin.rfind("rule ", 0) == 0;
  }
  if (by_assessment) out << "  * weight set by the assessment\n";
  if (by_rule) out << "  ^ weight changed by a rule\n";
}

void matrix(const Result& r, const Style& st, std::ostream& out, bool contributions) {
  std::string legend = contributions ? r.contribution_meaning : "in each criterion's unit";
  if (!contributions && any_score_overridden(r)) legend += "; * set by the assessment";
  out << '\n' << st.bold(contributions ? "Contributions" : "Scores") << " (" << legend << ")\n";
  std::vector<TextTable::Align> align = {TextTable::Align::Left};
  std::vector<std::string> head = {"option"};
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    align.push_back(TextTable::Align::Right);
    head.push_back(std::to_string(j + 1));
  }
  if (contributions) {
    align.push_back(TextTable::Align::Right);
    head.push_back("score");
  }
  TextTable t(align);
  t.add(head);
  for (const OptionResult* o : options_by_rank(r)) {
    if (contributions && !o->eligible) continue;
    std::vector<std::string> row = {one_line(o->id) + (o->eligible ? "" : " (vetoed)")};
    for (size_t j = 0; j < r.criteria.size(); ++j) {
      if (contributions) {
        row.push_back(fixed(o->contribution[j], 4));
      } else {
        row.push_back(quantity(o->raw[j]) + (o->overridden[j] ? "*" : ""));
      }
    }
    if (contributions) row.push_back(fixed(o->score, 4));
    t.add(std::move(row));
  }
  print_table(t, st, out);
}

void notes(const Result& r, const Style& st, std::ostream& out) {
  if (r.notes.empty()) return;
  out << '\n' << st.bold("Notes") << '\n';
  for (const auto& n : r.notes)
    out << "  - " << one_line(n.text) << " (" << one_line(n.rule) << ")\n";
}

void rules(const Result& r, const Style& st, std::ostream& out) {
  if (r.rules.empty()) return;
  rules_heading(r, st, out);
  for (const auto& t : r.rules) {
    out << (t.fired ? "  [fired] " : "  [ -   ] ") << one_line(t.id) << ": " << one_line(t.when);
    const std::string b = one_line(bindings_text(t));
    if (!b.empty()) out << "  (" << b << ")";
    out << '\n';
    if (!t.fired) continue;
    out << "          because: " << one_line(t.because) << '\n';
    if (!t.source.empty()) out << "          source: " << one_line(t.source) << '\n';
    for (const auto& e : t.effects) out << "          " << one_line(e.text) << '\n';
  }
}

void inputs(const Result& r, const Style& st, std::ostream& out) {
  if (r.inputs.empty()) return;
  out << '\n' << st.bold("Inputs") << '\n';
  TextTable t({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left,
               TextTable::Align::Left, TextTable::Align::Left});
  t.add({"input", "value", "unit", "from", "source"});
  for (const auto& in : r.inputs) {
    std::string source = one_line(in.source);
    if (!in.as_of.empty()) source += (source.empty() ? "as of " : ", as of ") + one_line(in.as_of);
    t.add(
        {one_line(in.name), one_line(in.display), one_line(in.unit), one_line(in.origin), source});
  }
  print_table(t, st, out);
}

void derived(const Result& r, const Style& st, std::ostream& out) {
  if (r.derived.empty()) return;
  out << '\n' << st.bold("Derived values") << '\n';
  TextTable t({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left,
               TextTable::Align::Left});
  t.add({"name", "value", "unit", "formula"});
  for (const auto& d : r.derived) {
    t.add({one_line(d.name), one_line(d.display), one_line(d.unit), one_line(d.formula)});
  }
  print_table(t, st, out);
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

void ahp_lines(const AhpReport& a, const std::string& label, const std::string& indent,
               std::ostream& out) {
  if (a.elements.size() < 3) {
    out << indent
        << fmt::format("AHP{} ({}): {} elements, always consistent\n", label, a.priority_method,
                       a.elements.size());
    return;
  }
  out << indent
      << fmt::format("AHP{} ({}): lambda max {}, CI {}, CR {} ({}, RI {}): {}\n", label,
                     a.priority_method, fixed(a.lambda_max, 4), fixed(a.consistency_index, 4),
                     fixed(a.consistency_ratio, 4), a.ri_table, fixed(a.random_index, 4),
                     a.consistent ? "consistent (CR <= 0.1)" : "NOT consistent (CR > 0.1)");
  std::string tables;
  for (const auto& [table, cr] : a.ratio_by_table) {
    tables += (tables.empty() ? "" : ", ") + table + " " + fixed(cr, 4);
  }
  out << indent << "CR by random-index table: " << tables << '\n';
  if (!a.inconsistent.empty()) {
    out << indent << "judgements furthest from the priorities (revise these first):\n";
    for (const auto& j : a.inconsistent) {
      out << indent
          << fmt::format("  {} over {}: given {}, consistent with the priorities {} (about {})",
                         one_line(j.row), one_line(j.column), one_line(j.given_text),
                         quantity(j.consistent), one_line(j.suggested));
      if (j.where.line > 0) out << fmt::format(", at {}:{}", j.where.line, j.where.column);
      out << '\n';
    }
  }
}

void weighting_groups(const WeightingReport& w, const Style& st, std::ostream& out) {
  out << "  groups weighted "
      << (w.group_method == "direct" ? std::string("directly") : "by " + w.group_method)
      << "; a criterion's weight is its group's share times its share within the group\n";
  if (w.group_ahp) ahp_lines(*w.group_ahp, " of the groups", "  ", out);
  TextTable t({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left,
               TextTable::Align::Left});
  t.add({"group", "share", "within", "criteria (share within the group)"});
  for (const auto& g : w.groups) {
    std::string members;
    for (size_t k = 0; k < g.criteria.size(); ++k) {
      members += (k ? ", " : "") + one_line(g.criteria[k]) + " " + fixed(g.local[k], 4);
    }
    t.add({one_line(g.id), fixed(g.weight, 4), one_line(g.method), members});
  }
  print_table(t, st, out);
  for (const auto& g : w.groups) {
    if (g.ahp) ahp_lines(*g.ahp, " within " + one_line(g.id), "  ", out);
    if (!g.description.empty()) {
      out << "  within " << one_line(g.id) << ": " << one_line(g.description) << '\n';
    }
  }
}

void weighting_stakeholders(const Result& r, const Style& st, std::ostream& out) {
  const WeightingReport& w = r.weighting;
  out << fmt::format(
      "  {} stakeholders, aggregated by the weighted {}; agreement between "
      "their rankings (mean Kendall's tau) {}\n",
      w.stakeholders.size(),
      w.aggregate == "geometric" ? "geometric mean of their AHP judgements"
                                 : "arithmetic mean of their weights",
      fixed(w.mean_pairwise_tau, 4));
  if (w.ahp) ahp_lines(*w.ahp, " of the combined judgements", "  ", out);
  std::vector<TextTable::Align> align = {TextTable::Align::Left, TextTable::Align::Right,
                                         TextTable::Align::Left, TextTable::Align::Right,
                                         TextTable::Align::Left};
  std::vector<std::string> head = {"stakeholder", "influence", "method", "tau", "winner"};
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    align.push_back(TextTable::Align::Right);
    head.push_back(std::to_string(j + 1));
  }
  TextTable t(align);
  t.add(head);
  for (const auto& s : w.stakeholders) {
    std::vector<std::string> row = {one_line(s.id), fixed(s.influence, 4), one_line(s.method),
                                    fixed(s.tau, 4),
                                    s.ranking.empty() ? "-" : one_line(s.ranking.front().option)};
    for (double x : s.weights) row.push_back(fixed(x, 4));
    t.add(std::move(row));
  }
  std::vector<std::string> spread = {"spread", "", "", "", ""};
  for (double x : w.weight_spread) spread.push_back(fixed(x, 4));
  t.add(std::move(spread));
  print_table(t, st, out);
  out << "  (columns 1.. are each stakeholder's criterion weights, by criterion number; spread is "
         "their standard deviation)\n";
  for (const auto& s : w.stakeholders) {
    if (s.ahp) ahp_lines(*s.ahp, " of " + one_line(s.id), "  ", out);
  }
}

void weighting(const Result& r, const Style& st, std::ostream& out) {
  const WeightingReport& w = r.weighting;
  if (w.method == "direct") return;
  out << '\n' << st.bold("Weighting") << " (" << w.method << ")\n";
  if (w.origin == "assessment") out << "  set by the assessment, in place of the framework's\n";
  if (!w.description.empty()) out << "  " << one_line(w.description) << '\n';
  if (w.ahp && w.stakeholders.empty()) ahp_lines(*w.ahp, "", "  ", out);
  if (!w.groups.empty()) weighting_groups(w, st, out);
  if (!w.stakeholders.empty()) weighting_stakeholders(r, st, out);
}

void details_by_option(const Result& r, const Style& st, std::ostream& out) {
  const MethodDetails& d = r.details;
  std::vector<TextTable::Align> align = {TextTable::Align::Left};
  std::vector<std::string> head = {"option"};
  for (const auto& [key, values] : d.per_option) {
    align.push_back(TextTable::Align::Right);
    head.push_back(key);
  }
  TextTable t(align);
  t.add(head);
  for (const auto& entry : r.ranking) {
    const size_t k = details_index(d, entry.option);
    std::vector<std::string> row = {one_line(entry.option)};
    for (const auto& [key, values] : d.per_option) row.push_back(fixed(values[k], 4));
    t.add(std::move(row));
  }
  print_table(t, st, out);
}

void details_by_criterion(const Result& r, const Style& st, std::ostream& out) {
  const MethodDetails& d = r.details;
  std::vector<TextTable::Align> align = {TextTable::Align::Left};
  std::vector<std::string> head = {"criterion"};
  for (const auto& [key, values] : d.per_criterion) {
    align.push_back(TextTable::Align::Right);
    head.push_back(key);
  }
  for (const auto& [key, values] : d.per_criterion_text) {
    align.push_back(TextTable::Align::Left);
    head.push_back(key);
  }
  TextTable t(align);
  t.add(head);
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    std::vector<std::string> row = {one_line(r.criteria[j].id)};
    for (const auto& [key, values] : d.per_criterion) row.push_back(fixed(values[j], 4));
    for (const auto& [key, values] : d.per_criterion_text) row.push_back(one_line(values[j]));
    t.add(std::move(row));
  }
  out << '\n';
  print_table(t, st, out);
}

/// The method's own figures (e.g. TOPSIS distances, VIKOR's conditions), when it has any.
void details_section(const Result& r, const Style& st, std::ostream& out) {
  const MethodDetails& d = r.details;
  if (d.per_option.empty() && d.per_criterion.empty() && d.per_criterion_text.empty()) return;
  out << '\n' << st.bold(r.method_title + " details") << '\n';
  if (!d.per_option.empty()) details_by_option(r, st, out);
  if (!d.per_criterion.empty() || !d.per_criterion_text.empty()) details_by_criterion(r, st, out);
  std::string facts;
  for (const auto& [key, value] : d.figures)
    facts += (facts.empty() ? "" : ", ") + key + " " + quantity(value);
  for (const auto& [key, value] : d.conditions) {
    facts += (facts.empty() ? "" : ", ") + key + ": " + yes_no(value);
  }
  if (!facts.empty()) out << "  " << facts << '\n';
  if (r.method == "vikor") {
    std::string set;
    for (const auto& o : d.compromise_set) set += (set.empty() ? "" : ", ") + one_line(o);
    out << "  compromise set: " << set << '\n';
  }
}

}  // namespace

void render_weights_text(const Result& r, bool color, std::ostream& out) {
  const Style st{color};
  summary_header(r, st, out, false);
  criteria(r, st, out, false);
  weighting(r, st, out);
  out << '\n' << st.dim(provenance_text(r.provenance)) << '\n';
}

void render_text(const Result& r, bool color, bool details, std::ostream& out) {
  const Style st{color};
  summary_header(r, st, out);
  summary_ranking(r, st, out);
  summary_excluded(r, st, out);
  summary_why(r, st, out);
  summary_robustness(r, st, out);
  if (details) {
    why(r, st, out);
    details_section(r, st, out);
    rules(r, st, out);
    notes(r, st, out);
    inputs(r, st, out);
    derived(r, st, out);
    criteria(r, st, out);
    weighting(r, st, out);
    matrix(r, st, out, false);
    if (!r.ranking.empty()) matrix(r, st, out, true);
  } else {
    summary_rules(r, st, out);
  }
  summary_footer(r, st, details, out);
}

}  // namespace tradeoff::detail
