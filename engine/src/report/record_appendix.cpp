// The decision record's appendix: every input and derived value, the matrix of scores, the
// normalised values with the weights, the contributions, the reasons given, the method's own
// figures, and the provenance of the files.
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

void inputs_table(const Result& r, doc::Document& d) {
  if (r.inputs.empty()) return;
  d.heading(3, "appendix-inputs", {text("Inputs")});
  doc::Table t{{"Input", "Value", "Unit", "From", "Reason", "Source", "As of"},
               {false, true, false, false, false, false, false},
               {}};
  for (const auto& i : r.inputs) {
    t.rows.push_back({{code(i.name)},
                      {text(i.display)},
                      {text(i.unit)},
                      {text(i.origin)},
                      {text(i.because)},
                      {code(i.source)},
                      {text(i.as_of)}});
  }
  d.table(std::move(t));
}

void derived_table(const Result& r, doc::Document& d) {
  if (r.derived.empty()) return;
  d.heading(3, "appendix-derived", {text("Derived values")});
  doc::Table t{{"Name", "Value", "Unit", "Formula"}, {false, true, false, false}, {}};
  for (const auto& v : r.derived) {
    t.rows.push_back({{code(v.name)}, {text(v.display)}, {text(v.unit)}, {code(v.formula)}});
  }
  d.table(std::move(t));
}

/// One row per option (ranked first), one column per criterion, `cell` giving each value.
template <typename Cell>
doc::Table matrix(const Result& r, bool with_units, Cell cell) {
  doc::Table t{{"Option"}, {false}, {}};
  for (const auto& c : r.criteria) {
    t.head.push_back(with_units && !c.unit.empty() ? c.id + " (" + c.unit + ")" : c.id);
    t.right.push_back(true);
  }
  for (const OptionResult* o : options_by_rank(r)) {
    std::vector<Spans> row = {{code(o->id)}};
    for (size_t j = 0; j < r.criteria.size(); ++j) row.push_back({text(cell(*o, j))});
    t.rows.push_back(std::move(row));
  }
  return t;
}

void matrices(const Result& r, doc::Document& d) {
  d.heading(3, "appendix-scores", {text("Scores")});
  if (any_score_overridden(r)) d.paragraph({text("Scores marked * are set by the assessment.")});
  d.table(matrix(r, true, [](const OptionResult& o, size_t j) {
    return quantity(o.raw[j]) + (o.overridden[j] ? " *" : "");
  }));
  if (r.ranking.empty()) return;
  d.heading(3, "appendix-normalized", {text("Normalised values and weights")});
  d.paragraph(
      {text("Values after normalisation (more is better; excluded options are not "
            "normalised), and the weights' shares in the last row.")});
  doc::Table t = matrix(r, false, [](const OptionResult& o, size_t j) {
    return o.eligible ? fixed(o.normalized[j], 4) : std::string("-");
  });
  std::vector<Spans> shares = {{strong("weight share")}};
  for (const auto& c : r.criteria) shares.push_back({text(fixed(c.normalized_weight, 4))});
  t.rows.push_back(std::move(shares));
  d.table(std::move(t));
  d.heading(3, "appendix-contributions", {text("Contributions")});
  d.paragraph({text("Each criterion's part of each score: " + r.contribution_meaning + ".")});
  d.table(matrix(r, false, [](const OptionResult& o, size_t j) {
    return o.eligible ? fixed(o.contribution[j], 4) : std::string("-");
  }));
}

void reasons_list(const Result& r, doc::Document& d) {
  std::vector<Spans> items;
  for (const OptionResult* o : options_by_rank(r)) {
    for (size_t j = 0; j < o->because.size(); ++j) {
      if (o->because[j].empty() && o->source[j].empty()) continue;
      Spans s = {code(o->id), text(" on " + r.criteria[j].name + " = " + quantity(o->raw[j]))};
      if (!o->because[j].empty()) s.push_back(text(": " + o->because[j]));
      if (!o->source[j].empty()) {
        s.push_back(text(" (source "));
        s.push_back(code(o->source[j]));
        s.push_back(text(")"));
      }
      items.push_back(std::move(s));
    }
  }
  if (items.empty()) return;
  d.heading(3, "appendix-reasons", {text("Reasons given for the scores")});
  d.list(std::move(items));
}

void method_figures(const Result& r, doc::Document& d) {
  const MethodDetails& m = r.details;
  if (m.per_option.empty()) return;
  d.heading(3, "appendix-method", {text(r.method_title + " figures")});
  doc::Table t{{"Option"}, {false}, {}};
  for (const auto& [key, values] : m.per_option) {
    t.head.push_back(key);
    t.right.push_back(true);
  }
  for (const auto& e : r.ranking) {
    const size_t k = details_index(m, e.option);
    std::vector<Spans> row = {{code(e.option)}};
    for (const auto& [key, values] : m.per_option) row.push_back({text(fixed(values[k], 4))});
    t.rows.push_back(std::move(row));
  }
  d.table(std::move(t));
}

void provenance_table(const Result& r, doc::Document& d) {
  const Provenance& p = r.provenance;
  d.heading(3, "appendix-provenance", {text("Provenance")});
  d.paragraph({text("Generated by " + p.tool +
                    ". The same files and options give the same "
                    "record, byte for byte. Framework digest "),
               code(p.framework_sha256), text(" (SHA-256 over the digests of its files).")});
  doc::Table t{{"File", "SHA-256"}, {false, false}, {}};
  for (const auto& f : p.framework_files) t.rows.push_back({{code(f.path)}, {code(f.sha256)}});
  for (const auto& f : p.assessment_files) t.rows.push_back({{code(f.path)}, {code(f.sha256)}});
  d.table(std::move(t));
}

}  // namespace

void record_appendix(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  d.heading(2, "appendix", {text("Appendix")});
  inputs_table(r, d);
  derived_table(r, d);
  matrices(r, d);
  reasons_list(r, d);
  method_figures(r, d);
  provenance_table(r, d);
}

}  // namespace tradeoff::detail
