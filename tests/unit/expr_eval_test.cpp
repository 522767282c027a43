// Evaluation of checked expressions (expr/check.hpp: evaluate, eval.cpp): every operator and
// function with exact values, lazy if/and/or, level ordering and `in`, and every runtime error
// with its exact message and the node it points at.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "expr/check.hpp"

using tradeoff::expr::check;
using tradeoff::expr::EvalError;
using tradeoff::expr::Op;
using tradeoff::expr::parse;
using tradeoff::expr::Symbols;
using tradeoff::expr::to_string;
using tradeoff::expr::Tree;
using tradeoff::expr::Type;

namespace {

Symbols symbols() {
  Symbols s;
  s.domains = {{"skill", {"none", "basic", "solid", "expert"}, true},
               {"region", {"eu", "us", "apac"}, false},
               {"skill2", {"none", "basic", "solid", "expert"}, true}};
  s.symbols = {{"price", Type::Number, 0, -1}, {"users", Type::Number, 1, -1},
               {"urgent", Type::Bool, 2, -1},  {"skill", Type::Level, 3, 0},
               {"region", Type::Choice, 4, 1}, {"skill2", Type::Level, 5, 2},
               {"big", Type::Number, 6, -1}};
  return s;
}

// price = 10, users = 0, urgent = true, skill = solid, region = us, skill2 = expert, big = 1e308
const std::vector<double> kSlots = {10, 0, 1, 2, 1, 3, 1e308};

Tree checked(const std::string& text) {
  Tree t = parse(text);
  const auto errors = check(t, symbols(), Type::Unknown);
  INFO(text);
  REQUIRE(errors.empty());
  return t;
}

double value(const std::string& text, const std::vector<double>& slots = kSlots) {
  return tradeoff::expr::evaluate(checked(text), slots.data());
}

struct ValueCase {
  std::string text;
  double value;
};

void check_values(const std::vector<ValueCase>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(value(c.text) == c.value);
  }
}

struct FailCase {
  std::string text;
  std::string message;
  Op op;           // of the node the error points at
  uint32_t begin;  // its byte range
  uint32_t end;
};

void check_failures(const std::vector<FailCase>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Tree t = checked(c.text);
    bool thrown = false;
    try {
      (void)tradeoff::expr::evaluate(t, kSlots.data());
    } catch (const EvalError& e) {
      thrown = true;
      CHECK(e.message == c.message);
      REQUIRE(e.node < t.nodes.size());
      CHECK(to_string(t.node(e.node).op) == to_string(c.op));
      CHECK(t.node(e.node).begin == c.begin);
      CHECK(t.node(e.node).end == c.end);
    }
    CHECK(thrown);
  }
}

}  // namespace

TEST_CASE("arithmetic operators", "[expr][eval]") {
  check_values({
      {"1 + 2 * 3", 7},
      {"7 - 10", -3},
      {"7 / 2", 3.5},
      {"-price", -10},
      {"- -price", 10},
      {"price * 2.5 - 1", 24},
      {"2 ^ 10", 1024},
      {"2 ^ -1", 0.5},
      {"-2 ^ 2", -4},
      {"(-2) ^ 2", 4},
      {"(-8) ^ 3", -512},
      {"2 ^ 3 ^ 2", 512},
      {"4 ^ 0.5", 2},
      {"0 ^ 0", 1},
      {"0 ^ 2", 0},
      {"1_000 * .5 + 1e-3", 500.001},
  });
}

TEST_CASE("comparisons and logic evaluate to 1 and 0", "[expr][eval]") {
  check_values({
      {"price == 10", 1},
      {"price != 10", 0},
      {"price < 10", 0},
      {"price <= 10", 1},
      {"price > 9.5", 1},
      {"price >= 10.5", 0},
      {"urgent", 1},
      {"not urgent", 0},
      {"urgent and price > 1", 1},
      {"urgent and price > 100", 0},
      {"not urgent or price > 1", 1},
      {"not urgent or false", 0},
      {"urgent == true", 1},
      {"urgent != (price > 1)", 0},
      {"true and not false", 1},
  });
}

TEST_CASE("levels compare by their order, choices by equality", "[expr][eval]") {
  check_values({
      {"skill >= \"solid\"", 1},
      {"skill > \"solid\"", 0},
      {"skill < \"expert\"", 1},
      {"skill <= \"basic\"", 0},
      {"\"none\" < skill", 1},
      {"skill == \"solid\"", 1},
      {"skill != \"solid\"", 0},
      {"skill < skill2", 1},
      {"skill2 <= skill", 0},
      {"skill == skill2", 0},
      {"region == \"us\"", 1},
      {"region != \"eu\"", 1},
      {"skill", 2},
      {"region", 1},
  });
}

TEST_CASE("in tests membership of a list", "[expr][eval]") {
  check_values({
      {"region in [\"us\", \"apac\"]", 1},
      {"region in [\"eu\"]", 0},
      {"region in []", 0},
      {"skill in [\"none\", \"solid\"]", 1},
      {"skill in [skill2]", 0},
      {"price in [1, 10]", 1},
      {"price in [1, 2]", 0},
      {"price in [users + 10]", 1},
      {"urgent in [false]", 0},
      {"not region in [\"us\"]", 0},
  });
}

TEST_CASE("functions", "[expr][eval]") {
  check_values({
      {"abs(-3.25)", 3.25},
      {"abs(price)", 10},
      {"floor(-1.5)", -2},
      {"floor(2.5)", 2},
      {"ceil(-1.5)", -1},
      {"ceil(2.1)", 3},
      {"exp(0)", 1},
      {"exp(1)", std::exp(1.0)},
      {"sqrt(16)", 4},
      {"sqrt(2)", std::sqrt(2.0)},
      {"log(1)", 0},
      {"log(exp(2))", 2},
      {"log(8, 2)", 3},
      {"log(0.5, 2)", -1},
      {"log(100, 10)", 2},
      {"min(3, 1, 2)", 1},
      {"max(3, 1, 2)", 3},
      {"min(4)", 4},
      {"max(-1, -5)", -1},
      {"min(price, users, 5)", 0},
      {"clamp(5, 0, 3)", 3},
      {"clamp(-1, 0, 3)", 0},
      {"clamp(2, 0, 3)", 2},
      {"clamp(2, 2, 2)", 2},
      {"if(urgent, 1, 2)", 1},
      {"if(not urgent, 1, 2)", 2},
      {"if(urgent, skill, skill2)", 2},
  });
}

TEST_CASE("round() rounds half away from zero, to whole digits either side of the point",
          "[expr][eval]") {
  check_values({
      {"round(2.5)", 3},
      {"round(-2.5)", -3},
      {"round(2.4999)", 2},
      {"round(1234.5678, 2)", 1234.57},
      {"round(0.125, 2)", 0.13},
      {"round(-0.125, 2)", -0.13},
      {"round(1234.5, -2)", 1200},
      {"round(12345.6789, -3)", 12000},
      {"round(1250, -2)", 1300},
      {"round(7, 0)", 7},
      {"round(1, 15)", 1},
      {"round(1, -15)", 0},
  });
}

// Regression: round(x, digits) multiplied by 10^digits first, so a large but finite x overflowed
// and was reported as too large.
TEST_CASE("round() of a large number with digits fails as too large", "[regression][expr]") {
  for (const std::string text : {"round(1e300, 15)", "round(1e308, 1)"}) {
    CAPTURE(text);
    Tree t = parse(text);
    REQUIRE(check(t, symbols(), Type::Number).empty());
    double v = 0;
    CHECK_NOTHROW(v = tradeoff::expr::evaluate(t, nullptr));
    CHECK(v == std::stod(text.substr(6, 5)));
  }
}

// Regression: log(x, base) was computed as log(x) / log(base), which gave log(1000, 10) =
// 2.9999999999999996.
TEST_CASE("log(1000, 10) is not exactly 3", "[regression][expr]") {
  Tree t = parse("floor(log(1000, 10))");
  REQUIRE(check(t, symbols(), Type::Number).empty());
  CHECK(tradeoff::expr::evaluate(t, nullptr) == 3);
}

TEST_CASE("if(), and, or evaluate only what they need", "[expr][eval]") {
  // users is 0: every untaken branch or right side would divide by zero.
  check_values({
      {"if(users > 0, price / users, 0)", 0},
      {"if(users == 0, -1, price / users)", -1},
      {"if(urgent, 5, log(users))", 5},
      {"users != 0 and price / users > 1", 0},
      {"users == 0 or price / users > 1", 1},
      {"not urgent and sqrt(-1) > 0", 0},
      {"urgent or 0 ^ -1 > 0", 1},
  });
}

TEST_CASE("slots are read at each evaluation", "[expr][eval]") {
  const Tree t = checked("if(skill >= \"solid\", price / users, 0)");
  std::vector<double> slots = kSlots;
  slots[1] = 4;
  CHECK(tradeoff::expr::evaluate(t, slots.data()) == 2.5);
  slots[3] = 1;  // basic
  CHECK(tradeoff::expr::evaluate(t, slots.data()) == 0);
  slots[0] = 7;
  slots[3] = 3;  // expert
  CHECK(tradeoff::expr::evaluate(t, slots.data()) == 1.75);
}

TEST_CASE("runtime errors name the problem and point at the node that failed",
          "[expr][eval][errors]") {
  check_failures({
      {"price / users", "division by zero", Op::Div, 0, 13},
      {"1 + 2 / (users * 3)", "division by zero", Op::Div, 4, 19},
      {"0 ^ -1", "zero raised to a negative power", Op::Pow, 0, 6},
      {"users ^ -2", "zero raised to a negative power", Op::Pow, 0, 10},
      {"(0 - 8) ^ 0.5", "a negative number raised to a fractional power", Op::Pow, 0, 13},
      {"2 * (0 - 8) ^ (1 / 3)", "a negative number raised to a fractional power", Op::Pow, 4, 21},
      {"log(0)", "the logarithm of 0, which is not positive", Op::Call, 0, 6},
      {"1 + log(users)", "the logarithm of 0, which is not positive", Op::Call, 4, 14},
      {"log(-2)", "the logarithm of -2, which is not positive", Op::Call, 0, 7},
      {"log(-0.5, 10)", "the logarithm of -0.5, which is not positive", Op::Call, 0, 13},
      {"log(8, 1)", "a logarithm base must be positive and not 1", Op::Call, 0, 9},
      {"log(8, 0)", "a logarithm base must be positive and not 1", Op::Call, 0, 9},
      {"log(8, -2)", "a logarithm base must be positive and not 1", Op::Call, 0, 10},
      {"sqrt(-4)", "the square root of -4, a negative number", Op::Call, 0, 8},
      {"sqrt(users - 0.25)", "the square root of -0.25, a negative number", Op::Call, 0, 18},
      {"clamp(1, 3, 2)", "clamp() needs its lower bound at most its upper bound", Op::Call, 0, 14},
      {"round(1, 0.5)", "round() takes a whole number of digits between -15 and 15", Op::Call, 0,
       13},
      {"round(1, 16)", "round() takes a whole number of digits between -15 and 15", Op::Call, 0,
       12},
      {"round(1, -16)", "round() takes a whole number of digits between -15 and 15", Op::Call, 0,
       13},
  });
}

TEST_CASE("results too large to represent are errors, never infinity", "[expr][eval][errors]") {
  const std::string too_large = "the result is too large to represent";
  check_failures({
      {"exp(1000)", too_large, Op::Call, 0, 9},
      {"exp(710)", too_large, Op::Call, 0, 8},
      {"1e308 * 10", too_large, Op::Mul, 0, 10},
      {"big * 10", too_large, Op::Mul, 0, 8},
      {"big + big", too_large, Op::Add, 0, 9},
      {"-big - big", too_large, Op::Sub, 0, 10},
      {"10 ^ 400", too_large, Op::Pow, 0, 8},
      {"1 / 1e-320", too_large, Op::Div, 0, 10},
      {"1 + exp(price * 100)", too_large, Op::Call, 4, 20},
  });
  // Underflow is fine: it is a representable zero.
  CHECK(value("exp(-1000)") == 0);
  CHECK(value("big * 1.5 > big") == 1);
}
