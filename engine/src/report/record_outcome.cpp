// The decision record's outcome: the chosen option and why, the consequences, the pros and cons
// of every option, and the rules that fired.
#include <algorithm>
#include <cmath>

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

/// Options whose pros and cons the record lists, best first.
constexpr size_t kProsConsOptions = 40;

/// "A (+0.081), B (+0.020)": the first `n` drivers with their contribution differences.
std::string drivers_text(const Result& r, const std::vector<Driver>& list, size_t n) {
  std::vector<std::string> parts;
  for (size_t k = 0; k < list.size() && k < n; ++k) {
    const int j = r.criterion_index(list[k].criterion);
    const std::string name = j >= 0 ? r.criteria[static_cast<size_t>(j)].name : list[k].criterion;
    parts.push_back(name + " (" + signed_fixed(list[k].difference, 3) + ")");
  }
  return join_names(parts);
}

void ranking_table(const Result& r, doc::Document& d) {
  doc::Table t{{"Rank", "Option", "Score", "Behind the winner"}, {true, false, true, true}, {}};
  const double best = r.ranking.empty() ? 0 : r.ranking.front().score;
  for (const auto& e : r.ranking) {
    t.rows.push_back({{text(std::to_string(e.rank))},
                      {text(option_name(r, e.option) + " "), code(e.option)},
                      {text(fixed(e.score, 4))},
                      {text(fixed(std::abs(best - e.score), 4))}});
  }
  d.table(std::move(t));
}

void why_section(const Result& r, doc::Document& d) {
  const Explanation& e = r.explanation;
  if (e.runner_up.empty()) return;
  d.heading(3, "why", {text("Why " + option_name(r, e.winner) + " ranks first")});
  const OptionResult* w = r.option(e.winner);
  const OptionResult* u = r.option(e.runner_up);
  Spans s = {text(fmt::format(
      "Under the {}, {} scores {} and {}, the runner-up, {} (a margin of "
      "{}; {} is better).",
      r.method_title, option_name(r, e.winner), fixed(w->score, 4), option_name(r, e.runner_up),
      fixed(u->score, 4), fixed(e.margin, 4), r.higher_is_better ? "higher" : "lower"))};
  if (!e.decisive.empty()) {
    s.push_back(text(" Its lead comes from " + drivers_text(r, e.decisive, 3) + "."));
  }
  if (!e.trailing.empty()) {
    s.push_back(text(" It gives up " + drivers_text(r, e.trailing, 3) + "."));
  }
  d.paragraph(std::move(s));
  doc::Table t{{"Criterion", e.winner, e.runner_up, "Difference"}, {false, true, true, true}, {}};
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    t.rows.push_back({{text(r.criteria[j].name)},
                      {text(fixed(w->contribution[j], 4))},
                      {text(fixed(u->contribution[j], 4))},
                      {text(signed_fixed(w->contribution[j] - u->contribution[j], 4))}});
  }
  d.paragraph({text("Contributions (" + r.contribution_meaning + "), winner against runner-up:")});
  d.table(std::move(t));
}

/// An option's standing on one criterion against every option: "best", "worst", or "".
struct Standing {
  size_t criterion = 0;
  bool best = false;
  bool worst = false;
  size_t tied = 0;  ///< other options with the same score there
};

/// Each criterion's highest and lowest raw score over every option, found once for all the
/// options' pros and cons.
struct Extremes {
  std::vector<double> hi;
  std::vector<double> lo;

  explicit Extremes(const Result& r)
      : hi(r.criteria.size(), -INFINITY), lo(r.criteria.size(), INFINITY) {
    for (const auto& o : r.options) {
      for (size_t j = 0; j < r.criteria.size(); ++j) {
        hi[j] = std::max(hi[j], o.raw[j]);
        lo[j] = std::min(lo[j], o.raw[j]);
      }
    }
  }
};

/// Where `o` is best or worst of all options on a criterion that carries weight and tells the
/// options apart, by raw score in the criterion's direction; heaviest criteria first.
std::vector<Standing> standings(const Result& r, const Extremes& x, const OptionResult& o) {
  std::vector<Standing> out;
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    if (r.criteria[j].normalized_weight <= 0) continue;
    if (!(x.hi[j] > x.lo[j])) continue;  // every option alike: no pro, no con
    const bool benefit = r.criteria[j].direction == Direction::Benefit;
    const double v = o.raw[j];
    const bool at_hi = v >= x.hi[j] - 1e-12 * std::abs(x.hi[j]);
    const bool at_lo = v <= x.lo[j] + 1e-12 * std::abs(x.lo[j]);
    Standing s{j, benefit ? at_hi : at_lo, benefit ? at_lo : at_hi, 0};
    if (!s.best && !s.worst) continue;
    for (const auto& other : r.options) {
      if (&other != &o && other.raw[j] == v) ++s.tied;
    }
    out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [&](const Standing& a, const Standing& b) {
    return r.criteria[a.criterion].normalized_weight > r.criteria[b.criterion].normalized_weight;
  });
  return out;
}

std::string standing_text(const Result& r, const OptionResult& o, const Standing& s) {
  const CriterionResult& c = r.criteria[s.criterion];
  const std::string tied = s.tied == 0   ? ""
                           : s.tied == 1 ? " (tied with one other)"
                                         : fmt::format(" (tied with {} others)", s.tied);
  return fmt::format("{} on {} of the {} options{}: {} (weight share {})",
                     s.best ? "best" : "worst", lower_first(c.name), r.options.size(), tied,
                     with_unit(o.raw[s.criterion], c.unit), fixed(c.normalized_weight, 3));
}

}  // namespace

void record_outcome(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  const Explanation& e = r.explanation;
  d.heading(2, "outcome", {text("Decision outcome")});
  if (e.winner.empty()) {
    // The summary names the exclusions and the smallest relaxations that would admit an option.
    d.paragraph({strong("No option can be chosen."), text(" " + e.summary)});
    return;
  }
  d.paragraph({text("Chosen option: "), strong(option_name(r, e.winner)), text(" ("),
               code(e.winner), text("), because " + lower_first(e.summary))});
  ranking_table(r, d);
  if (in.charts) d.chart(contributions_chart(r));
  why_section(r, d);
  std::vector<Spans> notes;
  for (const auto& n : r.notes)
    notes.push_back({text(n.text + " (rule "), code(n.rule), text(")")});
  if (!notes.empty()) {
    d.heading(3, "recommendations", {text("Recommendations of the rules")});
    d.list(std::move(notes));
  }
}

void record_consequences(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  d.heading(3, "consequences", {text("Consequences")});
  if (!r.record.consequences.empty()) {
    d.paragraph({text(r.record.consequences)});
    return;
  }
  const Explanation& e = r.explanation;
  if (e.winner.empty()) {
    d.paragraph({text("None: no option is chosen.")});
    return;
  }
  d.paragraph({doc::emph("Derived from the evaluation: the assessment states no consequences.")});
  std::vector<Spans> items;
  const OptionResult* w = r.option(e.winner);
  for (const Standing& s : standings(r, Extremes(r), *w)) {
    items.push_back({text((s.best ? "Good, because it is " : "Bad, because it is ") +
                          standing_text(r, *w, s) + ".")});
  }
  for (const auto& n : r.notes) items.push_back({text("Follow-up: " + n.text)});
  if (r.robustness && r.robustness->near_tie.near) {
    items.push_back({text("Risk: " + r.robustness->near_tie.sentence)});
  }
  d.list(std::move(items));
}

void record_pros_cons(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  d.heading(2, "pros-and-cons", {text("Pros and cons of the options")});
  d.paragraph(
      {text("Each option's strengths and weaknesses against all the others: where it "
            "is best or worst of all options on a criterion that carries weight, "
            "heaviest criteria first.")});
  const Extremes extremes(r);
  const auto options = options_by_rank(r);
  // A spreadsheet-sized matrix keeps the record readable: the leaders, and the rest in the
  // appendix's tables.
  const size_t shown = std::min(options.size(), kProsConsOptions);
  for (size_t k = 0; k < shown; ++k) {
    const OptionResult* o = options[k];
    d.heading(3, "option-" + o->id, {text(o->name + " "), code(o->id)});
    Spans head;
    if (o->rank > 0) {
      head.push_back(text(
          fmt::format("Rank {} of {}, score {}.", o->rank, r.ranking.size(), fixed(o->score, 4))));
    }
    for (const auto& v : r.vetoed) {
      if (v.option == o->id) head.push_back(text("Excluded by " + v.by() + ": " + v.because));
    }
    if (!o->description.empty()) head.push_back(text(" " + o->description));
    d.paragraph(std::move(head));
    std::vector<Spans> items;
    for (const Standing& s : standings(r, extremes, *o)) {
      items.push_back({text((s.best ? "Good, because it is " : "Bad, because it is ") +
                            standing_text(r, *o, s) + ".")});
    }
    if (items.empty()) items.push_back({text("Neither best nor worst on any criterion.")});
    d.list(std::move(items));
  }
  if (shown < options.size()) {
    d.paragraph({text(fmt::format("The other {} options are in the appendix's tables.",
                                  options.size() - shown))});
  }
}

void record_rules(const RecordInput& in, doc::Document& d) {
  const Result& r = in.r;
  if (r.rules.empty() && r.vetoed.empty()) return;
  d.heading(2, "rules", {text("Rules and exclusions")});
  std::vector<Spans> fired;
  std::vector<Spans> quiet;
  for (const auto& t : r.rules) {
    if (!t.fired) {
      quiet.push_back({code(t.id), text(" when "), code(t.when)});
      continue;
    }
    Spans s = {strong("Fired"), text(" "), code(t.id), text(" when "), code(t.when)};
    if (!t.bindings.empty()) s.push_back(text(" (" + bindings_text(t) + ")"));
    s.push_back(text(": " + t.because));
    std::string effects;
    for (const auto& ef : t.effects) effects += (effects.empty() ? " Effects: " : "; ") + ef.text;
    if (!effects.empty()) s.push_back(text(effects + (effects.back() == '.' ? "" : ".")));
    fired.push_back(std::move(s));
  }
  d.list(std::move(fired));
  std::vector<Spans> excluded;
  for (const auto& v : r.vetoed) {
    excluded.push_back(
        {text("Excluded "), code(v.option), text(" by " + v.by() + ": " + v.because)});
  }
  d.list(std::move(excluded));
  if (!quiet.empty()) {
    d.paragraph({text("Rules that did not fire:")});
    d.list(std::move(quiet));
  }
}

}  // namespace tradeoff::detail
