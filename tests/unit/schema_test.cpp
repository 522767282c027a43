// Scalar parsing and ids (load/fields) and the "did you mean" suggestions (suggest).
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "load/fields.hpp"
#include "support/suggest.hpp"

using tradeoff::detail::closest;
using tradeoff::detail::did_you_mean;
using tradeoff::detail::edit_distance;
using tradeoff::loader::is_valid_id;
using tradeoff::loader::parse_number;

// --- parse_number --------------------------------------------------------------------------

TEST_CASE("parse_number reads YAML-style decimal numbers", "[schema]") {
  struct Case {
    const char* text;
    double expected;
  };
  const std::vector<Case> cases = {
      {"0", 0.0},          {"42", 42.0},        {"007", 7.0},    {"-7", -7.0},
      {"+3", 3.0},         {"3.25", 3.25},      {"-0.5", -0.5},  {".5", 0.5},
      {"5.", 5.0},         {"1e3", 1000.0},     {"1E3", 1000.0}, {"2.5e-2", 0.025},
      {"1e+2", 100.0},     {"-1.5E2", -150.0},  {"1.e2", 100.0}, {"1_000_000", 1000000.0},
      {"1_000.5", 1000.5}, {"-2_500", -2500.0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const std::optional<double> v = parse_number(c.text);
    REQUIRE(v.has_value());
    CHECK(*v == Approx(c.expected).epsilon(1e-15));
  }
}

TEST_CASE("parse_number keeps the sign of negative zero and of tiny values", "[schema]") {
  const auto z = parse_number("-0");
  REQUIRE(z.has_value());
  CHECK(*z == 0.0);
  CHECK(std::signbit(*z));
  const auto tiny = parse_number("-1e-300");
  REQUIRE(tiny.has_value());
  CHECK(*tiny == Approx(-1e-300).epsilon(1e-15));
}

TEST_CASE("parse_number rejects everything that is not a plain decimal number", "[schema]") {
  const std::vector<std::string> bad = {
      "",       // empty
      "-",      // sign only
      "+",      //
      ".",      // dot only
      "0x1A",   // hex
      "0o17",   // octal
      "0b101",  // binary
      ".inf",   // YAML infinity
      "-.inf",  //
      ".nan",   // YAML NaN
      "nan",    //
      "inf",    //
      "1e",     // exponent without digits
      "1e+",    //
      "1e-",    //
      "e5",     // exponent without mantissa
      ".e5",    //
      "1e5e3",  // two exponents
      "1e5.0",  // fraction after the exponent
      "1__0",   // double underscore
      "1e1_0",  // '_' only separates digits of the mantissa
      "_1",     // leading underscore
      "1_",     // trailing underscore
      "-_1",    // underscore after the sign
      "1_.5",   // underscore before the dot
      "1._5",   // underscore after the dot
      "1.2.3",  // two dots
      "1,000",  // thousands comma
      " 1",     // surrounding blanks
      "1 ",     //
      "12abc",  // trailing garbage
      "1e400",  // overflows to infinity
      "--1",    // two signs
      "true",   // a boolean is not a number
  };
  for (const auto& text : bad) {
    CAPTURE(text);
    CHECK_FALSE(parse_number(text).has_value());
  }
}

// --- is_valid_id ---------------------------------------------------------------------------

TEST_CASE("ids are snake_case, start with a letter and have at most 64 characters", "[schema]") {
  struct Case {
    std::string id;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"a", true},
      {"moat", true},
      {"time_to_market", true},
      {"x1", true},
      {"a_", true},
      {"a__b", true},
      {"llm_2024", true},
      {std::string(64, 'a'), true},
      {std::string(65, 'a'), false},
      {"", false},
      {"1a", false},
      {"_a", false},
      {"A", false},
      {"aB", false},
      {"a-b", false},
      {"a b", false},
      {"a.b", false},
      {"caf\xC3\xA9", false},  // "café"
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    CHECK(is_valid_id(c.id) == c.valid);
  }
}

// --- suggest -------------------------------------------------------------------------------

TEST_CASE("edit_distance is the optimal-string-alignment distance", "[schema][suggest]") {
  struct Case {
    const char* a;
    const char* b;
    int expected;
  };
  const std::vector<Case> cases = {
      {"", "", 0},
      {"abc", "", 3},
      {"", "abc", 3},
      {"abc", "abc", 0},
      {"abc", "abd", 1},         // substitution
      {"abc", "abcd", 1},        // insertion
      {"abcd", "acd", 1},        // deletion
      {"weight", "wieght", 1},   // one transposition, not two substitutions
      {"ab", "ba", 1},           //
      {"kitten", "sitting", 3},  // the textbook example
      {"flaw", "lawn", 2},
      // OSA, not full Damerau-Levenshtein: "ca" -> "abc" costs 3 (Damerau would say 2),
      // because a transposed pair may not be edited again.
      {"ca", "abc", 3},
  };
  for (const auto& c : cases) {
    CAPTURE(c.a, c.b);
    CHECK(edit_distance(c.a, c.b) == c.expected);
    CHECK(edit_distance(c.b, c.a) == c.expected);  // symmetric
  }
}

TEST_CASE("closest allows about one edit per three characters, up to three", "[schema][suggest]") {
  struct Case {
    const char* word;
    std::vector<std::string> candidates;
    const char* expected;
  };
  const std::vector<Case> cases = {
      // 6 letters: up to 2 edits.
      {"wieght", {"name", "weight"}, "weight"},
      {"abcdef", {"abcdxy"}, "abcdxy"},  // distance 2
      {"abcdef", {"abcxyz"}, ""},        // distance 3
      // 3 letters: one edit.
      {"abc", {"abx"}, "abx"},
      // 1 or 2 letters: too short for any edit to be a plausible typo.
      {"ab", {"ax"}, ""},
      {"c", {"a"}, ""},
      // 5 letters: 5 / 3 = 1 edit.
      {"minmx", {"max", "minmax"}, "minmax"},
      {"abcde", {"abxye"}, ""},  // distance 2
      // 12 letters: 12 / 3 = 4, capped at 3 edits.
      {"abcdefghijkl", {"abcdefghixyz"}, "abcdefghixyz"},  // distance 3
      {"abcdefghijkl", {"abcdefghwxyz"}, ""},              // distance 4
      // The closest wins, whatever the order of the candidates.
      {"cots", {"cast", "cost"}, "cost"},  // transposition (1) beats 2 edits
      {"speeed", {"sped", "speed"}, "speed"},
      // Equally close candidates: the first one given wins (stable output).
      {"cat", {"bat", "hat"}, "bat"},
      {"cat", {"hat", "bat"}, "hat"},
      // An exact match is not a suggestion.
      {"name", {"name"}, ""},
      // No candidates.
      {"name", {}, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word, c.candidates);
    CHECK(closest(c.word, c.candidates) == c.expected);
  }
}

TEST_CASE("closest falls back to a unique candidate containing the word", "[schema][suggest]") {
  struct Case {
    const char* word;
    std::vector<std::string> candidates;
    const char* expected;
  };
  const std::vector<Case> cases = {
      // "cost" is 2 edits from "moat" (too far for 4 letters) but inside "annual_cost".
      {"cost", {"moat", "annual_cost"}, "annual_cost"},
      // A prefix is contained too.
      {"time", {"time_to_market", "moat"}, "time_to_market"},
      // Not unique: no suggestion rather than a guess.
      {"cost", {"annual_cost", "upfront_cost"}, ""},
      // Words shorter than three characters never use the fallback.
      {"co", {"cost"}, ""},
      // A close candidate beats a containing one.
      {"cost", {"annual_cost", "coat"}, "coat"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word, c.candidates);
    CHECK(closest(c.word, c.candidates) == c.expected);
  }
}

TEST_CASE("closest gives up on words longer than 64 characters", "[schema][suggest]") {
  const std::string word(65, 'a');
  CHECK(closest(word, {std::string(64, 'a')}).empty());
  CHECK(closest(std::string(64, 'a'), {std::string(63, 'a')}) == std::string(63, 'a'));
}

TEST_CASE("did_you_mean words the hint, or says nothing", "[schema][suggest]") {
  CHECK(did_you_mean("wieght", {"name", "weight"}) == "did you mean 'weight'?");
  CHECK(did_you_mean("zzzzzz", {"name", "weight"}).empty());
}
