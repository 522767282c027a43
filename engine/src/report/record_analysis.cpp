// The decision record's later sections: robustness, sources and their age, the appendix with
// every figure and the provenance; and the record as a whole.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "report/record.hpp"
#include "report/renderers.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

using doc::code;
using doc::Spans;
using doc::strong;
using doc::text;

std::string option_name(const Result& r, const std::string& id) {
  const OptionResult* o = r.option(id);
  return o != nullptr && !o->name.empty() ? o->name : id;
}

std::string criterion_label(const CriterionResult& c) {
  return c.unit.empty() ? c.name : c.name + " (" + c.unit + ")";
}

std::string with_unit(double value, const std::string& unit) {
  return unit.empty() ? quantity(value) : quantity(value) + " " + unit;
}

namespace {

/// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
long days_from_civil(long y, long m, long d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<long> day_number(const std::string& date) {
  int y = 0;
  int m = 0;
  int d = 0;
  char tail = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return days_from_civil(y, m, d);
}

}  // namespace

std::optional<long> days_between(const std::string& from, const std::string& to) {
  const auto a = day_number(from);
  const auto b = day_number(to);
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

namespace {

void stability_table(const Sensitivity& s, doc::Document& d) {
  const Result& r = s.result;
  doc::Table t{{"Criterion", "Weight", "Winner stays for weights", "Below, wins", "Above, wins"},
               {false, true, false, false, false},
               {}};
  for (const auto& w : s.weights) {
    const int j = r.criterion_index(w.criterion);
    const std::string name = j >= 0 ? r.criteria[static_cast<size_t>(j)].name : w.criterion;
    const std::string high = w.weight_high ? rounded(*w.weight_high) : "no limit";
    t.rows.push_back({{text(name)},
                      {text(quantity(w.weight))},
                      {text(rounded(w.weight_low) + " to " + high)},
                      {text(w.winner_below.empty() ? "-" : option_name(r, w.winner_below))},
                      {text(w.winner_above.empty() ? "-" : option_name(r, w.winner_above))}});
  }
  d.paragraph({strong("Weight stability."),
               text(" How far each weight can move, the others as they are, before the winner "
                    "changes.")});
  d.table(std::move(t));
}

void break_even_table(const Sensitivity& s, doc::Document& d) {
  const Result& r = s.result;
  doc::Table t{{"Input", "Now", "Winner changes at"}, {false, true, false}, {}};
  for (const auto& in : s.inputs) {
    std::vector<std::string> changes;
    for (const auto& p : in.points) {
      changes.push_back(fmt::format("{}: {} to {}", rounded(p.value),
                                    p.before.empty() ? "none" : option_name(r, p.before),
                                    p.after.empty() ? "none" : option_name(r, p.after)));
    }
    for (const auto& [value, w] : in.winners) {
      if (w != r.explanation.winner) {
        changes.push_back(value + ": " + (w.empty() ? "none" : option_name(r, w)));
      }
    }
    if (changes.empty()) continue;
    std::string now = in.unit.empty() ? rounded(in.current) : rounded(in.current) + " " + in.unit;
    if (!in.winners.empty()) {
      for (const auto& i : r.inputs) {
        if (i.name == in.input) now = i.display;
      }
    }
    std::string all;
    for (const auto& c : changes) all += (all.empty() ? "" : "; ") + c;
    t.rows.push_back({{code(in.input)}, {text(now)}, {text(all)}});
  }
  if (t.rows.empty()) {
    d.paragraph({strong("Input break-even points."),
                 text(" No single input, moved across its declared range, changes the winner.")});
    return;
  }
  d.paragraph({strong("Input break-even points."),
               text(" Each input moved alone across its declared range (numbers) or through its "
                    "values (choices); where the winner changes, and to whom.")});
  d.table(std::move(t));
}

void smaa_table(const Smaa& m, const Result& r, doc::Document& d) {
  d.paragraph({strong("Monte-Carlo confidence."),
               text(fmt::format(" {} samples (weights: {}; seed {}): {} ranks first in {}% of "
                                "them (standard error {} points).",
                                quantity(static_cast<double>(m.samples)), m.weights_model, m.seed,
                                option_name(r, m.winner), fixed(m.confidence * 100, 1),
                                fixed(m.confidence_error * 100, 1)))});
  const size_t ranks = std::min<size_t>(r.ranking.size(), 8);
  doc::Table t{{"Option"}, {false}, {}};
  for (size_t k = 0; k < ranks; ++k) {
    t.head.push_back("Rank " + std::to_string(k + 1));
    t.right.push_back(true);
  }
  for (const auto& o : m.options) {
    double ranked = 0;
    for (double p : o.rank_acceptability) ranked += p;
    if (ranked <= 0) continue;  // excluded in every sample
    std::vector<Spans> row = {{text(option_name(r, o.option))}};
    for (size_t k = 0; k < ranks; ++k) {
      const double p = k < o.rank_acceptability.size() ? o.rank_acceptability[k] : 0;
      row.push_back({text(fixed(p * 100, 1) + "%")});
    }
    t.rows.push_back(std::move(row));
  }
  d.table(std::move(t));
}

void methods_table(const MethodComparison& c, const Result& r, doc::Document& d) {
  doc::Table t{{"Method", "First", "Second", "Kendall's tau with " + r.method},
               {false, false, false, true},
               {}};
  size_t chosen = 0;
  for (size_t k = 0; k < c.results.size(); ++k) {
    if (c.results[k].method == r.method) chosen = k;
  }
  for (size_t k = 0; k < c.results.size(); ++k) {
    const Result& m = c.results[k];
    if (c.failed(k)) {
      t.rows.push_back({{text(m.method)}, {text("could not rank")}, {text("-")}, {text("-")}});
      continue;
    }
    const auto tau = c.tau[chosen][k];
    t.rows.push_back({{text(m.method_title + " "), code(m.method)},
                      {text(m.ranking.empty() ? "-" : option_name(r, m.ranking[0].option))},
                      {text(m.ranking.size() < 2 ? "-" : option_name(r, m.ranking[1].option))},
                      {text(tau ? fixed(*tau, 2) : "-")}});
  }
  Spans s = {strong("Method agreement."), text(" " + method_agreement(c))};
  if (!c.same_winner) {
    const std::string first =
        methods_first_under(c, [&](const std::string& id) { return option_name(r, id); });
    if (!first.empty()) s.push_back(text(" First under: " + first + "."));
  }
  d.paragraph(std::move(s));
  if (!r.ranking.empty()) d.table(std::move(t));  // with every option excluded, nothing to show
}

}  // namespace

void record_robustness(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  if (!r.robustness && in.sensitivity == nullptr) return;
  d.heading(2, "robustness", {text("Robustness")});
  if (r.robustness) {
    std::vector<Spans> items;
    for (const auto& s : r.robustness->sentences) items.push_back({text(s)});
    d.list(std::move(items));
  }
  if (const Sensitivity* s = in.sensitivity) {
    if (!s->weights.empty()) {
      stability_table(*s, d);
      if (in.charts) d.chart(stability_chart(*s));
    }
    break_even_table(*s, d);
    if (in.charts && in.chart_sweep != nullptr) {
      d.chart(break_even_chart(*s, *in.chart_sweep));
    }
    if (s->smaa && s->smaa->samples > 0 && !s->smaa->winner.empty()) {
      smaa_table(*s->smaa, r, d);
      if (in.charts) d.chart(acceptability_chart(*s));
    }
    if (!s->near_tie.sentence.empty()) {
      d.paragraph({strong("Near-ties."), text(" " + s->near_tie.sentence)});
    }
  }
  if (in.methods != nullptr) methods_table(*in.methods, r, d);
}

void record_sources(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  if (r.sources.empty()) return;
  d.heading(2, "sources", {text("Sources")});
  doc::Table t{{"Id", "Title", "Date", "Age"}, {false, false, false, false}, {}};
  std::vector<std::string> old;
  for (const auto& s : r.sources) {
    std::string age = "-";
    if (const auto days = days_between(s.date, in.date)) {
      age = *days > 365 ? fmt::format("older than a year ({} days)", *days) : "within a year";
      if (*days > 365) old.push_back(s.id);
    }
    Spans title = {doc::link(s.title.empty() ? s.id : s.title, s.url)};
    if (!s.note.empty()) title.push_back(text(" (" + s.note + ")"));
    t.rows.push_back({{code(s.id)}, title, {text(s.date.empty() ? "-" : s.date)}, {text(age)}});
  }
  for (const auto& i : r.inputs) {
    const auto days = days_between(i.as_of, in.date);
    if (days && *days > 365) old.push_back(i.name + " (as of " + i.as_of + ")");
  }
  d.table(std::move(t));
  if (in.date.empty()) {
    d.paragraph(
        {text("The record has no date, so the age of the sources is not judged (give the "
              "assessment a date, or pass --date).")});
  } else if (!old.empty()) {
    d.paragraph({strong("Warning:"),
                 text(" figures older than a year at the record's date (" + in.date +
                      "): " + join_names(old) + ". Check them before relying on the result.")});
  } else {
    d.paragraph(
        {text("Every dated source and figure is less than a year old at " + in.date + ".")});
  }
}

doc::Document decision_record(const RecordInput& in) {
  doc::Document d;
  record_header(in, d);
  record_context(in, d);
  record_drivers(in, d);
  record_options(in, d);
  record_outcome(in, d);
  record_consequences(in, d);
  if (in.charts) d.raw_html(what_if_panel(in.r));
  record_pros_cons(in, d);
  record_rules(in, d);
  record_robustness(in, d);
  record_sources(in, d);
  record_appendix(in, d);
  return d;
}

}  // namespace tradeoff::detail
