// A Markdown decision record (after MADR): context, outcome, ranking, reasons and figures,
// reproducible and diffable in git. Every string from input goes through cell() (text) or code()
// (inline code), so that none can start a heading, break a table or pass raw HTML.
#include <ostream>

#include <fmt/format.h>

#include "report/renderers.hpp"
#include "report/robustness_report.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

using markdown::cell;
using markdown::code;
using markdown::table_head;
using markdown::table_row;

/// "a, b, c": people and teams as written.
std::string names(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& n : list) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// A section of free text from the assessment (its context, its consequences), when given.
void prose_section(std::string_view heading, const std::string& text, std::ostream& out) {
  if (text.empty()) return;
  out << "\n## " << heading << "\n\n" << markdown::line(text) << "\n";
}

/// The title and a table of what was evaluated, and how.
void header_section(const Result& r, std::ostream& out) {
  out << "# " << cell(r.framework_title) << "\n\n";
  if (!r.assessment_title.empty()) out << "*" << cell(r.assessment_title) << "*\n\n";
  table_head(out, {"", ""}, {false, false});
  std::string fw = code(r.framework);
  if (!r.framework_version.empty()) fw += " " + cell(r.framework_version);
  table_row(out, {"Framework", fw});
  if (!r.assessment.empty()) {
    std::string a = code(r.assessment);
    if (!r.assessment_date.empty()) a += " (" + cell(r.assessment_date) + ")";
    table_row(out, {"Assessment", a});
  }
  const DecisionRecord& d = r.record;
  if (!d.status.empty()) table_row(out, {"Status", cell(d.status)});
  if (!d.deciders.empty()) table_row(out, {"Deciders", cell(names(d.deciders))});
  if (!d.consulted.empty()) table_row(out, {"Consulted", cell(names(d.consulted))});
  table_row(out, {"Method", fmt::format("{} ({}), normalization {}; {} score is better",
                                        cell(r.method_title), code(r.method), code(r.normalization),
                                        r.higher_is_better ? "higher" : "lower")});
}

/// The chosen option, the summary, and the rules' recommendations.
void outcome_section(const Result& r, std::ostream& out) {
  const Explanation& e = r.explanation;
  out << "\n## Decision outcome\n\n";
  if (!e.winner.empty()) {
    out << "Chosen option: **" << cell(r.option(e.winner)->name) << "** (" << code(e.winner, false)
        << ").\n\n";
  }
  out << markdown::line(e.summary) << "\n";
  if (!r.notes.empty()) {
    out << "\n### Recommendations\n\n";
    for (const auto& n : r.notes) {
      out << "- " << markdown::line(n.text) << " (rule " << code(n.rule, false) << ")\n";
    }
  }
}

/// The ranked options, then the vetoed ones.
void ranking_section(const Result& r, std::ostream& out) {
  out << "\n## Ranking\n\n";
  table_head(out, {"Rank", "Option", "Name", "Score"}, {true, false, false, true});
  for (const auto& entry : r.ranking) {
    table_row(out, {std::to_string(entry.rank), code(entry.option),
                    cell(r.option(entry.option)->name), fixed(entry.score, 4)});
  }
  if (r.vetoed.empty()) return;
  out << "\nVetoed options:\n\n";
  for (const auto& v : r.vetoed) {
    out << "- " << code(v.option, false) << " (" << cell(r.option(v.option)->name) << "), by "
        << (v.rule.empty() ? "the limit on " + code(v.limit, false) : "rule " + code(v.rule, false))
        << ": " << cell(v.because) << '\n';
  }
}

/// The winner's and the runner-up's contributions, criterion by criterion.
void explanation_section(const Result& r, std::ostream& out) {
  const Explanation& e = r.explanation;
  if (e.runner_up.empty()) return;
  const OptionResult* w = r.option(e.winner);
  const OptionResult* u = r.option(e.runner_up);
  std::vector<std::string> tied;
  for (const auto& entry : r.ranking) {
    if (entry.rank == 1) tied.push_back(code(entry.option, false));
  }
  out << "\n## Why " << (e.tie ? join_names(tied) + " tie for first" : tied[0] + " ranks first")
      << "\n\n";
  out << "Contributions (" << cell(r.contribution_meaning) << "), winner against runner-up:\n\n";
  table_head(out, {"Criterion", e.winner, e.runner_up, "Difference"}, {false, true, true, true});
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    table_row(out,
              {cell(r.criteria[j].name), fixed(w->contribution[j], 4), fixed(u->contribution[j], 4),
               signed_fixed(w->contribution[j] - u->contribution[j], 4)});
  }
}

/// Every rule with the values it read; for those that fired, why and what they did.
void rules_section(const Result& r, std::ostream& out) {
  if (r.rules.empty()) return;
  out << "\n## Rules\n\n";
  for (const auto& t : r.rules) {
    out << "- " << (t.fired ? "**fired** " : "not fired: ") << code(t.id, false) << " when "
        << code(t.when, false);
    if (!t.bindings.empty()) out << " (" << cell(bindings_text(t)) << ")";
    out << '\n';
    if (!t.fired) continue;
    out << "  - because: " << cell(t.because) << '\n';
    if (!t.source.empty()) out << "  - source: " << code(t.source, false) << "\n";
    for (const auto& ef : t.effects) out << "  - " << markdown::line(ef.text) << '\n';
  }
}

void inputs_section(const Result& r, std::ostream& out) {
  if (r.inputs.empty()) return;
  out << "\n## Inputs\n\n";
  table_head(out, {"Input", "Value", "Unit", "From", "Source"}, {false, true, false, false, false});
  for (const auto& in : r.inputs) {
    std::string source = code(in.source);
    if (!in.as_of.empty()) source += (source.empty() ? "as of " : ", as of ") + cell(in.as_of);
    table_row(out, {code(in.name), cell(in.display), cell(in.unit), cell(in.origin), source});
  }
}

void derived_section(const Result& r, std::ostream& out) {
  if (r.derived.empty()) return;
  out << "\n## Derived values\n\n";
  table_head(out, {"Name", "Value", "Unit", "Formula"}, {false, true, false, false});
  for (const auto& d : r.derived) {
    table_row(out, {code(d.name), cell(d.display), cell(d.unit), code(d.formula)});
  }
}

void criteria_section(const Result& r, std::ostream& out, bool with_normalization) {
  out << "\n## Criteria and weights\n\n";
  std::vector<std::string> head = {"Criterion", "Id", "Direction", "Weight", "Share", "Unit"};
  std::vector<bool> right = {false, false, false, true, true, false};
  if (with_normalization) {
    head.push_back("Normalisation");
    right.push_back(false);
  }
  table_head(out, head, right);
  for (const auto& c : r.criteria) {
    std::string weight = quantity(c.weight);
    if (c.weight_origin != "framework") weight += " (" + cell(c.weight_origin) + ")";
    std::vector<std::string> row = {cell(c.name),
                                    code(c.id),
                                    std::string(to_string(c.direction)),
                                    weight,
                                    fixed(c.normalized_weight, 4),
                                    cell(c.unit)};
    if (with_normalization) row.push_back(cell(c.normalization));
    table_row(out, row);
  }
}

/// One AHP consistency check, and the judgements furthest from consistent.
void ahp_paragraph(const AhpReport& a, const std::string& scope, std::ostream& out) {
  out << "\n\nAHP" << scope << " (" << cell(a.priority_method) << "): lambda max "
      << fixed(a.lambda_max, 4) << ", CI " << fixed(a.consistency_index, 4) << ", CR "
      << fixed(a.consistency_ratio, 4) << " (" << code(a.ri_table, false) << "), "
      << (a.consistent ? "consistent." : "**not consistent** (CR > 0.1).");
  for (const auto& j : a.inconsistent) {
    out << "\n- " << code(j.row, false) << " over " << code(j.column, false) << ": given "
        << quantity(j.given) << ", consistent " << quantity(j.consistent) << " (about "
        << cell(j.suggested) << ")";
  }
}

void groups_table(const WeightingReport& w, std::ostream& out) {
  out << "\n";
  table_head(out, {"Group", "Share", "Within", "Criteria (share within the group)"},
             {false, true, false, false});
  for (const auto& g : w.groups) {
    std::string members;
    for (size_t k = 0; k < g.criteria.size(); ++k) {
      members += (k ? ", " : "") + code(g.criteria[k]) + " " + fixed(g.local[k], 4);
    }
    table_row(out, {cell(g.name), fixed(g.weight, 4), cell(g.method), members});
  }
}

void stakeholders_table(const WeightingReport& w, std::ostream& out) {
  out << "\nStakeholders (" << cell(w.aggregate)
      << " aggregation; mean Kendall's tau between their "
      << "rankings " << fixed(w.mean_pairwise_tau, 4) << "):\n\n";
  table_head(out, {"Stakeholder", "Influence", "Method", "Tau with the group", "Their winner"},
             {false, true, false, true, false});
  for (const auto& s : w.stakeholders) {
    table_row(out, {cell(s.name), fixed(s.influence, 4), cell(s.method), fixed(s.tau, 4),
                    s.ranking.empty() ? "-" : code(s.ranking.front().option)});
  }
}

/// How the weights were found, when it was not by giving them directly.
void weighting_section(const Result& r, std::ostream& out) {
  const WeightingReport& w = r.weighting;
  if (w.method == "direct") return;
  out << "\n## Weighting\n\nWeights by " << code(w.method, false) << ".";
  if (w.ahp) ahp_paragraph(*w.ahp, "", out);
  if (w.group_ahp) ahp_paragraph(*w.group_ahp, " of the groups", out);
  out << "\n";
  if (!w.groups.empty()) groups_table(w, out);
  if (!w.stakeholders.empty()) stakeholders_table(w, out);
}

/// The method's own figures per option (e.g. TOPSIS distances), best option first.
void details_section(const Result& r, std::ostream& out) {
  const MethodDetails& d = r.details;
  if (d.per_option.empty()) return;
  out << "\n## " << cell(r.method_title) << " figures\n\n";
  std::vector<std::string> head = {"Option"};
  std::vector<bool> right = {false};
  for (const auto& [key, values] : d.per_option) {
    head.push_back(key);
    right.push_back(true);
  }
  table_head(out, head, right);
  for (const auto& entry : r.ranking) {
    const size_t k = details_index(d, entry.option);
    std::vector<std::string> row = {code(entry.option)};
    for (const auto& [key, values] : d.per_option) row.push_back(fixed(values[k], 4));
    table_row(out, row);
  }
  if (r.method == "vikor") {
    out << "\nCompromise set: " << markdown::code_list(d.compromise_set) << ".\n";
  }
}

/// The raw scores, in each criterion's unit; those the assessment set are marked.
void scores_section(const Result& r, std::ostream& out) {
  out << "\n## Scores\n\n";
  if (any_score_overridden(r)) out << "Scores marked * are set by the assessment.\n\n";
  std::vector<std::string> head = {"Option"};
  std::vector<bool> right = {false};
  for (const auto& c : r.criteria) {
    head.push_back(c.unit.empty() ? c.id : c.id + " (" + c.unit + ")");
    right.push_back(true);
  }
  table_head(out, head, right);
  for (const OptionResult* o : options_by_rank(r)) {
    std::vector<std::string> row = {code(o->id)};
    for (size_t j = 0; j < o->raw.size(); ++j) {
      row.push_back(quantity(o->raw[j]) + (o->overridden[j] ? " *" : ""));
    }
    table_row(out, row);
  }
}

/// The reasons and sources given for the scores, where any were.
void reasons_section(const Result& r, std::ostream& out) {
  bool any_reason = false;
  for (const auto& o : r.options) {
    for (size_t j = 0; j < o.raw.size(); ++j) {
      any_reason |= !o.because[j].empty() || !o.source[j].empty();
    }
  }
  if (!any_reason) return;
  out << "\n## Reasons given for the scores\n\n";
  for (const OptionResult* o : options_by_rank(r)) {
    for (size_t j = 0; j < o->raw.size(); ++j) {
      if (o->because[j].empty() && o->source[j].empty()) continue;
      out << "- " << code(o->id, false) << " on " << cell(r.criteria[j].name) << " = "
          << quantity(o->raw[j]);
      if (!o->because[j].empty()) out << ": " << cell(o->because[j]);
      if (!o->source[j].empty()) out << " (source: " << code(o->source[j], false) << ")";
      out << '\n';
    }
  }
}

}  // namespace

void render_weights_markdown(const Result& r, std::ostream& out) {
  out << "# " << cell(r.framework_title) << ": weights\n\n";
  out << "Framework " << code(r.framework, false);
  if (!r.assessment.empty()) out << ", assessment " << code(r.assessment, false);
  out << ".\n";
  criteria_section(r, out, false);
  weighting_section(r, out);
}

void render_markdown(const Result& r, std::ostream& out) {
  header_section(r, out);
  prose_section("Context", r.record.context, out);
  outcome_section(r, out);
  prose_section("Consequences", r.record.consequences, out);
  ranking_section(r, out);
  explanation_section(r, out);
  robustness_markdown(r, out);
  rules_section(r, out);
  inputs_section(r, out);
  derived_section(r, out);
  criteria_section(r, out, true);
  weighting_section(r, out);
  details_section(r, out);
  scores_section(r, out);
  reasons_section(r, out);
}

}  // namespace tradeoff::detail
