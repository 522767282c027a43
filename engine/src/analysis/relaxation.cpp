// The nearest single-input change that admits an option: see analysis/relaxation.hpp.
#include "analysis/relaxation.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "analysis/break_even.hpp"
#include "expr/ast.hpp"

namespace tradeoff::detail {

namespace {

/// The names the exclusions read, derived values expanded into what they are computed from.
std::set<std::string> names_read(const Framework& fw, const Result& result) {
  std::set<std::string> names;
  const auto read = [&](const Expression& e) {
    if (!e.tree) return;
    for (const auto& n : expr::names_in(*e.tree)) names.insert(n);
  };
  for (size_t r = 0; r < fw.rules.size() && r < result.rules.size(); ++r) {
    if (!result.rules[r].fired) continue;
    for (const auto& e : fw.rules[r].effects) {
      if (e.kind == Effect::Kind::Veto) read(fw.rules[r].when);
    }
  }
  for (const auto& c : fw.criteria) {
    if (!c.limit) continue;
    if (c.limit->min) read(*c.limit->min);
    if (c.limit->max) read(*c.limit->max);
    for (const auto& o : fw.options) {
      const Score* s = o.score(c.id);
      if (s != nullptr && s->formula) read(*s->formula);
    }
    for (const auto& rule : fw.rules) {
      for (const auto& e : rule.effects) {
        if (e.criterion != c.id || e.kind == Effect::Kind::WeightMultiply ||
            e.kind == Effect::Kind::WeightSet) {
          continue;
        }
        read(rule.when);
        if (e.value) read(*e.value);
      }
    }
  }
  // Derived values: what they are computed from, until only inputs are left.
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& d : fw.derived) {
      if (names.count(d.name) == 0 || !d.formula.tree) continue;
      for (const auto& n : expr::names_in(*d.formula.tree)) grew |= names.insert(n).second;
    }
  }
  return names;
}

bool admits(Evaluator& ev) {
  try {
    ev.run();
  } catch (const Error&) {
    return false;  // a value the formulas cannot take admits nothing
  }
  return !ev.order().empty();
}

struct Found {
  double value = 0;
  double change = 0;
};

/// `t` to the fewest significant digits (two at least) that still admit.
double nice(Evaluator& ev, size_t k, double from, double t, double bound) {
  const bool up = t > from;
  for (int digits = 2; digits <= 6 && t != 0; ++digits) {
    const double unit = std::pow(10.0, std::floor(std::log10(std::fabs(t))) - digits + 1);
    // The nearest round value first (the threshold itself, often), then the next one out.
    for (const double r :
         {std::round(t / unit) * unit, (up ? std::ceil(t / unit) : std::floor(t / unit)) * unit}) {
      if ((up ? r > bound || r <= from : r < bound || r >= from)) continue;
      ev.set_input(k, r);
      if (admits(ev)) return r;
    }
  }
  return t;
}

/// The nearest admitting value of a number or integer input, scanning each way from `from`
/// to the end of its declared range, then bisecting to the threshold.
std::optional<Found> search_number(Evaluator& ev, size_t k, const ScanRange& range, double from) {
  constexpr int kSteps = 128;
  std::optional<Found> best;
  for (const double bound : {range.high, range.low}) {
    if (bound == from) continue;
    double bad = from;
    for (int s = 1; s <= kSteps; ++s) {
      double x = from + (bound - from) * s / kSteps;
      if (range.integer) x = bound > from ? std::ceil(x) : std::floor(x);
      if (x == bad) continue;
      ev.set_input(k, x);
      if (!admits(ev)) {
        bad = x;
        continue;
      }
      double good = x;
      for (int it = 0; it < 60 && std::fabs(good - bad) > (range.integer ? 1.0 : 0.0); ++it) {
        double mid = bad + (good - bad) / 2;
        if (range.integer) mid = bound > from ? std::ceil(mid) : std::floor(mid);
        if (mid == good || mid == bad) break;
        ev.set_input(k, mid);
        (admits(ev) ? good : bad) = mid;
      }
      if (!range.integer) good = nice(ev, k, from, good, bound);
      const double change = std::fabs(good - from) / (range.high - range.low);
      if (!best || change < best->change) best = Found{good, change};
      break;
    }
  }
  return best;
}

/// The nearest admitting value of a boolean, a choice or a level.
std::optional<Found> search_values(Evaluator& ev, size_t k, const Input& input, double from) {
  const size_t count = input.type == InputType::Boolean ? 2 : input.values.size();
  std::vector<size_t> order;
  for (size_t v = 0; v < count; ++v) {
    if (static_cast<double>(v) != from) order.push_back(v);
  }
  const auto distance = [&](size_t v) { return std::fabs(static_cast<double>(v) - from); };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return distance(a) < distance(b); });
  for (const size_t v : order) {
    ev.set_input(k, static_cast<double>(v));
    if (!admits(ev)) continue;
    const double span = input.type == InputType::Level ? static_cast<double>(count - 1) : 1.0;
    return Found{static_cast<double>(v), distance(v) / std::max(1.0, span)};
  }
  return std::nullopt;
}

}  // namespace

std::vector<Relaxation> find_relaxations(const Framework& fw, Evaluator& ev, const Result& result,
                                         size_t limit) {
  const std::set<std::string> names = names_read(fw, result);
  std::vector<Relaxation> out;
  for (size_t k = 0; k < ev.input_count(); ++k) {
    if (names.count(ev.input_name(k)) == 0) continue;
    const Input& input = ev.input_definition(k);
    const double from = ev.input(k);
    std::optional<Found> found;
    if (input.type == InputType::Number || input.type == InputType::Integer) {
      if (const auto range = scan_range(input)) found = search_number(ev, k, *range, from);
    } else {
      found = search_values(ev, k, input, from);
    }
    if (found) {
      ev.set_input(k, found->value);
      if (admits(ev)) {
        Relaxation r{input.name,
                     input.unit,
                     input.display(from),
                     input.display(found->value),
                     found->value,
                     found->change,
                     {}};
        for (const size_t i : ev.order()) r.admits.push_back(ev.option_id(i));
        out.push_back(std::move(r));
      }
    }
    ev.set_input(k, from);
  }
  ev.reset();
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.change < b.change; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::string describe(const Relaxation& r) {
  std::string admitted;
  for (size_t k = 0; k < r.admits.size(); ++k) {
    admitted += (k == 0 ? "" : k + 1 == r.admits.size() ? " and " : ", ") + r.admits[k];
  }
  const std::string unit = r.unit.empty() ? "" : " " + r.unit;
  return fmt::format("Setting {} to {}{} (now {}) would admit {}.", r.input, r.to, unit, r.from,
                     admitted);
}

}  // namespace tradeoff::detail
