// Weight stability (tradeoff/sensitivity.hpp). Takes an Evaluator that has run; gives, per
// criterion, the shares of its weight (the others rescaled in proportion) over which the winner
// and the whole ranking stay, who takes over past each end, and the smallest single weight
// change that flips the winner. The weighted sum is solved in closed form and checked with the
// evaluator; other methods are scanned and bisected. Also the probes the analyses share
// (analysis/stability.hpp).
#include "analysis/stability.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "tradeoff/error.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff {

namespace detail {

bool try_run(Evaluator& ev) {
  try {
    ev.run();
    return true;
  } catch (const Error&) {
    return false;
  }
}

size_t probe_winner(Evaluator& ev) { return try_run(ev) ? ev.winner() : Evaluator::npos; }

std::string winner_id(const Evaluator& ev, size_t option) {
  return option == Evaluator::npos ? std::string() : ev.option_id(option);
}

RestoreOnExit::~RestoreOnExit() {
  ev_.reset();
  // The compiled values ran before the analysis; should they fail now, the caller's next
  // run() reports it, located, which a destructor cannot.
  try_run(ev_);
}

}  // namespace detail

namespace {

using detail::try_run;
constexpr size_t npos = Evaluator::npos;

constexpr int kSteps = 200;               // the scan of the share, for methods other than WSM
constexpr double kShareTolerance = 1e-6;  // bisection, in the share
// How far past a closed-form crossing the evaluator checks who wins: well inside the bisection
// tolerance, and wide enough that the scores differ by more than the ranking's tie tolerance
// (1e-9 of the scores) for any crossing that is not nearly parallel.
constexpr double kCheckStep = 0.5 * kShareTolerance;
// The top of the share is a limit: a share of 1 - 1e-6 is a weight a million times the others'
// together. A change of winner only beyond it (say a tie at share 1, broken by id) counts as
// none, in closed form and in the scan alike.
constexpr double kTop = 1 - kShareTolerance;
// A weight a rule sets cannot move; its share is moved through the others, which reaches every
// share but exactly 0 or 1: those are approached to within this.
constexpr double kEdge = 1e-12;

/// How the weights as used follow the stated ones. A rule's weight effect multiplies (the used
/// weight is a fixed multiple of the stated one) or sets it (the used weight no longer follows
/// the stated one); which of the two is found by stating every weight as 1, then as 2.
struct Layout {
  std::vector<double> used;        ///< per criterion: after the rules, at the values given
  std::vector<double> share;       ///< per criterion: normalised, at the values given
  std::vector<double> multiplier;  ///< used / stated; 0 when a rule sets the weight
};

std::optional<Layout> weights_layout(Evaluator& ev) {
  const size_t m = ev.criterion_count();
  Layout l;
  l.used.resize(m);
  l.share.resize(m);
  l.multiplier.assign(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    l.used[j] = ev.weight_after_rules(j);
    l.share[j] = ev.weight(j);
  }
  std::vector<double> at_one(m);
  for (size_t j = 0; j < m; ++j) ev.set_weight(j, 1);
  if (!try_run(ev)) return std::nullopt;
  for (size_t j = 0; j < m; ++j) at_one[j] = ev.weight_after_rules(j);
  for (size_t j = 0; j < m; ++j) ev.set_weight(j, 2);
  if (!try_run(ev)) return std::nullopt;
  for (size_t j = 0; j < m; ++j) {
    const double at_two = ev.weight_after_rules(j);
    const bool follows = at_one[j] > 0 && std::fabs(at_two - 2 * at_one[j]) <= 1e-12 * at_two;
    l.multiplier[j] = follows ? at_one[j] : 0.0;
  }
  return l;
}

/// One criterion's share, the others keeping their proportions, realised through the stated
/// weights: the criterion's own when it follows its stated weight, else the others'.
class Axis {
 public:
  Axis(Evaluator& ev, const Layout& layout, size_t k) : ev_(ev), l_(layout), k_(k) {
    for (size_t j = 0; j < l_.used.size(); ++j) {
      if (j == k_) continue;
      others_ += l_.used[j];
      fixed_other_ = fixed_other_ || (l_.multiplier[j] == 0 && l_.used[j] > 0);
    }
  }
  /// The sum of the other weights as used.
  double others() const { return others_; }
  /// False when no stated weight moves the share: a rule sets this weight to zero, or sets it
  /// and another weight too.
  bool movable() const { return l_.multiplier[k_] > 0 || (l_.used[k_] > 0 && !fixed_other_); }
  /// States the weights that give the criterion `share` (in [0, 1]) and the others the rest,
  /// in proportion to their weights as used. The scale is free unless a rule fixes a weight,
  /// which then fixes it.
  void set(double share) const {
    double scale = l_.used[k_] + others_;
    if (l_.multiplier[k_] == 0) {
      scale = l_.used[k_] / std::max(share, kEdge);
    } else if (fixed_other_) {
      scale = others_ / std::max(1 - share, kEdge);
    }
    for (size_t j = 0; j < l_.used.size(); ++j) {
      if (l_.multiplier[j] == 0) continue;
      const double target = j == k_ ? share : (1 - share) * l_.used[j] / others_;
      ev_.set_weight(j, scale * target / l_.multiplier[j]);
    }
  }

 private:
  Evaluator& ev_;
  const Layout& l_;
  size_t k_;
  double others_ = 0;
  bool fixed_other_ = false;
};

/// Runs the evaluator at a share and compares with the values given.
struct Probe {
  Evaluator& ev;
  const Axis& axis;
  size_t winner;                     ///< at the values given
  const std::vector<size_t>& order;  ///< at the values given
  size_t last_winner = npos;         ///< of the last probe; npos when it failed
  bool same_order = false;           ///< of the last probe

  void at(double share) {
    axis.set(share);
    if (!try_run(ev)) {
      last_winner = npos;
      same_order = false;
      return;
    }
    last_winner = ev.winner();
    same_order = ev.order() == order;
  }
  /// The winner (or, for `ranking`, the whole ranking) at `share` is the given one.
  bool holds(double share, bool ranking) {
    at(share);
    return ranking ? same_order : last_winner == winner;
  }
};

/// One end of an interval: the last share where it holds; whether anything changes past it
/// (false: the end is 0 or 1); who wins just past it.
struct End {
  double share = 0;
  bool changes = false;
  size_t past = npos;
};

struct Ends {
  End winner_low, winner_high, ranking_low, ranking_high;
};

/// Bisects between `in` (it holds) and `out` (it does not) to kShareTolerance.
End bisect(Probe& p, double in, double out, size_t out_winner, bool ranking) {
  while (std::fabs(out - in) > kShareTolerance) {
    const double mid = 0.5 * (in + out);
    if (p.holds(mid, ranking)) {
      in = mid;
    } else {
      out = mid;
      out_winner = p.last_winner;
    }
  }
  return {in, true, out_winner};
}

/// Scans the grid of kSteps from `s0` towards 0 (dir -1) or 1 (dir +1), and bisects the first
/// change of the ranking and of the winner. A change and a change back within one step of the
/// grid are not seen.
void scan_side(Probe& p, double s0, int dir, End& winner_end, End& ranking_end) {
  winner_end = {dir > 0 ? 1.0 : 0.0, false, npos};
  ranking_end = winner_end;
  double winner_ok = s0;
  double order_ok = s0;
  bool ranking_found = false;
  const double scaled = s0 * kSteps;
  int m =
      dir > 0 ? static_cast<int>(std::floor(scaled)) + 1 : static_cast<int>(std::ceil(scaled)) - 1;
  for (; m >= 0 && m <= kSteps; m += dir) {
    const double g = std::min(static_cast<double>(m) / kSteps, kTop);
    if (dir > 0 && g <= s0) break;  // s0 itself beyond the top: nothing left to scan
    p.at(g);
    const size_t at_g = p.last_winner;
    const bool same_order = p.same_order;
    if (!ranking_found && !same_order) {
      ranking_found = true;
      ranking_end = bisect(p, order_ok, g, at_g, true);
    }
    if (!ranking_found) order_ok = g;
    if (at_g != p.winner) {
      winner_end = bisect(p, winner_ok, g, at_g, false);
      return;
    }
    winner_ok = g;
  }
}

Ends scan(Probe& p, double s0) {
  Ends e;
  scan_side(p, s0, -1, e.winner_low, e.ranking_low);
  scan_side(p, s0, +1, e.winner_high, e.ranking_high);
  return e;
}

/// Ends at 0 and 1, past which nothing changes.
Ends unchanged() {
  Ends e;
  e.winner_high.share = 1;
  e.ranking_high.share = 1;
  return e;
}

/// The weighted sum of each eligible option (in the order given) as a line in the share,
/// base + share x slope: with the other weights in fixed proportions, every weight is linear in
/// the share, and the normalisation does not depend on the weights. Two runs find the lines.
struct Lines {
  std::vector<double> base;
  std::vector<double> slope;
  double tolerance = 0;  ///< slopes closer than this are parallel (rounding of the runs)
};

bool wsm_lines(Probe& p, Lines& lines) {
  const size_t n = p.order.size();
  std::vector<double> quarter(n);
  p.axis.set(0.25);  // two shares inside (0, 1), which every axis reaches exactly
  if (!try_run(p.ev)) return false;
  for (size_t x = 0; x < n; ++x) quarter[x] = p.ev.score(p.order[x]);
  p.axis.set(0.75);
  if (!try_run(p.ev)) return false;
  lines.base.resize(n);
  lines.slope.resize(n);
  double size = 0;
  for (size_t x = 0; x < n; ++x) {
    const double three_quarters = p.ev.score(p.order[x]);
    lines.slope[x] = 2 * (three_quarters - quarter[x]);
    lines.base[x] = quarter[x] - 0.25 * lines.slope[x];
    size = std::max({size, std::fabs(quarter[x]), std::fabs(three_quarters)});
  }
  lines.tolerance = 1e-12 * size;
  return true;
}

/// Where the option at position `back` of the order draws level with the one at `front`
/// (ahead of it at s0), moving the share up (dir +1) or down (dir -1); none within [0, 1].
std::optional<double> crossing(const Lines& l, size_t front, size_t back, double s0, int dir) {
  const double gain = l.slope[back] - l.slope[front];
  const double gap = l.base[back] - l.base[front];
  if (dir > 0 && gain > l.tolerance) {
    const double s = std::max(s0, -gap / gain);  // below s0 only by rounding of a tie
    if (s < kTop) return s;
  } else if (dir < 0 && gain < -l.tolerance) {
    const double s = std::min(s0, -gap / gain);
    if (s > 0) return s;
  }
  return std::nullopt;
}

/// The ends in closed form: the nearest crossing of any two options for the ranking, of the
/// winner and another option for the winner. Who takes over: the option that crosses first;
/// of several at the same share, the one ahead just past it. `past` holds positions in the
/// order until the caller maps them to options.
Ends exact_ends(const Lines& l, double s0) {
  Ends e = unchanged();
  const size_t n = l.base.size();
  for (int dir : {-1, 1}) {
    End& w = dir < 0 ? e.winner_low : e.winner_high;
    End& r = dir < 0 ? e.ranking_low : e.ranking_high;
    for (size_t back = 1; back < n; ++back) {
      for (size_t front = 0; front < back; ++front) {
        const auto s = crossing(l, front, back, s0, dir);
        if (!s) continue;
        if (!r.changes || dir * (*s - r.share) < 0) r = {*s, true, npos};
        if (front != 0) continue;
        const bool nearer = !w.changes || dir * (*s - w.share) < 0;
        const bool ahead =
            w.changes && *s == w.share && dir * (l.slope[back] - l.slope[w.past]) > 0;
        if (nearer || ahead) w = {*s, true, back};
      }
    }
  }
  return e;
}

/// The evaluator agrees with an end found in closed form: it holds just inside (when that is
/// not at or beyond s0) and not just past, where the predicted option wins.
bool confirmed(Probe& p, const End& end, double s0, int dir, bool ranking) {
  if (!end.changes) return true;
  p.at(std::clamp(end.share + dir * kCheckStep, 0.0, 1.0));
  if (ranking ? p.same_order : p.last_winner != end.past) return false;
  const double inside = end.share - dir * kCheckStep;
  return dir * (inside - s0) <= 0 || p.holds(inside, ranking);
}

/// Closed form for the weighted sum, checked with the evaluator; scanned and bisected for the
/// other methods, and for the weighted sum should the check fail (a crossing so flat that the
/// ranking's tie tolerance spans more than the check's step).
Ends ends_for(Probe& p, double s0, bool wsm) {
  Lines lines;
  if (wsm && wsm_lines(p, lines)) {
    Ends e = exact_ends(lines, s0);
    for (End* end : {&e.winner_low, &e.winner_high}) {
      if (end->changes) end->past = p.order[end->past];
    }
    if (confirmed(p, e.winner_low, s0, -1, false) && confirmed(p, e.winner_high, s0, 1, false) &&
        confirmed(p, e.ranking_low, s0, -1, true) && confirmed(p, e.ranking_high, s0, 1, true)) {
      return e;
    }
  }
  return scan(p, s0);
}

/// A share in the weight's own units, the other weights (summing to `others`) as they are.
double weight_at(double share, double others) {
  return share < 1 ? share * others / (1 - share) : 0.0;
}

WeightStability stability_of(const Evaluator& ev, size_t k, const Layout& l, double others,
                             const Ends& e) {
  WeightStability w;
  w.criterion = ev.criterion_id(k);
  w.weight = l.used[k];
  w.share = l.share[k];
  w.winner_low = e.winner_low.share;
  w.winner_high = e.winner_high.share;
  w.weight_low = weight_at(w.winner_low, others);
  if (w.winner_high < 1) w.weight_high = weight_at(w.winner_high, others);
  if (e.winner_low.changes) w.winner_below = detail::winner_id(ev, e.winner_low.past);
  if (e.winner_high.changes) w.winner_above = detail::winner_id(ev, e.winner_high.past);
  w.ranking_low = e.ranking_low.share;
  w.ranking_high = e.ranking_high.share;
  return w;
}

}  // namespace

std::vector<WeightStability> weight_stability(Evaluator& ev) {
  ev.run();
  const detail::RestoreOnExit restore(ev);
  std::vector<WeightStability> out;
  const size_t winner = ev.winner();
  if (winner == npos) return out;
  const std::vector<size_t> order = ev.order();
  const bool wsm = ev.method() == Method::Wsm;
  const std::optional<Layout> layout = weights_layout(ev);
  if (!layout) return out;
  for (size_t k = 0; k < ev.criterion_count(); ++k) {
    const Axis axis(ev, *layout, k);
    if (!axis.movable()) continue;
    Ends e = unchanged();  // every other weight zero: this one's share is 1 whatever it is
    if (axis.others() > 0) {
      Probe p{ev, axis, winner, order};
      e = ends_for(p, layout->share[k], wsm);
    }
    out.push_back(stability_of(ev, k, *layout, axis.others(), e));
  }
  return out;
}

std::optional<WeightFlip> smallest_weight_flip(const std::vector<WeightStability>& stability) {
  std::optional<WeightFlip> best;
  const auto consider = [&best](const WeightStability& w, double to, const std::string& winner) {
    if (!(w.weight > 0)) return;  // a weight of 0 rises by no finite share of itself
    const double relative = std::fabs(to - w.weight) / w.weight;
    if (!best || relative < best->relative)
      best = WeightFlip{w.criterion, w.weight, to, relative, winner};
  };
  for (const auto& w : stability) {
    if (!w.winner_below.empty()) consider(w, w.weight_low, w.winner_below);
    if (!w.winner_above.empty() && w.weight_high) consider(w, *w.weight_high, w.winner_above);
  }
  return best;
}

}  // namespace tradeoff
