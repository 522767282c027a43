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

}  // namespace

void render_weights_markdown(const Result& r, std::ostream& out) {
  out << "# " << cell(r.framework_title) << ": weights\n\n";
  out << "Framework " << code(r.framework, false);
  if (!r.assessment.empty()) out << ", assessment " << code(r.assessment, false);
  out << ".\n";
  criteria_section(r, out, false);
  weighting_section(r, out);
}

}  // namespace tradeoff::detail
