// Everything `tradeoff sensitivity` reports, and the short robustness block of `evaluate`: the
// analyses of tradeoff/sensitivity.hpp run on one evaluator, and the near-tie verdict said in
// plain words. Takes a framework and an assessment; gives a Sensitivity or a Robustness.
#include "tradeoff/sensitivity.hpp"

#include <cmath>

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff {

namespace {

/// A weight change up to this share of the weight counts as small: the winner is near a tie.
constexpr double kSmallWeightChange = 0.05;
/// A Monte-Carlo confidence below this is no confidence: the winner is near a tie.
constexpr double kLowConfidence = 2.0 / 3.0;
/// Past this many scores (options x criteria) `evaluate` leaves the robustness block out.
constexpr size_t kRobustnessScores = 20000;

std::string percent(double share) {
  const double p = share * 100;
  return p < 10 ? fmt::format("{:.1f}%", p) : fmt::format("{:.0f}%", p);
}

/// "moat's weight would have to rise from 10 to 12.7 for distill_student to win".
std::string flip_sentence(const WeightFlip& f) {
  return fmt::format(
      "The most sensitive weight is {}: it would have to {} from {} to {} ({}) "
      "for {} to win.",
      f.criterion, f.to > f.from ? "rise" : "fall", detail::quantity(f.from), detail::rounded(f.to),
      percent(f.relative), f.winner);
}

/// "Above 689,000 requests/day, distill_student wins (now 100,000)."
std::string break_even_sentence(const NearestBreakEven& n, const std::string& unit,
                                double current) {
  const bool above = n.point.value > current;
  const std::string& then = above ? n.point.after : n.point.before;
  const std::string units = unit.empty() ? "" : " " + unit;
  return fmt::format("The nearest input break-even: {} {} {}{} {} (now {}{}).", n.input,
                     above ? "above" : "below", detail::rounded(n.point.value), units,
                     then.empty() ? "vetoes every option" : "makes " + then + " win",
                     detail::quantity(current), units);
}

std::string confidence_sentence(double confidence, double error, size_t samples,
                                const std::string& winner) {
  return fmt::format(
      "Monte-Carlo confidence in {}: {} +- {} over {} samples of the declared "
      "uncertainty.",
      winner, percent(confidence), percent(error), samples);
}

}  // namespace

bool declares_uncertainty(const Framework& fw, const Assessment* assessment) {
  if (fw.uncertainty) return true;
  for (const auto& o : fw.options) {
    for (const auto& sc : o.scores) {
      if (sc.uncertainty) return true;
    }
  }
  if (assessment == nullptr) return false;
  if (assessment->uncertainty) return true;
  for (const auto& o : assessment->scores) {
    if (o.score.uncertainty) return true;
  }
  for (const auto& in : assessment->inputs) {
    if (in.uncertainty) return true;
  }
  return false;
}

NearTie near_tie(const Result& result, const std::optional<WeightFlip>& flip,
                 const std::optional<Smaa>& smaa) {
  NearTie t;
  const Explanation& e = result.explanation;
  t.winner = e.winner;
  t.runner_up = e.runner_up;
  if (e.winner.empty() || e.runner_up.empty()) return t;
  if (flip) t.weight_change = flip->relative;
  if (smaa && smaa->samples > smaa->failed) {
    t.confidence = smaa->confidence;
    t.confidence_error = smaa->confidence_error;
  }
  const bool by_weight = t.weight_change && *t.weight_change <= kSmallWeightChange;
  const bool by_confidence = t.confidence && *t.confidence < kLowConfidence;
  t.near = e.tie || by_weight || by_confidence;
  if (!t.near) return t;
  std::string s;
  std::vector<std::string> why;
  if (e.tie) {
    std::vector<std::string> tied;
    for (const auto& entry : result.ranking) {
      if (entry.rank == 1) tied.push_back(entry.option);
    }
    s = detail::join_names(tied) + " tie for first";
    why.emplace_back("the smallest change of a weight can separate them");
  } else {
    s = fmt::format("{} and {} are effectively tied", e.winner,
                    by_weight ? flip->winner : e.runner_up);
    if (by_weight) {
      why.push_back(fmt::format("a {} change of {}'s weight makes {} win",
                                percent(*t.weight_change), flip->criterion, flip->winner));
    }
  }
  if (t.confidence) {
    why.push_back(fmt::format("Monte-Carlo confidence {} +- {}", percent(*t.confidence),
                              percent(*t.confidence_error)));
  }
  for (size_t k = 0; k < why.size(); ++k) s += (k == 0 ? ": " : "; ") + why[k];
  t.sentence = s + ".";
  return t;
}

Sensitivity analyze_sensitivity(const Framework& fw, const Assessment* assessment,
                                const EvaluateOptions& options,
                                const SensitivityOptions& sensitivity) {
  Sensitivity out;
  Evaluator ev(fw, assessment, options);
  out.result = ev.result();
  ev.run();
  if (ev.winner() != Evaluator::npos) {
    out.weights = weight_stability(ev);
    out.flip = smallest_weight_flip(out.weights);
  }
  out.inputs = input_break_even(ev);
  out.nearest = nearest_break_even(out.inputs);
  if (sensitivity.sweeps) {
    for (size_t j = 0; j < ev.criterion_count(); ++j) {
      out.sweeps.push_back(sweep_weight(ev, j, sensitivity.sweep_points));
    }
    for (const auto& in : out.inputs) {
      if (!in.winners.empty() || !(in.high > in.low)) continue;
      out.sweeps.push_back(sweep_input(ev, *ev.input_index(in.input), sensitivity.sweep_points));
    }
  }
  if (sensitivity.run_smaa) out.smaa = smaa(fw, assessment, options, sensitivity.smaa);
  out.near_tie = near_tie(out.result, out.flip, out.smaa);
  return out;
}

namespace {

/// The robustness block from analyses already run: the smallest weight flip, the input
/// break-even points, and SMAA when it ran on declared uncertainty.
void fill_robustness(Result& result, const std::optional<WeightFlip>& flip,
                     const std::vector<InputSensitivity>& inputs,
                     const std::optional<NearestBreakEven>& nearest, const std::optional<Smaa>& s) {
  Robustness r;
  r.flip = flip;
  r.nearest = nearest;
  for (const auto& in : inputs) {
    if (r.nearest && in.input == r.nearest->input) {
      r.nearest_unit = in.unit;
      r.nearest_current = in.current;
    }
  }
  if (s) {
    r.samples = s->samples - s->failed;
    r.confidence = s->confidence;
    r.confidence_error = s->confidence_error;
  }
  r.near_tie = near_tie(result, r.flip, s);
  if (r.near_tie.near) r.sentences.push_back(r.near_tie.sentence);
  if (r.flip && !result.explanation.tie) {
    r.sentences.push_back(flip_sentence(*r.flip));
  } else if (!r.flip) {
    r.sentences.push_back("No change of a single weight makes another option win.");
  }
  if (r.nearest) {
    r.sentences.push_back(break_even_sentence(*r.nearest, r.nearest_unit, r.nearest_current));
  }
  if (r.confidence) {
    r.sentences.push_back(confidence_sentence(*r.confidence, *r.confidence_error, r.samples,
                                              result.explanation.winner));
  }
  result.robustness = std::move(r);
}

}  // namespace

void add_robustness(Result& result, const Framework& fw, const Assessment* assessment,
                    const EvaluateOptions& options, const SmaaOptions& smaa_options) {
  if (result.ranking.empty()) return;  // nothing ranked: nothing to be sure of
  // Decided before building an evaluator: a large matrix is not compiled a second time.
  const size_t scores = result.options.size() * result.criteria.size();
  if (scores > kRobustnessScores) {
    // Bisection re-runs the whole evaluation hundreds of times: too slow for `evaluate` here.
    Robustness r;
    r.sentences.push_back(
        fmt::format("Not computed for {} scores (more than {}): run `tradeoff sensitivity` for it.",
                    detail::quantity(static_cast<double>(scores)),
                    detail::quantity(static_cast<double>(kRobustnessScores))));
    result.robustness = std::move(r);
    return;
  }
  Evaluator ev(fw, assessment, options);
  ev.run();
  const std::optional<WeightFlip> flip = smallest_weight_flip(weight_stability(ev));
  const std::vector<InputSensitivity> inputs = input_break_even(ev);
  std::optional<Smaa> s;
  if (declares_uncertainty(fw, assessment)) s = smaa(fw, assessment, options, smaa_options);
  fill_robustness(result, flip, inputs, nearest_break_even(inputs), s);
}

void add_robustness(Sensitivity& sensitivity, const Framework& fw, const Assessment* assessment) {
  if (sensitivity.result.ranking.empty()) return;
  const bool sampled = declares_uncertainty(fw, assessment);
  fill_robustness(sensitivity.result, sensitivity.flip, sensitivity.inputs, sensitivity.nearest,
                  sampled ? sensitivity.smaa : std::nullopt);
}

}  // namespace tradeoff
