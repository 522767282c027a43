// The decision record's first sections: the header, the context and problem statement, the
// decision drivers, the options considered, the outcome and its consequences.
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "report/record.hpp"
#include "report/renderers.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

using doc::code;
using doc::Spans;
using doc::strong;
using doc::text;

namespace {

std::string names(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& n : list) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// A source id as a link to its address (titled), or as code when the record lists no address.
Spans source_spans(const Result& r, const std::string& id, const std::string& as_of) {
  Spans out;
  if (!id.empty()) {
    const auto it = std::find_if(r.sources.begin(), r.sources.end(),
                                 [&](const Source& s) { return s.id == id; });
    if (it != r.sources.end() && !it->title.empty()) {
      out.push_back(doc::link(it->title, it->url));
    } else {
      out.push_back(code(id));
    }
  }
  if (!as_of.empty()) out.push_back(text((id.empty() ? "as of " : ", as of ") + as_of));
  return out;
}

/// The inputs that shaped this decision: those the assessment or the command line answered,
/// those a fired rule read, and those with a break-even point.
std::vector<const InputResult*> inputs_that_matter(const RecordInput& in) {
  std::set<std::string> wanted;
  for (const auto& t : in.r.rules) {
    if (!t.fired) continue;
    for (const auto& [name, value] : t.bindings) wanted.insert(name);
  }
  if (in.sensitivity != nullptr) {
    for (const auto& s : in.sensitivity->inputs) {
      if (!s.points.empty()) wanted.insert(s.input);
    }
  }
  if (in.r.robustness && in.r.robustness->nearest) wanted.insert(in.r.robustness->nearest->input);
  std::vector<const InputResult*> out;
  for (const auto& i : in.r.inputs) {
    if (i.origin != "default" || wanted.count(i.name) != 0) out.push_back(&i);
  }
  return out;
}

/// The judgements of an inconsistent AHP matrix furthest from consistent.
void ahp_judgements(const AhpReport& a, doc::Document& d) {
  if (a.consistent || a.inconsistent.empty()) return;
  std::vector<Spans> items;
  for (const auto& j : a.inconsistent) {
    items.push_back({code(j.row), text(" over "), code(j.column),
                     text(fmt::format(": given {}, consistent {} (about {})", j.given_text,
                                      fixed(j.consistent, 3), j.suggested))});
  }
  d.paragraph({text("The judgements furthest from consistent:")});
  d.list(std::move(items));
}

/// Groups and stakeholders, when the weights come from them.
void weighting_tables(const Result& r, doc::Document& d) {
  const WeightingReport& w = r.weighting;
  if (w.ahp) ahp_judgements(*w.ahp, d);
  if (!w.groups.empty()) {
    doc::Table t{{"Group", "Share", "Within", "Criteria (share within the group)"},
                 {false, true, false, false},
                 {}};
    for (const auto& g : w.groups) {
      std::string members;
      for (size_t k = 0; k < g.criteria.size(); ++k) {
        members += (k ? ", " : "") + g.criteria[k] + " " + fixed(g.local[k], 3);
      }
      t.rows.push_back(
          {{text(g.name)}, {text(fixed(g.weight, 3))}, {text(g.method)}, {text(members)}});
    }
    d.table(std::move(t));
  }
  if (w.stakeholders.empty()) return;
  d.paragraph(
      {text(fmt::format("Stakeholders ({} aggregation; mean Kendall's tau between their "
                        "rankings {}):",
                        w.aggregate, fixed(w.mean_pairwise_tau, 3)))});
  doc::Table t{{"Stakeholder", "Influence", "Method", "Tau with the group", "Their winner"},
               {false, true, false, true, false},
               {}};
  for (const auto& s : w.stakeholders) {
    t.rows.push_back({{text(s.name)},
                      {text(fixed(s.influence, 3))},
                      {text(s.method)},
                      {text(fixed(s.tau, 3))},
                      {text(s.ranking.empty() ? "-" : option_name(r, s.ranking.front().option))}});
  }
  d.table(std::move(t));
}

}  // namespace

void record_header(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  const std::string& title = r.assessment_title.empty() ? r.framework_title : r.assessment_title;
  d.heading(1, "", {text(title)});
  doc::Table t{{"Field", "Value"}, {false, false}, {}};
  const DecisionRecord& rec = r.record;
  t.rows.push_back({{text("Status")}, {text(rec.status.empty() ? "not given" : rec.status)}});
  t.rows.push_back({{text("Date")}, {text(in.date.empty() ? "not given" : in.date)}});
  if (!rec.deciders.empty()) t.rows.push_back({{text("Deciders")}, {text(names(rec.deciders))}});
  if (!rec.consulted.empty()) {
    t.rows.push_back({{text("Consulted")}, {text(names(rec.consulted))}});
  }
  Spans fw = {text(r.framework_title + " "), code(r.framework)};
  if (!r.framework_version.empty()) fw.push_back(text(" version " + r.framework_version));
  t.rows.push_back({{text("Framework")}, fw});
  if (!r.assessment.empty()) t.rows.push_back({{text("Assessment")}, {code(r.assessment)}});
  t.rows.push_back(
      {{text("Method")},
       {text(r.method_title + " "), code(r.method), text(", normalisation " + r.normalization)}});
  t.rows.push_back({{text("Generated by")},
                    {text(r.provenance.tool + " from framework digest "),
                     code(r.provenance.framework_sha256.substr(0, 16))}});
  d.table(std::move(t));
}

void record_context(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  d.heading(2, "context", {text("Context and problem statement")});
  d.paragraph({strong(r.framework_title + "."), text(" " + r.framework_description)});
  if (!r.assessment_description.empty()) d.paragraph({text(r.assessment_description)});
  if (!r.record.context.empty()) d.paragraph({text(r.record.context)});
  const auto inputs = inputs_that_matter(in);
  if (inputs.empty()) return;
  d.paragraph({text("The inputs that shape this decision (every input is in the appendix):")});
  doc::Table t{{"Input", "Value", "Unit", "From", "Reason", "Source"},
               {false, true, false, false, false, false},
               {}};
  for (const InputResult* i : inputs) {
    t.rows.push_back({{code(i->name)},
                      {text(i->display)},
                      {text(i->unit)},
                      {text(i->origin)},
                      {text(i->because)},
                      source_spans(r, i->source, i->as_of)});
  }
  d.table(std::move(t));
}

void record_drivers(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  d.heading(2, "drivers", {text("Decision drivers")});
  d.paragraph(
      {text("The criteria, their weights and where each weight came from. A share is "
            "the weight divided by the sum of the weights.")});
  doc::Table t{{"Criterion", "Direction", "Weight", "Share", "Weight from"},
               {false, false, true, true, false},
               {}};
  for (const auto& c : r.criteria) {
    Spans from = {text(c.weight_origin)};
    if (!c.weight_because.empty()) from.push_back(text(": " + c.weight_because));
    if (!c.weight_source.empty()) {
      from.push_back(text(" (source "));
      for (auto& s : source_spans(r, c.weight_source, "")) from.push_back(std::move(s));
      from.push_back(text(")"));
    }
    t.rows.push_back({{text(criterion_label(c))},
                      {text(std::string(to_string(c.direction)))},
                      {text(quantity(c.weight))},
                      {text(fixed(c.normalized_weight, 3))},
                      from});
  }
  d.table(std::move(t));
  const WeightingReport& w = r.weighting;
  Spans how = {text("Weighting: " +
                    (w.method == "direct" ? std::string("weights given directly") : w.method))};
  if (!w.description.empty()) how.push_back(text(" (" + w.description + ")"));
  how.push_back(text(", set by the " + w.origin + "."));
  if (w.ahp) {
    how.push_back(text(
        fmt::format(" AHP consistency ratio {} ({}).", fixed(w.ahp->consistency_ratio, 3),
                    w.ahp->consistent ? "consistent, at most 0.1" : "not consistent: above 0.1")));
  }
  d.paragraph(std::move(how));
  weighting_tables(r, d);
  if (in.charts) d.chart(weights_chart(r));
}

void record_options(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  d.heading(2, "options", {text("Considered options")});
  std::unordered_map<std::string_view, const Veto*> excluded;
  for (const auto& v : r.vetoed) excluded.emplace(v.option, &v);
  std::vector<Spans> items;
  for (const auto& o : r.options) {
    Spans item = {strong(o.name), text(" ("), code(o.id), text(")")};
    if (!o.description.empty()) item.push_back(text(": " + o.description));
    if (const auto it = excluded.find(o.id); it != excluded.end()) {
      item.push_back(doc::emph(" Excluded by " + it->second->by() + "."));
    }
    items.push_back(std::move(item));
  }
  d.list(std::move(items));
}

}  // namespace tradeoff::detail
