// The near-tie verdict and the robustness block (tradeoff/sensitivity.hpp): when a winner is
// called effectively tied, the sentences said, and figures rounded to three digits.
#include "tradeoff/sensitivity.hpp"

#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/text.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::test::load_text;

namespace {

// a = (0.8 x 10 + 0.2 x 9) / 19 = 0.5158, b = (0.3 x 10 + 0.75 x 9) / 19 = 0.5132. a wins
// while speed's share s > 0.55 / 1.05 = 0.52381, i.e. speed's weight > 9 x 0.52381 / 0.47619
// = 9.9: a fall of 1% makes b win.
const char* const kNear = R"(framework: near
criteria:
  - {id: speed, direction: benefit, scale: [0, 10], weight: 10}
  - {id: price, direction: benefit, scale: [0, 10], weight: 9}
options:
  - {id: a, scores: {speed: 8, price: 2}}
  - {id: b, scores: {speed: 3, price: 7.5}}
)";

tradeoff::Result robust(const std::string& yaml) {
  const auto loaded = load_text(yaml);
  tradeoff::Result r = tradeoff::evaluate(loaded.framework, nullptr);
  tradeoff::add_robustness(r, loaded.framework, nullptr, {}, {});
  return r;
}

}  // namespace

TEST_CASE("a 1% weight change that flips the winner is an effective tie", "[sensitivity]") {
  const auto r = robust(kNear);
  REQUIRE(r.robustness.has_value());
  const auto& b = *r.robustness;
  REQUIRE(b.flip.has_value());
  CHECK(b.flip->criterion == "speed");
  CHECK(b.flip->from == 10);
  CHECK(b.flip->to == Approx(9.9).epsilon(1e-9));
  CHECK(b.flip->relative == Approx(0.01).epsilon(1e-6));
  CHECK(b.flip->winner == "b");
  CHECK(b.near_tie.near);
  CHECK_FALSE(b.confidence.has_value());  // no uncertainty declared: no Monte-Carlo
  CHECK(b.sentences == std::vector<std::string>{
                           "a and b are effectively tied: a 1.0% change of speed's weight makes b "
                           "win.",
                           "The most sensitive weight is speed: it would have to fall from 10 to "
                           "9.9 (1.0%) for b to win."});
}

TEST_CASE("a clear winner is not called tied", "[sensitivity]") {
  // With s speed's share: a = s, b = 0.1 s + 0.9 (1 - s); a wins past s = 0.5. Weights 1 and
  // 3 (s = 0.25): b leads 0.7 to 0.25. Speed would have to rise to 0.5 x 3 / 0.5 = 3 (200%),
  // price fall to 0.5 x 1 / 0.5 = 1 (67%): price is the most sensitive, and not by 5%.
  const auto r = robust(R"(framework: clear
criteria:
  - {id: speed, direction: benefit, scale: [0, 10], weight: 1}
  - {id: price, direction: benefit, scale: [0, 10], weight: 3}
options:
  - {id: a, scores: {speed: 10, price: 0}}
  - {id: b, scores: {speed: 1, price: 9}}
)");
  REQUIRE(r.robustness.has_value());
  CHECK_FALSE(r.robustness->near_tie.near);
  CHECK(r.robustness->near_tie.sentence.empty());
  REQUIRE(r.robustness->flip.has_value());
  CHECK(r.robustness->flip->criterion == "price");
  CHECK(r.robustness->flip->to == Approx(1.0).epsilon(1e-9));
  CHECK(r.robustness->flip->relative == Approx(2.0 / 3.0).epsilon(1e-9));
  CHECK(r.robustness->flip->winner == "a");
}

TEST_CASE("declared uncertainty adds the Monte-Carlo confidence to the verdict", "[sensitivity]") {
  const auto r = robust(std::string(kNear) + "uncertainty: {weights: {concentration: 100}}\n");
  REQUIRE(r.robustness.has_value());
  const auto& b = *r.robustness;
  REQUIRE(b.confidence.has_value());
  CHECK(b.samples == 10000);
  CHECK(*b.confidence > 0.3);
  CHECK(*b.confidence < 0.7);
  CHECK(b.near_tie.near);
  CHECK(b.near_tie.sentence.find("Monte-Carlo confidence") != std::string::npos);
}

TEST_CASE("a tie for first names every tied option and no flip point", "[sensitivity]") {
  const auto r = robust(R"(framework: tie
criteria:
  - {id: speed, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {speed: 5}}
  - {id: b, scores: {speed: 5}}
  - {id: c, scores: {speed: 5}}
)");
  REQUIRE(r.robustness.has_value());
  CHECK(r.robustness->near_tie.sentence ==
        "a, b, and c tie for first: the smallest change of a weight can separate them.");
}

TEST_CASE("figures found by search are said to three significant digits", "[sensitivity]") {
  using tradeoff::detail::rounded;
  CHECK(rounded(12.9381) == "12.9");
  CHECK(rounded(690625) == "691,000");
  CHECK(rounded(0.0437219) == "0.0437");
  CHECK(rounded(0) == "0");
  CHECK(rounded(-1.23456) == "-1.23");
}

TEST_CASE("the sensitivity report's robustness block reuses its analyses, to the same words",
          "[sensitivity]") {
  // With and without declared uncertainty: the block built from analyze_sensitivity()'s
  // figures equals the one evaluate computes on its own, sentence for sentence.
  for (const std::string& yaml :
       {std::string(kNear),
        std::string(kNear) + "uncertainty: {weights: {concentration: 100}}\n"}) {
    const auto loaded = load_text(yaml);
    const tradeoff::Result alone = robust(yaml);
    tradeoff::Sensitivity s = tradeoff::analyze_sensitivity(loaded.framework, nullptr, {});
    tradeoff::add_robustness(s, loaded.framework, nullptr);
    REQUIRE(s.result.robustness.has_value());
    REQUIRE(alone.robustness.has_value());
    CHECK(s.result.robustness->sentences == alone.robustness->sentences);
    CHECK(s.result.robustness->confidence == alone.robustness->confidence);
    CHECK(s.result.robustness->samples == alone.robustness->samples);
  }
}
