// Input break-even points (tradeoff/sensitivity.hpp). Takes an Evaluator; gives, for each input
// that can change the winner, where along its declared range the winner changes (numbers and
// integers) or who wins under each value (booleans, choices, levels), and the break-even point
// nearest to the values given. Each probe re-runs the whole pipeline (formulas, rules, vetoes,
// weights): a step in a formula, a veto that fires, is found where it happens, not smoothed.
#include "analysis/break_even.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/stability.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff {

namespace detail {

std::optional<ScanRange> scan_range(const Input& input) {
  if (input.type != InputType::Number && input.type != InputType::Integer) return std::nullopt;
  if (!input.min || !input.max) return std::nullopt;
  ScanRange r{*input.min, *input.max, input.type == InputType::Integer};
  if (r.integer) {
    r.low = std::ceil(r.low);
    r.high = std::floor(r.high);
  }
  if (!(r.high > r.low) || !std::isfinite(r.high - r.low)) return std::nullopt;
  return r;
}

std::vector<double> scan_values(const ScanRange& range, size_t points) {
  std::vector<double> values;
  values.reserve(points);
  const double last = static_cast<double>(points - 1);
  for (size_t t = 0; t < points; ++t) {
    const double f = static_cast<double>(t) / last;
    // A mix of the ends, not low + f x (high - low): the ends are hit exactly.
    double x = t + 1 == points ? range.high : (1 - f) * range.low + f * range.high;
    if (range.integer) x = std::round(x);
    if (values.empty() || x > values.back()) values.push_back(x);
  }
  return values;
}

}  // namespace detail

namespace {

using detail::probe_winner;
using detail::ScanRange;
using detail::winner_id;

// 200 steps over the range (201 evenly spaced probes, both ends included), plus the current
// value; each change of winner is then bisected to 0.1% of the value where it happens.
constexpr size_t kSteps = 200;
constexpr double kTolerance = 1e-3;
// Changes found between two neighbouring probes, one after the other (a third option can win
// for a while between two others); a bound that no real framework reaches.
constexpr int kMaxChangesPerStep = 64;

/// Every change of winner between `a` (won by `wa`) and `b` (won by `wb`): bisects to the first
/// change, then goes on from there while the winner is not yet `wb`. Integers are bisected to
/// neighbouring whole numbers; a number's change is reported mid-way between the last probe
/// of the old winner and the first of the new, an integer's at the first of the new.
void changes(Evaluator& ev, size_t input, const ScanRange& r, double a, double b, size_t wa,
             size_t wb, std::vector<BreakEven>& out) {
  // A number's change is bisected to 0.1% of its value there (a budget that matters at
  // $5,000 in a range up to $1e9 is found near $5,000), and never finer than 1e-9 of the range.
  const double floor = 1e-9 * (r.high - r.low);
  for (int n = 0; n < kMaxChangesPerStep && wa != wb; ++n) {
    double in = a;
    double past = b;
    size_t w_past = wb;
    const auto tolerance = [&] {
      return r.integer ? 1.0
                       : std::max(floor, kTolerance * std::max(std::fabs(in), std::fabs(past)));
    };
    while (past - in > tolerance()) {
      const double mid = r.integer ? std::floor(0.5 * (in + past)) : 0.5 * (in + past);
      if (!(mid > in && mid < past)) break;  // no double (or whole number) left between
      ev.set_input(input, mid);
      const size_t w = probe_winner(ev);
      if (w == wa) {
        in = mid;
      } else {
        past = mid;
        w_past = w;
      }
    }
    out.push_back({r.integer ? past : 0.5 * (in + past), winner_id(ev, wa), winner_id(ev, w_past)});
    a = past;
    wa = w_past;
  }
}

InputSensitivity numeric(Evaluator& ev, size_t input, const ScanRange& r) {
  const Input& in = ev.input_definition(input);
  InputSensitivity s;
  s.input = in.name;
  s.unit = in.unit;
  s.type = in.type;
  s.current = ev.input(input);
  s.low = r.low;
  s.high = r.high;
  std::vector<double> values = detail::scan_values(r, kSteps + 1);
  const bool whole = !r.integer || s.current == std::round(s.current);
  if (s.current > r.low && s.current < r.high && whole) {
    const auto at = std::lower_bound(values.begin(), values.end(), s.current);
    if (*at != s.current) values.insert(at, s.current);
  }
  std::vector<size_t> winners(values.size());
  for (size_t k = 0; k < values.size(); ++k) {
    ev.set_input(input, values[k]);
    winners[k] = probe_winner(ev);
  }
  for (size_t k = 1; k < values.size(); ++k) {
    if (winners[k] == winners[k - 1]) continue;
    changes(ev, input, r, values[k - 1], values[k], winners[k - 1], winners[k], s.points);
  }
  ev.set_input(input, s.current);
  return s;
}

InputSensitivity discrete(Evaluator& ev, size_t input) {
  const Input& in = ev.input_definition(input);
  InputSensitivity s;
  s.input = in.name;
  s.unit = in.unit;
  s.type = in.type;
  s.current = ev.input(input);
  const size_t count = in.type == InputType::Boolean ? 2 : in.values.size();
  for (size_t v = 0; v < count; ++v) {
    const auto value = static_cast<double>(v);
    ev.set_input(input, value);
    s.winners.emplace_back(in.display(value), winner_id(ev, probe_winner(ev)));
  }
  ev.set_input(input, s.current);
  return s;
}

}  // namespace

std::vector<InputSensitivity> input_break_even(Evaluator& ev) {
  detail::try_run(ev);  // values that fail here are "no winner" at the current value
  const detail::RestoreOnExit restore(ev);
  std::vector<InputSensitivity> out;
  for (size_t k = 0; k < ev.input_count(); ++k) {
    const Input& in = ev.input_definition(k);
    if (in.type == InputType::Number || in.type == InputType::Integer) {
      if (const auto r = detail::scan_range(in)) out.push_back(numeric(ev, k, *r));
    } else {
      out.push_back(discrete(ev, k));
    }
  }
  return out;
}

std::optional<NearestBreakEven> nearest_break_even(const std::vector<InputSensitivity>& inputs) {
  std::optional<NearestBreakEven> best;
  for (const auto& in : inputs) {
    if (!(in.high > in.low)) continue;
    for (const auto& p : in.points) {
      const double distance = std::fabs(p.value - in.current) / (in.high - in.low);
      if (!best || distance < best->distance) best = NearestBreakEven{in.input, p, distance};
    }
  }
  return best;
}

}  // namespace tradeoff
