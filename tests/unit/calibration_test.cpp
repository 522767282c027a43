// The calibration suite of the built-in LLM framework: assessments (tests/calibration/ and the
// examples), each with the winners an experienced practitioner would accept and the reasons the
// result must give for its answer: a criterion the winner leads on, a rule that fired, an option
// a rule or a limit excluded. A recalibration that breaks a principle fails here. The files of
// tests/calibration/ state their acceptable winners themselves, in `expect:` (which the test
// calibration/check also holds them to, with `tradeoff check`); the examples' are listed here.
#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"

namespace {

using tradeoff::Result;

struct Scenario {
  const char* file;
  /// Acceptable winners of an example; empty: every option excluded. A calibration file's are
  /// its `expect: winner`.
  std::vector<std::string> winners;
  /// "leads:CRITERION" (among the winner's decisive criteria), "fired:RULE",
  /// "excluded:OPTION:BY" (BY is a rule id or "the limit on CRITERION"), "eligible:OPTION".
  std::vector<std::string> reasons;
};

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> all = {
      {"tests/calibration/knowledge_qa.yaml", {}, {"leads:grounding"}},
      {"tests/calibration/brand_voice.yaml",
       {},
       {"leads:quality_fit", "eligible:provider_finetune"}},
      {"tests/calibration/broad_assistant.yaml",
       {},
       {"excluded:distill_student:the limit on quality_fit", "fired:self_hosting_pays"}},
      {"tests/calibration/narrow_very_high_volume.yaml",
       {},
       {"leads:annual_cost", "leads:quality_fit"}},
      {"tests/calibration/differentiation_critical.yaml",
       {},
       {"leads:moat", "excluded:pretrain_own:the limit on upfront_investment"}},
      {"frameworks/examples/seed_scenario.yaml",
       {"buy_api", "host_open"},
       {"fired:self_hosting_pays"}},
      {"tests/calibration/host_at_scale.yaml",
       {},
       {"fired:self_hosting_pays", "excluded:open_weights_api:no_open_weights_api"}},
      {"tests/calibration/low_volume.yaml", {}, {}},
      {"tests/calibration/no_team_tight_deadline.yaml",
       {},
       {"fired:no_ml_team", "excluded:host_open:the limit on time_to_market",
        "excluded:distill_student:the limit on time_to_market"}},
      {"tests/calibration/no_team_pays_to_hire.yaml",
       {},
       {"fired:no_ml_team", "leads:annual_cost"}},
      {"tests/calibration/regulated_no_contract.yaml",
       {},
       {"excluded:buy_api:regulated_data", "excluded:open_weights_api:regulated_data"}},
      {"tests/calibration/confidential_standard_terms.yaml",
       {},
       {"eligible:buy_api", "leads:annual_cost"}},
      {"tests/calibration/frontier_quality.yaml",
       {},
       {"excluded:host_open:the limit on quality_fit",
        "excluded:distill_student:the limit on quality_fit"}},
      {"tests/calibration/pretraining_justified.yaml", {}, {"eligible:pretrain_own"}},
      {"tests/calibration/commodity_public.yaml",
       {},
       {"leads:annual_cost", "excluded:pretrain_own:pretraining_case"}},
      {"tests/calibration/everything_excluded.yaml",
       {},
       {"excluded:buy_api:the limit on time_to_market"}},
      {"frameworks/examples/startup_prototype.yaml",
       {"buy_api"},
       {"fired:no_ml_team", "excluded:host_open:the limit on time_to_market"}},
      {"frameworks/examples/consumer_app.yaml", {"distill_student"}, {"leads:quality_fit"}},
      {"frameworks/examples/regulated_bank.yaml",
       {"finetune_open"},
       {"excluded:buy_api:regulated_data", "fired:strong_ml_team"}},
  };
  return all;
}

bool contains(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

/// Whether `r` gives the reason, and what it gives instead when it does not.
bool gives(const Result& r, const std::string& reason) {
  const auto colon = reason.find(':');
  const std::string kind = reason.substr(0, colon);
  const std::string what = reason.substr(colon + 1);
  if (kind == "leads") {
    return std::any_of(r.explanation.decisive.begin(), r.explanation.decisive.end(),
                       [&](const auto& d) { return d.criterion == what; });
  }
  if (kind == "fired") {
    return std::any_of(r.rules.begin(), r.rules.end(),
                       [&](const auto& t) { return t.id == what && t.fired; });
  }
  if (kind == "eligible") return r.option(what) != nullptr && r.option(what)->eligible;
  const auto second = what.find(':');
  const std::string option = what.substr(0, second);
  const std::string by = what.substr(second + 1);
  return std::any_of(r.vetoed.begin(), r.vetoed.end(),
                     [&](const auto& v) { return v.option == option && v.by() == by; });
}

}  // namespace

/// The winners a scenario accepts: a calibration file's `expect: winner`, or the example's.
std::vector<std::string> acceptable(const Scenario& s, const tradeoff::Assessment& a) {
  if (std::string(s.file).rfind("tests/calibration/", 0) != 0) return s.winners;
  REQUIRE(a.expect);
  REQUIRE(a.expect->winners);
  return *a.expect->winners;
}

TEST_CASE("calibration: every scenario has an acceptable winner, for the stated reasons",
          "[calibration]") {
  for (const Scenario& s : scenarios()) {
    CAPTURE(s.file);
    const auto loaded = tradeoff::test::load_source_file(s.file);
    REQUIRE(loaded.assessment);
    const Result r = tradeoff::evaluate(loaded.framework, &*loaded.assessment);
    tradeoff::test::check_finite(r);
    const std::vector<std::string> winners = acceptable(s, *loaded.assessment);
    CAPTURE(winners);
    if (winners.empty()) {
      CHECK(r.ranking.empty());
      CHECK_FALSE(r.relaxations.empty());
    } else {
      REQUIRE_FALSE(r.ranking.empty());
      CAPTURE(r.explanation.summary);
      CHECK(contains(winners, r.ranking.front().option));
    }
    for (const auto& reason : s.reasons) {
      CAPTURE(reason);
      CHECK(gives(r, reason));
    }
  }
}

TEST_CASE("calibration: the seed's 2023 scenario still costs $365,000 a year to buy",
          "[calibration]") {
  const auto loaded = tradeoff::test::load_source_file("frameworks/examples/seed_scenario.yaml");
  const Result r = tradeoff::evaluate(loaded.framework, &*loaded.assessment);
  const auto derived = [&](const std::string& name) {
    for (const auto& d : r.derived) {
      if (d.name == name) return d.value;
    }
    FAIL("no derived value " << name);
    return 0.0;
  };
  // 100,000 requests x (250 + 250) tokens x $20 per 1M x 365.
  CHECK(derived("api_cost_per_year") == 365000);
  // Two H100s at $3.90 all year and one engineer at $200,000.
  tradeoff::test::check_close(derived("host_cost_per_year"), 2 * 3.90 * 8760 + 200000);
}

TEST_CASE("calibration: the everything-excluded scenario names the smallest relaxation",
          "[calibration]") {
  const auto loaded =
      tradeoff::test::load_source_file("tests/calibration/everything_excluded.yaml");
  const Result r = tradeoff::evaluate(loaded.framework, &*loaded.assessment);
  REQUIRE_FALSE(r.relaxations.empty());
  // buy_api takes 2 weeks; with 25% slack a deadline of 1.6 weeks admits it.
  const auto& first = r.relaxations.front();
  CHECK(first.input == "deadline_weeks");
  CHECK(first.from == "1");
  CHECK(first.to == "1.6");
  CHECK(first.admits == std::vector<std::string>{"buy_api"});
  CHECK(r.explanation.summary.find("Setting deadline_weeks to 1.6 weeks (now 1) would admit "
                                   "buy_api.") != std::string::npos);
}

TEST_CASE("calibration: a stronger team never makes a path's own scores worse", "[calibration]") {
  // For every option and criterion, the raw score after the rules moves only towards better
  // as ml_expertise rises from none to expert, in every scenario of the suite.
  for (const Scenario& s : scenarios()) {
    CAPTURE(s.file);
    const auto loaded = tradeoff::test::load_source_file(s.file);
    tradeoff::Evaluator ev(loaded.framework, &*loaded.assessment);
    const size_t team = *ev.input_index("ml_expertise");
    const size_t m = ev.criterion_count();
    std::vector<double> before(ev.option_count() * m, 0.0);
    for (double level = 0; level < 4; ++level) {
      ev.set_input(team, level);
      ev.run();
      for (size_t i = 0; i < ev.option_count(); ++i) {
        for (size_t j = 0; j < m; ++j) {
          const double x = ev.raw(i, j);
          const bool cost = loaded.framework.criteria[j].direction == tradeoff::Direction::Cost;
          if (level > 0) {
            CAPTURE(ev.option_id(i), ev.criterion_id(j), level);
            CHECK((cost ? x <= before[i * m + j] : x >= before[i * m + j]));
          }
          before[i * m + j] = x;
        }
      }
    }
  }
}

TEST_CASE("calibration: economics decide between paths of the same quality", "[calibration]") {
  // Where data may leave (public or internal), a team exists (solid or expert) and the
  // capability is not a differentiator (1 to 3), over volumes, prices and with or without a
  // hosted open model: an API path never wins when a self-hosted path of at least its quality
  // costs about a third of it or less (3.5 times), and a self-hosted path never wins when an API
  // path of at least its quality costs no more. A cheaper but weaker model may lose: quality
  // counts too. (Confidential data and differentiation 4 are left to data control and moat:
  // there a self-hosted path may win at up to 1.5 times the API's cost.)
  const auto loaded = tradeoff::test::load_source_file("frameworks/llm_build_vs_buy.yaml");
  tradeoff::Evaluator ev(loaded.framework, nullptr);
  const auto input = [&](const char* name) { return *ev.input_index(name); };
  const size_t cost = *ev.criterion_index("annual_cost");
  const size_t quality = *ev.criterion_index("quality_fit");
  const std::vector<std::string> api = {"buy_api", "rag_over_api", "provider_finetune",
                                        "open_weights_api"};
  const std::vector<std::string> own = {"host_open", "finetune_open", "distill_student",
                                        "pretrain_own"};
  // The cheapest eligible path of `family` whose quality is at least `q`.
  const auto cheapest = [&](const std::vector<std::string>& family, double q) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& id : family) {
      const size_t i = *ev.option_index(id);
      if (ev.eligible(i) && ev.raw(i, quality) >= q) best = std::min(best, ev.raw(i, cost));
    }
    return best;
  };
  int decided = 0;
  for (const auto& [in, out] : std::vector<std::pair<double, double>>{{2.5, 10}, {0.15, 0.6}}) {
    ev.set_input(input("api_price_in_per_1m"), in);
    ev.set_input(input("api_price_out_per_1m"), out);
    for (double open : {0.0, 1.0}) {
      ev.set_input(input("open_weights_api_available"), open);
      for (double volume : {1e3, 1e4, 5e4, 1e5, 3e5, 1e6, 3e6, 1e7}) {
        ev.set_input(input("requests_per_day"), volume);
        for (double team : {2.0, 3.0}) {    // solid, expert
          for (double data : {0.0, 1.0}) {  // public, internal
            for (double differentiation : {1.0, 2.0, 3.0}) {
              ev.set_input(input("ml_expertise"), team);
              ev.set_input(input("data_sensitivity"), data);
              ev.set_input(input("differentiation_importance"), differentiation);
              ev.run();
              const size_t w = ev.winner();
              const std::string winner = ev.option_id(w);
              const bool bought = contains(api, winner);
              const double rival = cheapest(bought ? own : api, ev.raw(w, quality));
              const double mine = ev.raw(w, cost);
              CAPTURE(in, open, volume, team, data, differentiation, winner, mine, rival);
              CHECK((bought ? mine < 3.5 * rival : mine < rival));
              decided += std::isfinite(rival) ? 1 : 0;
            }
          }
        }
      }
    }
  }
  CHECK(decided > 100);  // many cells have a rival of the other kind to compare with
}
