// Shared by rules_test.cpp and rules_errors_test.cpp: the framework the rules under test are
// appended to, and the error evaluating it with them throws.
#pragma once

#include <string>

#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::test::rules_cases {

// Rules are appended after line 24: the first rule starts on line 25.
inline const std::string kBase =
    R"(framework: f
inputs:
  requests: {type: number, default: 250000}
  team: {type: integer, default: 3}
  skill: {type: level, levels: [none, basic, solid, expert], default: basic}
  zero: {type: number, default: 0}
derived:
  per_head: requests / team
criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 2
  - id: price
    direction: cost
    weight: 1
options:
  - id: buy_api
    scores: {speed: 4, price: 100}
  - id: build_own
    scores: {speed: 2, price: 50}
  - id: host_open
    scores: {speed: 3, price: 80}
rules:
)";

/// The error evaluating `rules` throws.
inline Diagnostic evaluation_error(const std::string& rules) {
  const auto loaded = load_text(kBase + rules);
  return expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
}

}  // namespace tradeoff::test::rules_cases
