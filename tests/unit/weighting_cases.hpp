// Shared by weighting_test.cpp and weighting_ahp_test.cpp: a framework of four criteria and
// three options that the `weighting:` blocks under test are appended to.
#pragma once

#include <string>

namespace tradeoff::test::weighting_cases {

// Four criteria, three options; used by the loader, AHP, group and stakeholder tests.
inline const std::string kHead =
    R"(framework: pick
title: Pick one
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost}
  - {id: speed, name: Speed, direction: benefit}
  - {id: quality, name: Quality, direction: benefit}
  - {id: support, name: Support, direction: benefit}
options:
  - {id: a, scores: {price: 10, speed: 3, quality: 4, support: 2}}
  - {id: b, scores: {price: 20, speed: 5, quality: 2, support: 4}}
  - {id: c, scores: {price: 15, speed: 4, quality: 3, support: 5}}
)";

}  // namespace tradeoff::test::weighting_cases
