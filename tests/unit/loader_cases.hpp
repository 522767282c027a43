// Shared by loader_test.cpp and loader_errors_test.cpp: the small valid framework they start
// from, and edit() to change one place of it.
#pragma once

#include <string>

#include <catch2/catch.hpp>

namespace tradeoff::test::loader_cases {

/// `text` with its only occurrence of `from` replaced by `to` (FAILs if not exactly one).
inline std::string edit(const std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.substr(0, at) + to + text.substr(at + from.size());
}

// A small valid framework; the line numbers are those of the diagnostics in
// loader_errors_test.cpp.
inline const std::string kBase =
    R"(framework: f
criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 3
  - id: price
    direction: cost
    weight: 1
options:
  - id: a
    scores: {speed: 4, price: 10}
  - id: b
    scores: {speed: 2, price: 20}
)";

}  // namespace tradeoff::test::loader_cases
