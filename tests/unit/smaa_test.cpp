// Monte-Carlo acceptability analysis (analysis/smaa, analysis/uncertainty, load/uncertainty):
// acceptabilities against exact integrals on small cases, within 4 standard errors of the
// sample size; the same numbers on any number of threads; failed samples; and the loader's
// diagnostics for ranges, triangles and the `uncertainty:` block.
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/sensitivity.hpp"

using tradeoff::ErrorCode;
using tradeoff::Smaa;
using tradeoff::SmaaOptions;
using tradeoff::test::brief;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_errors;
using tradeoff::test::load_text;

namespace {

Smaa run(const tradeoff::Loaded& loaded, size_t samples, unsigned threads = 2, uint64_t seed = 1,
         const tradeoff::EvaluateOptions& options = {}) {
  SmaaOptions o;
  o.samples = samples;
  o.threads = threads;
  o.seed = seed;
  const tradeoff::Assessment* a = loaded.assessment ? &*loaded.assessment : nullptr;
  return tradeoff::smaa(loaded.framework, a, options, o);
}

Smaa run(const std::string& yaml, size_t samples, unsigned threads = 2, uint64_t seed = 1) {
  return run(load_text(yaml), samples, threads, seed);
}

/// A share of `n` samples within 4 standard errors of the exact probability `p`.
void check_share(double got, double p, size_t n) {
  const double se = std::sqrt(p * (1 - p) / static_cast<double>(n));
  CAPTURE(got, p, se);
  CHECK(std::fabs(got - p) <= 4 * se);
}

bool option_eligible(const tradeoff::Result& r, const std::string& id) {
  for (const auto& o : r.options) {
    if (o.id == id) return o.eligible;
  }
  return false;
}

const tradeoff::SmaaOption& option(const Smaa& s, const std::string& id) {
  for (const auto& o : s.options) {
    if (o.option == id) return o;
  }
  FAIL("no option " << id);
  return s.options.front();
}

/// Two criteria on a declared [0, 1] scale under the weighted sum; options a and b score as
/// given; `tail` adds top-level keys.
std::string two_criteria(const std::string& a, const std::string& b, const std::string& tail,
                         const std::string& weights = "1, 1") {
  const auto comma = weights.find(',');
  return "framework: f\ncriteria:\n"
         "  - {id: c1, direction: benefit, scale: [0, 1], weight: " +
         weights.substr(0, comma) +
         "}\n"
         "  - {id: c2, direction: benefit, scale: [0, 1], weight: " +
         weights.substr(comma + 2) +
         "}\n"
         "options:\n"
         "  - {id: a, scores: {" +
         a + "}}\n  - {id: b, scores: {" + b +
         "}}\n"
         "method: {name: wsm, normalization: declared}\n" +
         tail;
}

}  // namespace

// --- acceptability against exact results ---------------------------------------------------

TEST_CASE("with no weight information, a = (1, 0) and b = (0, 1) each win half the time",
          "[smaa]") {
  // Dirichlet(1, 1): w1 ~ U(0, 1); a wins when w1 > 1/2. Where a wins, E[w1] = 3/4.
  const size_t n = 100000;
  const Smaa s =
      run(two_criteria("c1: 1, c2: 0", "c1: 0, c2: 1", "uncertainty: {weights: none}\n"), n);
  CHECK(s.weights_model == "none");
  CHECK(s.uncertain == std::vector<std::string>{"weights"});
  CHECK(s.criteria == std::vector<std::string>{"c1", "c2"});
  CHECK(s.failed == 0);
  const auto& a = option(s, "a");
  check_share(a.rank_acceptability[0], 0.5, n);
  CHECK(a.rank_acceptability[0] + a.rank_acceptability[1] == Approx(1).epsilon(1e-12));
  CHECK(a.confidence == a.rank_acceptability[0]);
  const auto& b = option(s, "b");
  CHECK(a.rank_acceptability[0] + b.rank_acceptability[0] == Approx(1).epsilon(1e-12));
  // Central weights: w1 given w1 > 1/2 is U(1/2, 1), standard deviation 1 / sqrt(48).
  REQUIRE(a.central_weights.size() == 2);
  const double se = 1 / std::sqrt(48.0 * static_cast<double>(n) / 2);
  CHECK(std::fabs(a.central_weights[0] - 0.75) <= 4 * se);
  CHECK(a.central_weights[0] + a.central_weights[1] == Approx(1).epsilon(1e-12));
  CHECK(std::fabs(b.central_weights[1] - 0.75) <= 4 * se);
  // The deterministic evaluation ties them: the winner is the first by id.
  CHECK(s.winner == "a");
  CHECK(s.confidence == a.rank_acceptability[0]);
  CHECK(s.confidence_error ==
        Approx(std::sqrt(s.confidence * (1 - s.confidence) / static_cast<double>(n))));
}

TEST_CASE("a = (1, 0) against b = (0.6, 0.3) wins with probability 4/7", "[smaa]") {
  // score_a = w1 and score_b = 0.6 w1 + 0.3 (1 - w1): a wins when w1 (1 - x + y) > y, i.e.
  // w1 > y / (1 - x + y) = 0.3 / 0.7 = 3/7; with w1 ~ U(0, 1), P = 4/7.
  const size_t n = 100000;
  const Smaa s =
      run(two_criteria("c1: 1, c2: 0", "c1: 0.6, c2: 0.3", "uncertainty: {weights: none}\n"), n);
  check_share(option(s, "a").confidence, 4.0 / 7, n);
  check_share(option(s, "b").rank_acceptability[1], 4.0 / 7, n);
  CHECK(s.winner == "a");  // at w1 = 1/2: 0.5 against 0.45
}

TEST_CASE("three symmetric options take every rank a third of the time", "[smaa]") {
  // Dirichlet(1, 1, 1) is symmetric in the criteria, so each option's rank is uniform.
  const std::string yaml = R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 1], weight: 1}
  - {id: c2, direction: benefit, scale: [0, 1], weight: 1}
  - {id: c3, direction: benefit, scale: [0, 1], weight: 1}
options:
  - {id: a, scores: {c1: 1, c2: 0, c3: 0}}
  - {id: b, scores: {c1: 0, c2: 1, c3: 0}}
  - {id: c, scores: {c1: 0, c2: 0, c3: 1}}
uncertainty: {weights: none}
)";
  const size_t n = 90000;
  const Smaa s = run(yaml, n);
  for (const auto& o : s.options) {
    CAPTURE(o.option);
    REQUIRE(o.rank_acceptability.size() == 3);
    for (double p : o.rank_acceptability) check_share(p, 1.0 / 3, n);
  }
}

TEST_CASE("a concentration samples a Dirichlet around the stated shares", "[smaa]") {
  // Weights 3 and 1, concentration 4: w1 ~ Beta(3, 1), whose distribution function is x^3;
  // a wins when w1 > 1/2: P = 1 - 1/8 = 7/8. E[w1 | w1 > 1/2] = (3/4)(15/16) / (7/8) = 45/56.
  const size_t n = 100000;
  const Smaa s = run(two_criteria("c1: 1, c2: 0", "c1: 0, c2: 1",
                                  "uncertainty: {weights: {concentration: 4}}\n", "3, 1"),
                     n);
  CHECK(s.weights_model == "concentration 4");
  const auto& a = option(s, "a");
  check_share(a.confidence, 7.0 / 8, n);
  const double m2 = (3.0 / 5) * (31.0 / 32) / (7.0 / 8);  // E[w1^2 | w1 > 1/2]
  const double sd = std::sqrt(m2 - (45.0 / 56) * (45.0 / 56));
  CHECK(std::fabs(a.central_weights[0] - 45.0 / 56) <= 4 * sd / std::sqrt(0.875 * n));
  CHECK(s.winner == "a");
  CHECK(s.confidence == a.confidence);
}

TEST_CASE("without an uncertainty block the weights vary at concentration 100", "[smaa]") {
  // Weights 3, 1 and 0: the zero weight stays zero in every sample.
  const std::string yaml = R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 1], weight: 3}
  - {id: c2, direction: benefit, scale: [0, 1], weight: 1}
  - {id: c3, direction: benefit, scale: [0, 1], weight: 0}
options:
  - {id: a, scores: {c1: 0.3, c2: 0.9, c3: 1}}
  - {id: b, scores: {c1: 0.5, c2: 0.3, c3: 0}}
)";
  const Smaa s = run(yaml, 20000);
  CHECK(s.weights_model == "concentration 100");
  for (const auto& o : s.options) {
    REQUIRE(o.central_weights.size() == 3);
    CHECK(o.central_weights[2] == 0);
  }
  // a wins when 0.3 w1 + 0.9 w2 > 0.5 w1 + 0.3 w2, i.e. w1 < 3/4 (w3 = 0): with w1 ~
  // Beta(75, 25), whose mean is 3/4 and which is nearly symmetric, about half the time.
  CHECK(option(s, "a").confidence > 0.4);
  CHECK(option(s, "a").confidence < 0.6);
}

TEST_CASE("a weight range is uniform in the weight's units, the others as stated", "[smaa]") {
  // w1 ~ U(0, 3), w2 = 1: a wins when w1 > 1, P = 2/3. Where a wins its share w1 / (w1 + 1)
  // averages (1/2) integral from 1 to 3 of w / (w + 1) dw = 1 - ln(2) / 2.
  const size_t n = 100000;
  const Smaa s = run(two_criteria("c1: 1, c2: 0", "c1: 0, c2: 1",
                                  "uncertainty: {weights: {ranges: {c1: [0, 3]}}}\n"),
                     n);
  CHECK(s.weights_model == "ranges");
  const auto& a = option(s, "a");
  check_share(a.confidence, 2.0 / 3, n);
  // The share lies in (1/2, 3/4): its standard deviation is below 1/8.
  CHECK(std::fabs(a.central_weights[0] - (1 - std::log(2.0) / 2)) <=
        4 * 0.125 / std::sqrt(2.0 / 3 * n));
}

TEST_CASE("a score range makes the loser win with the range's probability", "[smaa]") {
  // a scores 3; b's score is uniform on [2.5, 4.5], so b wins when it is above 3: P = 3/4. The
  // deterministic evaluation takes the midpoint, 3.5, and b wins it.
  const std::string yaml = R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {c1: 3}}
  - {id: b, scores: {c1: [2.5, 4.5]}}
uncertainty: {weights: stated}
)";
  const auto loaded = load_text(yaml);
  const auto result = tradeoff::evaluate(loaded.framework, nullptr);
  CHECK(result.options[1].raw[0] == 3.5);
  const size_t n = 100000;
  const Smaa s = run(loaded, n);
  CHECK(s.weights_model == "stated");
  CHECK(s.uncertain == std::vector<std::string>{"score b/c1"});
  CHECK(s.winner == "b");
  check_share(s.confidence, 0.75, n);
  // The weights never vary: the central weights are the stated ones.
  CHECK(option(s, "b").central_weights == std::vector<double>{1.0});
}

TEST_CASE("a score triangle makes the loser win with the triangle's probability", "[smaa]") {
  // b ~ Triangle(2, 3, 5) against a = 2.5: P(b > 2.5) = 1 - (0.5)^2 / ((5 - 2)(3 - 2)) = 11/12.
  const std::string yaml = R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {c1: 2.5}}
  - {id: b, scores: {c1: {low: 2, mode: 3, high: 5}}}
uncertainty: {weights: stated}
)";
  const size_t n = 100000;
  const auto loaded = load_text(yaml);
  CHECK(tradeoff::evaluate(loaded.framework, nullptr).options[1].raw[0] == 3);
  const Smaa s = run(loaded, n);
  check_share(option(s, "b").confidence, 11.0 / 12, n);
}

namespace {

const std::string kInputFramework = R"(framework: f
inputs:
  x: {type: number, default: 5, min: 0, max: 10}
  flag: {type: boolean, default: true}
criteria:
  - {id: c1, direction: benefit, scale: [0, 5], weight: 1}
options:
  - {id: a, scores: {c1: x}}
  - {id: b, scores: {c1: 4}}
  - {id: c, scores: {c1: 5}}
rules:
  - {id: no_c, when: flag, veto: c, because: c is out}
uncertainty: {weights: stated}
)";

}  // namespace

TEST_CASE("an input range runs through a formula, and samples it breaks are counted as failed",
          "[smaa]") {
  // x ~ U(0, 10) scores a on a scale [0, 5]: above 5 the score leaves the scale and the
  // sample fails (P = 1/2). Among the others a beats b (4) when x > 4: P = 1/5. c is vetoed:
  // it takes no rank, so ranks 1 and 2 share the samples between a and b.
  const auto loaded = load_assessment_text("inputs:\n  x: [0, 10]\n", kInputFramework);
  const size_t n = 100000;
  const Smaa s = run(loaded, n);
  CHECK(s.uncertain == std::vector<std::string>{"input x"});
  CHECK(s.winner == "a");  // x = 5
  check_share(static_cast<double>(s.failed) / n, 0.5, n);
  const size_t evaluated = n - s.failed;
  check_share(option(s, "a").confidence, 0.2, evaluated);
  CHECK(option(s, "a").confidence + option(s, "b").confidence == Approx(1).epsilon(1e-12));
  CHECK(option(s, "c").rank_acceptability == std::vector<double>{0, 0, 0});
  CHECK(option(s, "c").central_weights.empty());
  CHECK(s.confidence_error ==
        Approx(std::sqrt(s.confidence * (1 - s.confidence) / static_cast<double>(evaluated))));
}

TEST_CASE("an input answered on the command line does not vary", "[smaa]") {
  const auto loaded =
      load_assessment_text("inputs:\n  x: {value: {low: 0, mode: 1, high: 10}}\n", kInputFramework);
  tradeoff::EvaluateOptions set;
  set.set = {{"x", "4.5"}};
  const Smaa s = run(loaded, 5000, 2, 1, set);
  CHECK(s.uncertain.empty());
  CHECK(s.failed == 0);
  CHECK(s.winner == "a");
  CHECK(s.confidence == 1);
  CHECK(s.confidence_error == 0);
  // Without --set the triangle's mode, 1, is the deterministic value: b wins.
  CHECK(run(loaded, 100).winner == "b");
}

// --- determinism -----------------------------------------------------------------------------

namespace {

void check_same(const Smaa& x, const Smaa& y) {
  CHECK(x.failed == y.failed);
  CHECK(x.confidence == y.confidence);
  REQUIRE(x.options.size() == y.options.size());
  for (size_t i = 0; i < x.options.size(); ++i) {
    CHECK(x.options[i].rank_acceptability == y.options[i].rank_acceptability);
    CHECK(x.options[i].central_weights == y.options[i].central_weights);
  }
}

const std::string kThree = R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 1], weight: 2}
  - {id: c2, direction: cost, scale: [0, 1], weight: 1}
  - {id: c3, direction: benefit, scale: [0, 1], weight: 1}
options:
  - {id: a, scores: {c1: 0.9, c2: 0.5, c3: 0.2}}
  - {id: b, scores: {c1: 0.4, c2: 0.1, c3: 0.6}}
  - {id: c, scores: {c1: 0.6, c2: 0.3, c3: [0.1, 0.9]}}
uncertainty: {weights: {concentration: 5}}
)";

}  // namespace

TEST_CASE("the same seed gives the same numbers on any number of threads", "[smaa]") {
  const size_t n = 2 * 4096 + 123;  // a last block that is not full
  for (const std::string& yaml : {kThree, two_criteria("c1: 0.7, c2: 0.2", "c1: 0.1, c2: 0.9",
                                                       "uncertainty: {weights: none}\n")}) {
    const Smaa one = run(yaml, n, 1, 7);
    check_same(one, run(yaml, n, 2, 7));
    check_same(one, run(yaml, n, 3, 7));
    check_same(one, run(yaml, n, 1, 7));
    const Smaa other = run(yaml, n, 2, 8);
    CHECK(other.options[0].rank_acceptability != one.options[0].rank_acceptability);
  }
}

TEST_CASE("the weighted sum's matrix path and the whole pipeline agree", "[smaa]") {
  // A rule that multiplies a weight by 1 changes nothing but sends every sample through the
  // Evaluator; both draw the same weights from the same streams, so they rank alike.
  const std::string plain = two_criteria("c1: 0.7, c2: 0.2", "c1: 0.1, c2: 0.9",
                                         "uncertainty: {weights: {concentration: 3}}\n");
  const std::string ruled =
      plain +
      "rules:\n  - {id: same, when: true, weight: {criterion: c1, multiply: 1}, because: none}\n";
  const Smaa fast = run(plain, 30000);
  const Smaa full = run(ruled, 30000);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(fast.options[i].rank_acceptability == full.options[i].rank_acceptability);
    tradeoff::test::check_all(fast.options[i].central_weights, full.options[i].central_weights,
                              1e-12);
  }
}

TEST_CASE("progress is reported from the caller's thread, rising to 1", "[smaa]") {
  const auto loaded = load_text(kThree);
  SmaaOptions o;
  o.samples = 40 * 4096;
  o.threads = 2;
  std::vector<double> seen;
  const auto caller = std::this_thread::get_id();
  bool same_thread = true;
  o.progress = [&](double share) {
    seen.push_back(share);
    same_thread = same_thread && std::this_thread::get_id() == caller;
  };
  tradeoff::smaa(loaded.framework, nullptr, {}, o);
  CHECK(same_thread);
  REQUIRE(!seen.empty());
  CHECK(seen.back() == 1);
  for (size_t k = 1; k < seen.size(); ++k) CHECK(seen[k] > seen[k - 1]);
}

TEST_CASE("no samples give no shares, and nothing that is not a number", "[smaa]") {
  const Smaa s = run(kThree, 0);
  CHECK(s.samples == 0);
  CHECK(s.confidence == 0);
  CHECK(s.confidence_error == 0);
  for (const auto& o : s.options) {
    CHECK(o.rank_acceptability == std::vector<double>{0, 0, 0});
    CHECK(o.central_weights.empty());
  }
}

TEST_CASE("SMAA of the built-in framework ranks every sample and keeps its winner", "[smaa]") {
  const auto loaded = tradeoff::test::load_builtin("frameworks/llm_build_vs_buy.yaml");
  const auto result = tradeoff::evaluate(loaded.framework, nullptr);
  const size_t n = 4096;
  const Smaa s = run(loaded, n);
  CHECK(s.winner == result.explanation.winner);
  CHECK(s.weights_model == "concentration 100");
  CHECK(s.uncertain == std::vector<std::string>{"weights"});
  CHECK(s.failed == 0);
  // Only the weights vary, so the vetoes do not: an option ranks in every sample or in none.
  // Some option ranks first in each sample (ties would count twice; weights drawn from a
  // continuous distribution make none).
  double first = 0;
  for (const auto& o : s.options) {
    CAPTURE(o.option);
    double sum = 0;
    for (double p : o.rank_acceptability) sum += p;
    const bool eligible = option_eligible(result, o.option);
    CHECK(sum == Approx(eligible ? 1.0 : 0.0).margin(1e-12));
    first += o.rank_acceptability[0];
    for (double w : o.central_weights) CHECK(std::isfinite(w));
  }
  CHECK(first == Approx(1).epsilon(1e-12));
  CHECK(s.confidence == option(s, s.winner).confidence);
  CHECK(s.confidence_error ==
        Approx(std::sqrt(s.confidence * (1 - s.confidence) / static_cast<double>(n))));
}

// --- the loader ------------------------------------------------------------------------------

TEST_CASE("scores and answers may be ranges and triangles", "[smaa][uncertainty]") {
  const std::string yaml = R"(framework: f
inputs:
  x: {type: number, default: 5, min: 0, max: 10}
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 1}
options:
  - id: a
    scores: {c1: {value: [1, 3], because: a guess}}
  - id: b
    scores: {c1: {value: {low: 2, mode: 6, high: 7}, source: s}}
sources:
  s: {title: S}
)";
  const auto loaded = load_text(yaml);
  const auto& a = loaded.framework.options[0].scores[0];
  REQUIRE(a.uncertainty);
  CHECK(a.value == 2);
  CHECK(a.because == "a guess");
  CHECK(a.uncertainty->kind == tradeoff::Distribution::Kind::Range);
  CHECK(a.uncertainty->low == 1);
  CHECK(a.uncertainty->high == 3);
  CHECK(a.uncertainty->where.line == 8);
  CHECK(a.uncertainty->where.column == 26);
  const auto& b = loaded.framework.options[1].scores[0];
  REQUIRE(b.uncertainty);
  CHECK(b.value == 6);
  CHECK(b.source == "s");
  CHECK(b.uncertainty->kind == tradeoff::Distribution::Kind::Triangle);
  CHECK(!loaded.framework.uncertainty);
  const auto answered = load_assessment_text(
      "inputs:\n  x: {value: [2, 4], because: survey}\nuncertainty: {weights: none}\n", yaml);
  REQUIRE(answered.assessment);
  const auto& x = answered.assessment->inputs.at(0);
  CHECK(x.value == 3);
  CHECK(x.because == "survey");
  REQUIRE(x.uncertainty);
  CHECK(x.uncertainty->low == 2);
  REQUIRE(answered.assessment->uncertainty);
  CHECK(answered.assessment->uncertainty->weights == tradeoff::Uncertainty::Weights::None);
}

TEST_CASE("bad ranges and triangles are reported where they are written", "[smaa][uncertainty]") {
  struct Case {
    std::string scores;
    std::string brief;
    ErrorCode code;
    std::string hint;
  };
  const std::vector<Case> cases = {
      {"[3, 2]", "6:26: the low end of the score of 'a' on 'c1' (3) is above its high end (2)",
       ErrorCode::InvalidValue, ""},
      {"[1, 2, 3]",
       "6:26: expected a range [low, high] for the score of 'a' on 'c1', got a "
       "list of 3 items",
       ErrorCode::WrongType, ""},
      {"[1, x]", "6:30: expected a number for the high end of the score of 'a' on 'c1', got 'x'",
       ErrorCode::WrongType, ""},
      {"{low: 1, mode: 6, high: 4}",
       "6:41: the mode of the score of 'a' on 'c1' (6) is outside its range [1, 4]",
       ErrorCode::OutOfRange, ""},
      {"{low: 1, high: 4}",
       "6:26: missing key 'mode' in the triangle of the score of 'a' on 'c1'; a range is "
       "written [low, high]",
       ErrorCode::MissingKey, ""},
      {"{low: 1, mode: 2, hihg: 4}",
       "6:26: missing key 'high' in the triangle of the score of 'a' on 'c1'",
       ErrorCode::MissingKey, ""},
      {"[0, 7]", "6:27: score range [0, 7] of 'a' on 'c1' is outside the criterion's scale [1, 5]",
       ErrorCode::OutOfRange, ""},
      {"{low: 0.5, mode: 2, high: 4}",
       "6:32: score triangle [0.5, 4] of 'a' on 'c1' is outside the criterion's scale [1, 5]",
       ErrorCode::OutOfRange, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.scores);
    const auto errors = load_errors(
        "framework: f\ncriteria:\n  - {id: c1, direction: benefit, scale: [1, 5], weight: 1}\n"
        "options:\n  - {id: b, scores: {c1: 2}}\n  - {id: a, scores: {c1: " +
        c.scores + "}}\n");
    REQUIRE(!errors.empty());
    CHECK(brief(errors[0]) == c.brief);
    CHECK(errors[0].code == c.code);
    CHECK(errors[0].hint == c.hint);
  }
}

TEST_CASE("bad uncertain answers are reported where they are written", "[smaa][uncertainty]") {
  struct Case {
    std::string answer;
    std::string brief;
  };
  const std::vector<Case> cases = {
      {"x: [-1, 4]", "4:7: the low end of input 'x' must be between 0 and 10, got -1"},
      {"x: {low: 1, mode: 2, high: 12}",
       "4:30: the high end of input 'x' must be between 0 and 10, got 12"},
      {"x: [4, 1]", "4:6: the low end of input 'x' (4) is above its high end (1)"},
      {"n: [1, 2]", "4:6: input 'n' is an integer: only number inputs take a range or a triangle"},
  };
  const std::string framework = R"(framework: f
inputs:
  x: {type: number, default: 5, min: 0, max: 10}
  n: {type: integer, default: 1}
criteria:
  - {id: c1, direction: benefit, weight: 1}
options:
  - {id: a, scores: {c1: x}}
)";
  for (const auto& c : cases) {
    CAPTURE(c.answer);
    const auto errors = tradeoff::test::expect_errors(
        [&] { load_assessment_text("inputs:\n  " + c.answer + "\n", framework); });
    REQUIRE(errors.size() == 1);
    CHECK(brief(errors[0]) == c.brief);
  }
}

TEST_CASE("bad uncertainty blocks are reported where they are written", "[smaa][uncertainty]") {
  struct Case {
    std::string block;
    std::string brief;
    std::string hint;
  };
  const std::vector<Case> cases = {
      {"{weights: statd}",
       "6:24: unknown weight uncertainty 'statd'; expected 'stated', 'none', {concentration: "
       "C} or {ranges: {criterion: [low, high]}}",
       "did you mean 'stated'?"},
      {"{weight: none}", "6:15: unknown key 'weight' in uncertainty", "did you mean 'weights'?"},
      {"{weights: {concentration: 0}}",
       "6:40: the concentration of the weights must be above 0 and at most 1,000,000, got 0", ""},
      {"{weights: {concentration: 1e7}}",
       "6:40: the concentration of the weights must be above 0 and at most 1,000,000, got 1e7",
       "with so high a concentration the weights hardly vary: write 'weights: stated'"},
      {"{weights: {concentration: 2, ranges: {c1: [0, 1]}}}",
       "6:43: give the weights either a 'concentration' or 'ranges', not both", ""},
      {"{weights: {}}", "6:24: missing key 'concentration' or 'ranges' in the weight uncertainty",
       ""},
      {"{weights: {ranges: {c9: [0, 1]}}}", "6:34: unknown criterion 'c9' in the weight ranges",
       ""},
      {"{weights: {ranges: {c1: [-1, 1]}}}",
       "6:39: the low end of the weight of 'c1' must be non-negative, got -1", ""},
      {"{weights: {ranges: {c1: {low: 0, mode: 1, high: 2}}}}",
       "6:38: expected a range [low, high] for the weight of 'c1', got a mapping", ""},
      {"{weights: {ranges: {}}}",
       "6:33: expected a non-empty mapping of criterion: [low, high] for the weight ranges, got "
       "an empty mapping",
       ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.block);
    const auto errors = load_errors(
        "framework: f\ncriteria:\n  - {id: c1, direction: benefit, weight: 1}\n"
        "options:\n  - {id: a, scores: {c1: 2}}\nuncertainty: " +
        c.block + "\n");
    REQUIRE(errors.size() == 1);
    CHECK(brief(errors[0]) == c.brief);
    CHECK(errors[0].hint == c.hint);
  }
}
