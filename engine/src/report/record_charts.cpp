// The HTML record's charts, drawn from the evaluation and its analyses with report/svg.hpp.
#include <algorithm>
#include <cmath>
#include <limits>

#include "report/record.hpp"
#include "report/renderers.hpp"
#include "report/svg.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::string criterion_name(const Result& r, const std::string& id) {
  const int j = r.criterion_index(id);
  return j >= 0 ? r.criteria[static_cast<size_t>(j)].name : id;
}

/// How much the options' scores move along a sweep: the sum over the options of the range of
/// their scores where they are eligible.
double movement(const Sweep& w) {
  double total = 0;
  for (size_t o = 0; o < w.options.size(); ++o) {
    double hi = -INFINITY;
    double lo = INFINITY;
    for (size_t p = 0; p < w.at.size(); ++p) {
      if (!w.eligible[p][o]) continue;
      hi = std::max(hi, w.score[p][o]);
      lo = std::min(lo, w.score[p][o]);
    }
    if (hi >= lo) total += hi - lo;
  }
  return total;
}

}  // namespace

const Sweep* sweep_to_draw(const Sensitivity& s) {
  const Sweep* best = nullptr;
  double most = -1;
  for (const auto& w : s.sweeps) {
    if (w.kind != Sweep::Kind::Input) continue;
    const double m = movement(w);
    if (m > most) {
      most = m;
      best = &w;
    }
  }
  return best;
}

std::string contributions_chart(const Result& r) {
  if (r.ranking.empty()) return "";
  svg::StackedBars c;
  c.title = "Each option's score, by criterion";
  c.axis_label = "contribution to the score";
  for (const auto& e : r.ranking) c.categories.push_back(option_name(r, e.option));
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    svg::Series s{r.criteria[j].name, {}};
    for (const auto& e : r.ranking) s.values.push_back(r.option(e.option)->contribution[j]);
    c.segments.push_back(std::move(s));
  }
  return svg::stacked_bars(c);
}

std::string weights_chart(const Result& r) {
  if (r.criteria.empty()) return "";
  svg::Bars c;
  c.title = "Weights";
  c.axis_label = "share of the total weight";
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    c.categories.push_back(r.criteria[j].name);
    c.values.push_back(r.criteria[j].normalized_weight);
    if (r.robustness && r.robustness->flip && r.robustness->flip->criterion == r.criteria[j].id) {
      c.highlight = j;
    }
  }
  return svg::bars(c);
}

std::string stability_chart(const Sensitivity& s) {
  const Result& r = s.result;
  if (s.weights.empty() || r.explanation.winner.empty()) return "";
  svg::Tornado c;
  c.title = "Weight stability: where " + option_name(r, r.explanation.winner) + " stays first";
  c.axis_label = "weight (the other weights as they are)";
  double top = 0;
  for (const auto& w : s.weights) {
    top = std::max(top, 2 * w.weight);
    if (w.weight_high && std::isfinite(*w.weight_high)) top = std::max(top, *w.weight_high);
  }
  c.axis_max = top > 0 ? top * 1.05 : 1;
  for (const auto& w : s.weights) {
    svg::TornadoRow row;
    row.label = criterion_name(r, w.criterion);
    row.low = w.weight_low;
    row.high = w.weight_high;
    row.current = w.weight;
    if (!w.winner_below.empty()) row.low_label = option_name(r, w.winner_below) + " below";
    if (!w.winner_above.empty()) row.high_label = option_name(r, w.winner_above) + " above";
    c.rows.push_back(std::move(row));
  }
  return svg::tornado(c);
}

std::string break_even_chart(const Sensitivity& s, const Sweep& sweep) {
  const Result& r = s.result;
  const Sweep* w = &sweep;
  if (w->at.size() < 2) return "";
  std::string unit;
  for (const auto& i : r.inputs) {
    if (i.name == w->id) unit = i.unit;
  }
  svg::Lines c;
  c.title = "Scores against " + w->id;
  c.x_label = unit.empty() ? w->id : w->id + " (" + unit + ")";
  c.y_label = "score (" + r.method_title + ")";
  c.x = w->at;
  for (size_t o = 0; o < w->options.size(); ++o) {
    svg::Series line{option_name(r, w->options[o]), {}};
    for (size_t p = 0; p < w->at.size(); ++p) {
      line.values.push_back(w->eligible[p][o] ? w->score[p][o] : kMissing);
    }
    c.lines.push_back(std::move(line));
  }
  for (const auto& in : s.inputs) {
    if (in.input != w->id) continue;
    for (const auto& p : in.points) {
      c.markers.push_back(
          {p.value, (p.after.empty() ? "none" : option_name(r, p.after)) + " from here"});
    }
  }
  const double lo = w->at.front();
  const double hi = w->at.back();
  c.log_x = lo > 0 && hi / lo >= 100;
  return svg::lines(c);
}

std::string acceptability_chart(const Sensitivity& s) {
  if (!s.smaa || s.smaa->samples == 0) return "";
  const Result& r = s.result;
  svg::Acceptability c;
  c.title = "Rank acceptability (" + quantity(static_cast<double>(s.smaa->samples)) + " samples)";
  for (const auto& o : s.smaa->options) {
    double ranked = 0;
    for (double p : o.rank_acceptability) ranked += p;
    if (ranked <= 0) continue;  // excluded in every sample
    c.options.push_back(option_name(r, o.option));
    c.shares.push_back(o.rank_acceptability);
  }
  // No rank past the last one any sample gave (options excluded throughout take none).
  size_t ranks = 0;
  for (const auto& shares : c.shares) {
    for (size_t k = 0; k < shares.size(); ++k) {
      if (shares[k] > 0) ranks = std::max(ranks, k + 1);
    }
  }
  for (auto& shares : c.shares) shares.resize(std::min(shares.size(), ranks));
  return svg::acceptability(c);
}

}  // namespace tradeoff::detail
