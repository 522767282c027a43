// The re-evaluation API (tradeoff/evaluator.hpp): after any sequence of changes, a re-run of the
// stages a change reaches gives exactly what a full evaluation of the same values gives, and
// what evaluate() gives for the equivalent --set, weight and score overrides.
#include "tradeoff/evaluator.hpp"

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "methods/method.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::ErrorCode;
using tradeoff::EvaluateOptions;
using tradeoff::Evaluator;
using tradeoff::test::expect_error;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_builtin;
using tradeoff::test::load_text;
using tradeoff::test::render_json;

namespace {

/// Every figure the Evaluator reads back equals those of `expected`.
void check_same(const Evaluator& ev, const tradeoff::Result& expected) {
  REQUIRE(ev.option_count() == expected.options.size());
  for (size_t i = 0; i < ev.option_count(); ++i) {
    CAPTURE(ev.option_id(i));
    CHECK(ev.eligible(i) == expected.options[i].eligible);
    CHECK(ev.rank(i) == expected.options[i].rank);
    CHECK(ev.score(i) == expected.options[i].score);
    for (size_t j = 0; j < ev.criterion_count(); ++j) {
      CHECK(ev.raw(i, j) == expected.options[i].raw[j]);
    }
  }
  for (size_t j = 0; j < ev.criterion_count(); ++j) {
    CHECK(ev.weight(j) == expected.criteria[j].normalized_weight);
  }
  REQUIRE(ev.order().size() == expected.ranking.size());
  for (size_t k = 0; k < ev.order().size(); ++k) {
    CHECK(ev.option_id(ev.order()[k]) == expected.ranking[k].option);
  }
  CHECK(ev.higher_is_better() == expected.higher_is_better);
}

/// A value of input k drawn from its declared domain (ranges default to a span around the
/// default when the framework gives none).
double random_value(const tradeoff::Input& in, std::mt19937_64& rng) {
  using tradeoff::InputType;
  if (in.type == InputType::Boolean) return static_cast<double>(rng() % 2);
  if (in.type == InputType::Choice || in.type == InputType::Level) {
    return static_cast<double>(rng() % in.values.size());
  }
  const double lo = in.min.value_or(0);
  const double hi = in.max.value_or(std::max(lo + 1, 4 * std::fabs(in.default_value)));
  std::uniform_real_distribution<double> u(lo, hi);
  const double v = u(rng);
  return in.type == InputType::Integer ? std::round(v) : v;
}

}  // namespace

TEST_CASE("the evaluator's first run equals evaluate() for every built-in file and method",
          "[evaluator]") {
  for (const char* path :
       {"frameworks/llm_build_vs_buy.yaml", "frameworks/examples/consumer_app.yaml",
        "frameworks/examples/regulated_bank.yaml", "frameworks/examples/seed_scenario.yaml",
        "frameworks/examples/startup_prototype.yaml"}) {
    const auto loaded = load_builtin(path);
    const tradeoff::Assessment* a = loaded.assessment ? &*loaded.assessment : nullptr;
    for (const auto& name : tradeoff::method_names()) {
      CAPTURE(path, name);
      EvaluateOptions options = tradeoff::test::choose(name);
      std::string refused;
      try {
        tradeoff::evaluate(loaded.framework, a, options);
      } catch (const tradeoff::Error& e) {
        refused = e.what();
      }
      if (!refused.empty()) {
        // A method the values do not suit (WPM on the value 0 of a scale's lowest point) is
        // refused by both, alike; then it is compared on the raw scores, by their max.
        Evaluator refusing(loaded.framework, a, options);
        CHECK_THROWS_WITH(refusing.run(), refused);
        options.normalization = tradeoff::Normalization::Max;
      }
      Evaluator ev(loaded.framework, a, options);
      ev.run();
      const auto expected = tradeoff::evaluate(loaded.framework, a, options);
      check_same(ev, expected);
      CHECK(render_json(ev.result()) == render_json(expected));
    }
  }
}

TEST_CASE("set_input then run equals evaluate() with --set, vetoes and rules included",
          "[evaluator]") {
  const auto loaded = load_builtin("frameworks/llm_build_vs_buy.yaml");
  Evaluator ev(loaded.framework, nullptr);
  const size_t volume = *ev.input_index("requests_per_day");
  const size_t data = *ev.input_index("data_sensitivity");
  const size_t team = *ev.input_index("ml_expertise");
  ev.run();
  struct Step {
    size_t input;
    double value;
    const char* set;
  };
  // "regulated" vetoes the options that send data out; "none" fires the team rule.
  const std::vector<Step> steps = {{volume, 1000, "requests_per_day=1000"},
                                   {volume, 5000000, "requests_per_day=5000000"},
                                   {data, 3, "data_sensitivity=regulated"},
                                   {team, 0, "ml_expertise=none"},
                                   {data, 0, "data_sensitivity=public"}};
  EvaluateOptions options;
  for (const auto& step : steps) {
    CAPTURE(step.set);
    ev.set_input(step.input, step.value);
    ev.run();
    const std::string set = step.set;
    options.set.emplace_back(set.substr(0, set.find('=')), set.substr(set.find('=') + 1));
    auto expected = tradeoff::evaluate(loaded.framework, nullptr, options);
    check_same(ev, expected);
    // The same result, but for who answered the inputs: the analysis, not the command line.
    auto got = ev.result();
    for (auto& in : got.inputs) {
      if (in.origin == "analysis") in.origin = "command line";
    }
    CHECK(render_json(got) == render_json(expected));
  }
  // The regulated step vetoes at least one option, and public data lifts the veto again.
  ev.set_input(data, 3);
  ev.run();
  size_t vetoed = 0;
  for (size_t i = 0; i < ev.option_count(); ++i) vetoed += ev.eligible(i) ? 0u : 1u;
  CHECK(vetoed > 0);
  CHECK(ev.order().size() == ev.option_count() - vetoed);
}

TEST_CASE("set_weight and set_score equal an assessment's overrides", "[evaluator]") {
  const std::string framework = R"(framework: f
criteria:
  - {id: price, direction: cost, weight: 3}
  - {id: speed, direction: benefit, scale: [0, 10], weight: 2}
options:
  - {id: a, scores: {price: 2, speed: 3}}
  - {id: b, scores: {price: 6, speed: 9}}
  - {id: c, scores: {price: 4, speed: 5}}
)";
  const auto plain = load_text(framework);
  const auto overridden = load_assessment_text(R"(weights: {speed: 7}
scores: {a: {speed: 10}}
)",
                                               framework);
  for (const auto& name : tradeoff::method_names()) {
    CAPTURE(name);
    const EvaluateOptions options = tradeoff::test::choose(name);
    Evaluator ev(plain.framework, nullptr, options);
    ev.run();
    ev.set_weight(*ev.criterion_index("speed"), 7);
    ev.set_score(*ev.option_index("a"), *ev.criterion_index("speed"), 10);
    ev.run();
    check_same(ev, tradeoff::evaluate(overridden.framework, &*overridden.assessment, options));
  }
}

TEST_CASE("re-running only what a change reaches equals running everything", "[evaluator]") {
  for (const char* path :
       {"frameworks/llm_build_vs_buy.yaml", "frameworks/examples/regulated_bank.yaml"}) {
    const auto loaded = load_builtin(path);
    const tradeoff::Assessment* a = loaded.assessment ? &*loaded.assessment : nullptr;
    const auto& inputs = loaded.framework.inputs;
    Evaluator incremental(loaded.framework, a);
    incremental.run();
    std::vector<std::pair<size_t, double>> set_inputs;
    std::vector<std::pair<size_t, double>> set_weights;
    std::vector<std::tuple<size_t, size_t, double>> set_scores;
    std::mt19937_64 rng(20261202);
    size_t runs = 0;
    for (int step = 0; step < 300; ++step) {
      const auto kind = rng() % 3;
      if (kind == 0) {
        const size_t k = rng() % inputs.size();
        set_inputs.emplace_back(k, random_value(inputs[k], rng));
        incremental.set_input(k, set_inputs.back().second);
      } else if (kind == 1) {
        const size_t j = rng() % incremental.criterion_count();
        set_weights.emplace_back(j, static_cast<double>(1 + rng() % 30));
        incremental.set_weight(j, set_weights.back().second);
      } else {
        const size_t i = rng() % incremental.option_count();
        const size_t j = rng() % incremental.criterion_count();
        if (loaded.framework.criteria[j].scale) {
          const auto [lo, hi] = *loaded.framework.criteria[j].scale;
          set_scores.emplace_back(i, j, lo + static_cast<double>(rng() % 5) * (hi - lo) / 4);
          incremental.set_score(i, j, std::get<2>(set_scores.back()));
        }
      }
      Evaluator fresh(loaded.framework, a);
      for (const auto& [k, v] : set_inputs) fresh.set_input(k, v);
      for (const auto& [j, w] : set_weights) fresh.set_weight(j, w);
      for (const auto& [i, j, v] : set_scores) fresh.set_score(i, j, v);
      bool failed = false;
      try {
        fresh.run();
      } catch (const tradeoff::Error&) {
        failed = true;  // an input combination the framework cannot evaluate
      }
      CAPTURE(path, step);
      if (failed) {
        CHECK_THROWS_AS(incremental.run(), tradeoff::Error);
        continue;
      }
      incremental.run();
      ++runs;
      CHECK(incremental.winner() == fresh.winner());
      CHECK(incremental.order() == fresh.order());
      for (size_t i = 0; i < fresh.option_count(); ++i) {
        CHECK(incremental.score(i) == fresh.score(i));
        CHECK(incremental.rank(i) == fresh.rank(i));
      }
      if (step % 50 == 0) CHECK(render_json(incremental.result()) == render_json(fresh.result()));
    }
    CHECK(runs > 200);
  }
}

TEST_CASE("values set through the evaluator show 'analysis' as their origin", "[evaluator]") {
  const auto loaded = load_builtin("frameworks/llm_build_vs_buy.yaml");
  Evaluator ev(loaded.framework, nullptr);
  const size_t volume = *ev.input_index("requests_per_day");
  const size_t moat = *ev.criterion_index("lock_in");  // a weight no rule changes
  ev.set_input(volume, 5000);
  ev.set_weight(moat, 20);
  const auto r = ev.result();
  CHECK(r.inputs[volume].origin == "analysis");
  CHECK(r.inputs[volume].source.empty());
  CHECK(r.inputs[volume].display == "5,000");
  CHECK(r.inputs[volume + 1].origin == "default");
  CHECK(r.criteria[moat].weight_origin == "analysis");
  CHECK(r.criteria[moat].weight == 20);
}

TEST_CASE("reset() returns to the compiled values", "[evaluator]") {
  const auto loaded = load_builtin("frameworks/llm_build_vs_buy.yaml");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const std::string before = render_json(ev.result());
  const size_t first = ev.winner();
  ev.set_input(*ev.input_index("requests_per_day"), 9e6);
  ev.set_weight(0, 100);
  ev.set_score(0, 1, 1);
  ev.run();
  ev.reset();
  ev.run();
  CHECK(ev.winner() == first);
  CHECK(render_json(ev.result()) == before);
  CHECK(ev.input(*ev.input_index("requests_per_day")) == 100000);
}

TEST_CASE("a failed run reports the located error and the next run recovers", "[evaluator]") {
  const auto fw = load_text(R"(framework: f
inputs:
  divisor: {type: number, default: 2}
derived:
  ratio: 10 / divisor
criteria:
  - {id: speed, direction: benefit, weight: 1}
options:
  - {id: a, scores: {speed: ratio}}
  - {id: b, scores: {speed: 4}}
)")
                      .framework;
  Evaluator ev(fw, nullptr);
  ev.run();
  CHECK(ev.option_id(ev.winner()) == "a");
  ev.set_input(0, 0);
  const auto d = expect_error([&] { ev.run(); });
  CHECK(d.message == "in derived value 'ratio': division by zero (with divisor = 0)");
  CHECK(d.where.line == 5);
  CHECK(d.where.column == 10);
  ev.set_input(0, 5);
  ev.run();
  CHECK(ev.option_id(ev.winner()) == "b");
  CHECK(ev.score(*ev.option_index("a")) == 0);
}

TEST_CASE("set_input refuses values the input's type cannot take", "[evaluator][errors]") {
  const auto loaded = load_builtin("frameworks/llm_build_vs_buy.yaml");
  Evaluator ev(loaded.framework, nullptr);
  const size_t level = *ev.input_index("ml_expertise");
  const size_t flag = *ev.input_index("zero_retention_contract");
  const size_t number = *ev.input_index("requests_per_day");
  for (const auto& [input, value] : std::vector<std::pair<size_t, double>>{
           {level, 4}, {level, -1}, {level, 1.5}, {flag, 2}, {number, NAN}, {number, INFINITY}}) {
    CAPTURE(ev.input_name(input), value);
    const auto d = expect_error([&, i = input, v = value] { ev.set_input(i, v); });
    CHECK(d.code == ErrorCode::InvalidValue);
    CHECK(d.message.rfind("input '" + ev.input_name(input) + "' cannot take the value", 0) == 0);
  }
  CHECK_NOTHROW(ev.set_input(level, 3));
  CHECK_NOTHROW(ev.set_input(flag, 1));
}

TEST_CASE("ids resolve to indices, and unknown ids to nothing", "[evaluator]") {
  const auto loaded = load_builtin("frameworks/llm_build_vs_buy.yaml");
  Evaluator ev(loaded.framework, nullptr);
  CHECK(ev.option_id(*ev.option_index("buy_api")) == "buy_api");
  CHECK(ev.criterion_id(*ev.criterion_index("moat")) == "moat");
  CHECK(ev.input_name(*ev.input_index("requests_per_day")) == "requests_per_day");
  CHECK_FALSE(ev.option_index("buy_apii").has_value());
  CHECK_FALSE(ev.criterion_index("").has_value());
  CHECK_FALSE(ev.input_index("requests").has_value());
  CHECK(ev.method() == tradeoff::Method::Wsm);
  CHECK(ev.normalization() == tradeoff::Normalization::Declared);
}

TEST_CASE("with every option vetoed there is no winner", "[evaluator]") {
  const auto fw = load_text(R"(framework: f
inputs:
  banned: {type: boolean, default: false}
criteria:
  - {id: speed, direction: benefit, weight: 1}
options:
  - {id: a, scores: {speed: 1}}
rules:
  - {id: ban, when: banned, veto: [a], because: Banned.}
)")
                      .framework;
  Evaluator ev(fw, nullptr);
  ev.run();
  CHECK(ev.winner() == 0);
  ev.set_input(0, 1);
  ev.run();
  CHECK(ev.winner() == Evaluator::npos);
  CHECK(ev.order().empty());
  CHECK_FALSE(ev.eligible(0));
  CHECK(ev.rank(0) == 0);
  ev.set_input(0, 0);
  ev.run();
  CHECK(ev.winner() == 0);
}

TEST_CASE("a method's sense holds with every option vetoed", "[evaluator][regression]") {
  // Regression: with no option ranked, VIKOR's result said a higher score was better.
  const auto fw = load_text(R"(framework: f
inputs:
  banned: {type: boolean, default: true}
criteria:
  - {id: speed, direction: benefit, weight: 1}
options:
  - {id: a, scores: {speed: 1}}
  - {id: b, scores: {speed: 2}}
rules:
  - {id: ban, when: banned, veto: [a, b], because: Banned.}
)")
                      .framework;
  for (const auto& info : tradeoff::detail::methods()) {
    CAPTURE(info.name);
    tradeoff::EvaluateOptions options;
    options.method = info.id;
    Evaluator ev(fw, nullptr, options);
    CHECK(ev.result().higher_is_better == (info.id != tradeoff::Method::Vikor));
    CHECK(ev.higher_is_better() == info.higher_is_better);
    ev.set_input(0, 0);  // lift the ban: the sense the method's output reports agrees
    CHECK(ev.result().higher_is_better == info.higher_is_better);
  }
}
