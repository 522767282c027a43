// Sweeps (tradeoff/sensitivity.hpp): every option's score, eligibility and the winner at evenly
// spaced values of one weight (as stated, before the rules) or of one numeric input (over its
// declared range, evenly or geometrically spaced), for charts. Takes an Evaluator; gives a Sweep.
#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/break_even.hpp"
#include "analysis/stability.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff {

namespace {

Sweep start(const Evaluator& ev, Sweep::Kind kind, const std::string& id, size_t points) {
  if (points < 2) throw std::invalid_argument("a sweep needs at least 2 points");
  Sweep s;
  s.kind = kind;
  s.id = id;
  for (size_t i = 0; i < ev.option_count(); ++i) s.options.push_back(ev.option_id(i));
  s.at.reserve(points);
  s.score.reserve(points);
  s.eligible.reserve(points);
  s.winner.reserve(points);
  return s;
}

/// Runs at the values set and records the point: a run that fails has no option eligible.
void record(Evaluator& ev, double at, Sweep& s) {
  const size_t n = ev.option_count();
  const bool ran = detail::try_run(ev);
  s.at.push_back(at);
  s.score.emplace_back(n, 0.0);
  s.eligible.emplace_back(n, false);
  s.winner.push_back(ran ? detail::winner_id(ev, ev.winner()) : std::string());
  if (!ran) return;
  for (size_t i = 0; i < n; ++i) {
    s.score.back()[i] = ev.score(i);
    s.eligible.back()[i] = ev.eligible(i);
  }
}

}  // namespace

Sweep sweep_weight(Evaluator& ev, size_t criterion, size_t points, std::optional<double> high) {
  Sweep s = start(ev, Sweep::Kind::Weight, ev.criterion_id(criterion), points);
  ev.run();  // the stated weight is read back from a run
  const detail::RestoreOnExit restore(ev);
  const double top = high ? *high : std::max(1.0, 3 * ev.stated_weight(criterion));
  if (!(top > 0) || !std::isfinite(top)) {
    throw std::invalid_argument("a weight sweep needs a finite positive upper end");
  }
  const double last = static_cast<double>(points - 1);
  for (size_t t = 0; t < points; ++t) {
    const double x = t + 1 == points ? top : top * static_cast<double>(t) / last;
    ev.set_weight(criterion, x);
    record(ev, x, s);
  }
  return s;
}

Sweep sweep_input(Evaluator& ev, size_t input, size_t points) {
  const Input& in = ev.input_definition(input);
  Sweep s = start(ev, Sweep::Kind::Input, in.name, points);
  const auto range = detail::scan_range(in);
  if (!range) {
    throw std::invalid_argument("input '" + in.name +
                                "' is not a number or an integer with a declared min and max");
  }
  const detail::RestoreOnExit restore(ev);
  for (double x : detail::scan_values(*range, points)) {
    ev.set_input(input, x);
    record(ev, x, s);
  }
  return s;
}

Sweep sweep_input_log(Evaluator& ev, size_t input, size_t points) {
  const Input& in = ev.input_definition(input);
  Sweep s = start(ev, Sweep::Kind::Input, in.name, points);
  const auto range = detail::scan_range(in);
  if (!range || !(range->high > 0)) {
    throw std::invalid_argument("input '" + in.name +
                                "' is not a number or an integer with a declared min and a "
                                "positive max");
  }
  const double low = std::max(range->low, range->high / 1e4);
  const double ratio = std::log(range->high / low);
  const double last = static_cast<double>(points - 1);
  const detail::RestoreOnExit restore(ev);
  for (size_t t = 0; t < points; ++t) {
    double x =
        t + 1 == points ? range->high : low * std::exp(ratio * static_cast<double>(t) / last);
    if (range->integer) x = std::max(std::round(x), std::ceil(low));
    if (!s.at.empty() && !(x > s.at.back())) continue;
    ev.set_input(input, x);
    record(ev, x, s);
  }
  return s;
}

}  // namespace tradeoff
