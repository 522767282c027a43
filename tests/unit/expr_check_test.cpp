// Name resolution and type checking of expressions (expr/check.hpp, check.cpp): every type
// error with its exact message, byte range, hint and code; names bound to slots; string literals
// bound to the index of a level or choice; literal comparisons folded.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "expr/check.hpp"

using tradeoff::ErrorCode;
using tradeoff::expr::check;
using tradeoff::expr::CheckError;
using tradeoff::expr::dump;
using tradeoff::expr::Op;
using tradeoff::expr::parse;
using tradeoff::expr::result_domain;
using tradeoff::expr::result_type;
using tradeoff::expr::Symbols;
using tradeoff::expr::Tree;
using tradeoff::expr::Type;

namespace {

// Slots: price 0, users 1, urgent 2, skill 3, region 4, skill2 5, tier 6; `broken` is a
// derived value whose own formula failed (slot -1).
Symbols symbols() {
  Symbols s;
  s.domains = {{"skill", {"none", "basic", "solid", "expert"}, true},
               {"region", {"eu", "us", "apac"}, false},
               {"skill2", {"none", "basic", "solid", "expert"}, true},
               {"tier", {"low", "mid", "high"}, true}};
  s.symbols = {{"price", Type::Number, 0, -1}, {"users", Type::Number, 1, -1},
               {"urgent", Type::Bool, 2, -1},  {"skill", Type::Level, 3, 0},
               {"region", Type::Choice, 4, 1}, {"skill2", Type::Level, 5, 2},
               {"tier", Type::Level, 6, 3},    {"broken", Type::Number, -1, -1}};
  return s;
}

struct Checked {
  Tree tree;
  std::vector<CheckError> errors;
};

Checked checked(const std::string& text, Type expected = Type::Unknown) {
  Checked c{parse(text), {}};
  c.errors = check(c.tree, symbols(), expected);
  return c;
}

/// The messages of the errors checking `text` gives.
std::vector<std::string> check_messages(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : checked(text).errors) out.push_back(e.message);
  return out;
}

struct ErrorCase {
  std::string text;
  Type expected;
  uint32_t begin;
  uint32_t end;
  std::string message;
  std::string hint;
  ErrorCode code;
};

/// Each case must give exactly one error.
void check_errors(const std::vector<ErrorCase>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Checked r = checked(c.text, c.expected);
    REQUIRE(r.errors.size() == 1);
    const CheckError& e = r.errors[0];
    CHECK(e.message == c.message);
    CHECK(e.begin == c.begin);
    CHECK(e.end == c.end);
    CHECK(e.hint == c.hint);
    CHECK(e.code == c.code);
  }
}

constexpr Type kAny = Type::Unknown;
const std::string kSkillValues = "none, basic, solid, expert";

}  // namespace

TEST_CASE("strings, levels and choices cannot take part in arithmetic", "[expr][errors]") {
  check_errors({
      {"\"a\" + 1", kAny, 0, 3, "cannot use a string in arithmetic", "", ErrorCode::ExprType},
      {"1 - 'a'", kAny, 4, 7, "cannot use a string in arithmetic", "", ErrorCode::ExprType},
      {"skill + 1", kAny, 0, 5,
       "cannot use 'skill' in arithmetic: it is a level (" + kSkillValues + ")", "",
       ErrorCode::ExprType},
      {"-region", kAny, 1, 7, "cannot use 'region' in arithmetic: it is a choice (eu, us, apac)",
       "", ErrorCode::ExprType},
      {"2 ^ urgent", kAny, 4, 10, "cannot use a condition (true or false) in arithmetic", "",
       ErrorCode::ExprType},
      {"price * (users > 1)", kAny, 8, 19, "cannot use a condition (true or false) in arithmetic",
       "", ErrorCode::ExprType},
      {"clamp(skill, 1, 2)", kAny, 6, 11,
       "cannot use 'skill' in clamp(): it is a level (" + kSkillValues + ")", "",
       ErrorCode::ExprType},
      {"sqrt(urgent)", kAny, 5, 11, "cannot use a condition (true or false) in sqrt()", "",
       ErrorCode::ExprType},
  });
  // Every bad operand is reported.
  const Checked r = checked("min(1, \"a\", urgent)");
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].message == "cannot use a string in min()");
  CHECK(r.errors[0].begin == 7);
  CHECK(r.errors[0].end == 10);
  CHECK(r.errors[1].message == "cannot use a condition (true or false) in min()");
  CHECK(r.errors[1].begin == 12);
  CHECK(r.errors[1].end == 18);
}

TEST_CASE("levels compare with their own values, choices only for equality", "[expr][errors]") {
  check_errors({
      {"skill > 2", kAny, 0, 9,
       "cannot compare a level with a number: 'skill' is a level (" + kSkillValues + ")",
       "compare it with one of its values, in quotes, e.g. skill > \"solid\"", ErrorCode::ExprType},
      {"2 <= skill", kAny, 0, 10,
       "cannot compare a number with a level: 'skill' is a level (" + kSkillValues + ")",
       "compare it with one of its values, in quotes, e.g. skill <= \"solid\"",
       ErrorCode::ExprType},
      {"region == 1", kAny, 0, 11,
       "cannot compare a choice with a number: 'region' is a choice (eu, us, apac)",
       "compare it with one of its values, in quotes, e.g. region == \"us\"", ErrorCode::ExprType},
      {"region < \"eu\"", kAny, 0, 6,
       "'region' is a choice, and choices have no order; compare it with '==', or declare the "
       "input as a level",
       "", ErrorCode::ExprType},
      {"\"eu\" >= region", kAny, 8, 14,
       "'region' is a choice, and choices have no order; compare it with '==', or declare the "
       "input as a level",
       "", ErrorCode::ExprType},
      {"skill == \"expret\"", kAny, 9, 17,
       "'expret' is not a level of 'skill' (" + kSkillValues + ")", "did you mean 'expert'?",
       ErrorCode::InvalidValue},
      {"'basc' < skill", kAny, 0, 6, "'basc' is not a level of 'skill' (" + kSkillValues + ")",
       "did you mean 'basic'?", ErrorCode::InvalidValue},
      {"region != \"uss\"", kAny, 10, 15, "'uss' is not a choice of 'region' (eu, us, apac)",
       "did you mean 'us'?", ErrorCode::InvalidValue},
      {"region == \"asia\"", kAny, 10, 16, "'asia' is not a choice of 'region' (eu, us, apac)", "",
       ErrorCode::InvalidValue},
      {"skill == tier", kAny, 0, 13,
       "cannot compare 'skill' (a level (" + kSkillValues +
           ")) with 'tier' (a level (low, mid, high)): they take different values",
       "", ErrorCode::ExprType},
      {"skill == region", kAny, 0, 15,
       "cannot compare 'skill' (a level (" + kSkillValues +
           ")) with 'region' (a choice (eu, us, apac)): they take different values",
       "", ErrorCode::ExprType},
  });
}

TEST_CASE("levels of different inputs with identical values compare", "[expr]") {
  for (const std::string text : {"skill == skill2", "skill < skill2", "skill2 >= skill"}) {
    CAPTURE(text);
    const Checked r = checked(text, Type::Bool);
    CHECK(r.errors.empty());
    CHECK(result_type(r.tree) == Type::Bool);
  }
}

TEST_CASE("comparisons of other types", "[expr][errors]") {
  check_errors({
      {"price == \"x\"", kAny, 0, 12, "cannot compare a number with a string", "",
       ErrorCode::ExprType},
      {"urgent == 1", kAny, 0, 11, "cannot compare a boolean with a number", "",
       ErrorCode::ExprType},
      {"\"a\" < \"b\"", kAny, 0, 9, "cannot compare a string with a string", "",
       ErrorCode::ExprType},
  });
  for (const std::string text : {"urgent == true", "urgent != (price > 1)", "price >= users"}) {
    CAPTURE(text);
    CHECK(checked(text, Type::Bool).errors.empty());
  }
}

// Regression: ordering two booleans once said "cannot compare a boolean with a boolean", which
// they can, for equality.
TEST_CASE("ordering booleans says they cannot be compared at all", "[regression][expr]") {
  // "urgent == true" is fine; only the order is missing.
  const auto m = check_messages("urgent < true");
  REQUIRE(m.size() == 1);
  CHECK(m[0] != "cannot compare a boolean with a boolean");
}

TEST_CASE("if() needs a condition and two branches of the same type", "[expr][errors]") {
  check_errors({
      {"if(price, 1, 2)", kAny, 3, 8,
       "expected a condition (true or false) as the first argument of if(), got a number", "",
       ErrorCode::ExprType},
      {"if(urgent, 1, \"a\")", kAny, 0, 18,
       "the branches of if() must be numbers, conditions, or values of one level or choice, "
       "got a number and a string",
       "", ErrorCode::ExprType},
      {"if(urgent, 1, urgent)", kAny, 0, 21,
       "the two branches of if() must have the same type, got a number and a condition (true "
       "or false)",
       "", ErrorCode::ExprType},
      {"if(urgent, skill, \"guru\")", kAny, 18, 24,
       "'guru' is not a level of 'skill' (none, basic, solid, expert)", "",
       ErrorCode::InvalidValue},
      {"if(urgent, skill, region)", kAny, 0, 25,
       "the two branches of if() must have the same type, got a level of 'skill' and a choice "
       "of 'region'",
       "", ErrorCode::ExprType},
  });
  // A string beside a level names one of its values.
  const Checked named = checked("if(urgent, skill, \"basic\")");
  CHECK(named.errors.empty());
  CHECK(result_type(named.tree) == Type::Level);
  // Levels of inputs with the same values are the same type; the result is the first's.
  const Checked r = checked("if(urgent, skill, skill2)");
  CHECK(r.errors.empty());
  CHECK(result_type(r.tree) == Type::Level);
  CHECK(result_domain(r.tree) == 0);
  CHECK(result_type(checked("if(urgent, urgent, false)").tree) == Type::Bool);
  CHECK(result_type(checked("if(urgent, 1, price)").tree) == Type::Number);
}

// Regression: type errors between levels of different inputs once named the same type twice
// ("got a level and a level"), and so did if() of two strings.
TEST_CASE("type errors between levels of different inputs name the same type twice",
          "[regression][expr]") {
  // The real difference (the values they take) is not said; compare "skill == tier", which says
  // "they take different values".
  const auto branches = check_messages("if(urgent, skill, tier)");
  REQUIRE(branches.size() == 1);
  CHECK(branches[0] != "the two branches of if() must have the same type, got a level and a level");
  const auto list = check_messages("skill in [tier]");
  REQUIRE(list.size() == 1);
  CHECK(list[0] != "expected a level in this list, like 'skill', got a level");
  // Two strings are the same type; the problem is that if() cannot return strings.
  const auto strings = check_messages("if(urgent, \"a\", \"b\")");
  REQUIRE(strings.size() == 1);
  CHECK(strings[0] !=
        "the two branches of if() must have the same type, got a string and a string");
}

TEST_CASE("every function checks its number of arguments", "[expr][errors]") {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"if(urgent, 2)", "if() takes 3 arguments, got 2"},
      {"if(urgent, 2, 3, 4)", "if() takes 3 arguments, got 4"},
      {"clamp(1, 2)", "clamp() takes 3 arguments, got 2"},
      {"clamp(1, 2, 3, 4)", "clamp() takes 3 arguments, got 4"},
      {"round()", "round() takes 1 or 2 arguments, got 0"},
      {"round(1, 2, 3)", "round() takes 1 or 2 arguments, got 3"},
      {"log()", "log() takes 1 or 2 arguments, got 0"},
      {"log(1, 2, 3)", "log() takes 1 or 2 arguments, got 3"},
      {"abs()", "abs() takes 1 argument, got 0"},
      {"abs(1, 2)", "abs() takes 1 argument, got 2"},
      {"floor()", "floor() takes 1 argument, got 0"},
      {"floor(1, 2)", "floor() takes 1 argument, got 2"},
      {"ceil()", "ceil() takes 1 argument, got 0"},
      {"ceil(1, 2)", "ceil() takes 1 argument, got 2"},
      {"exp()", "exp() takes 1 argument, got 0"},
      {"exp(1, 2)", "exp() takes 1 argument, got 2"},
      {"sqrt()", "sqrt() takes 1 argument, got 0"},
      {"sqrt(1, 2)", "sqrt() takes 1 argument, got 2"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Checked r = checked(c.text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message == c.message);
    // The whole call is underlined.
    CHECK(r.errors[0].begin == 0);
    CHECK(r.errors[0].end == c.text.size());
    CHECK(r.errors[0].code == ErrorCode::ExprType);
  }
  // min() and max() take any number from one (their message: the regression test below).
  REQUIRE(checked("min()").errors.size() == 1);
  REQUIRE(checked("max()").errors.size() == 1);
  for (const std::string text :
       {"min(1)", "max(1, 2, 3, 4, 5)", "round(1)", "round(1, 2)", "log(1)", "log(1, 2)"}) {
    CAPTURE(text);
    CHECK(checked(text, Type::Number).errors.empty());
  }
}

// Regression: min() and max() once said "takes at least 1 arguments".
TEST_CASE("min() and max() say 'at least 1 arguments'", "[regression][expr]") {
  CHECK(check_messages("min()") ==
        std::vector<std::string>{"min() takes at least 1 argument, got 0"});
}

TEST_CASE("lists only follow in, and in needs a list of the left side's type", "[expr][errors]") {
  check_errors({
      {"[1, 2]", kAny, 0, 6, "a list can only follow 'in'", "", ErrorCode::ExprType},
      {"1 + [2]", kAny, 4, 7, "a list can only follow 'in'", "", ErrorCode::ExprType},
      {"skill in \"basic\"", kAny, 9, 16, "expected a list after 'in', e.g. [\"a\", \"b\"]", "",
       ErrorCode::ExprType},
      {"skill in skill2", kAny, 9, 15, "expected a list after 'in', e.g. [\"a\", \"b\"]", "",
       ErrorCode::ExprType},
      {"price in [1, \"a\"]", kAny, 13, 16,
       "expected a number in this list, like 'price', got a string", "", ErrorCode::ExprType},
      {"urgent in [true, 1]", kAny, 17, 18,
       "expected a condition (true or false) in this list, like 'urgent', got a number", "",
       ErrorCode::ExprType},
      {"skill in [\"basic\", \"expertt\"]", kAny, 19, 28,
       "'expertt' is not a level of 'skill' (" + kSkillValues + ")", "did you mean 'expert'?",
       ErrorCode::InvalidValue},
      {"skill in [region]", kAny, 10, 16,
       "expected a level of 'skill' in this list, like 'skill', got a choice of 'region'", "",
       ErrorCode::ExprType},
      {"\"a\" in [\"a\"]", kAny, 0, 3,
       "a string on its own has no value here; compare it with an input", "", ErrorCode::ExprType},
  });
  for (const std::string text :
       {"skill in [skill2, \"none\"]", "region in []", "price in [users, 1 + 2]"}) {
    CAPTURE(text);
    CHECK(checked(text, Type::Bool).errors.empty());
  }
}

TEST_CASE("the whole expression must have the type its place expects", "[expr][errors]") {
  check_errors({
      {"price + 1", Type::Bool, 0, 9, "expected a condition (true or false), got a number", "",
       ErrorCode::ExprType},
      {"skill", Type::Bool, 0, 5, "expected a condition (true or false), got a level", "",
       ErrorCode::ExprType},
      {"price > 1", Type::Number, 0, 9, "expected a number, got a condition (true or false)", "",
       ErrorCode::ExprType},
      {"region", Type::Number, 0, 6, "expected a number, got a choice", "", ErrorCode::ExprType},
      {"\"basic\"", Type::Bool, 0, 7, "expected a condition (true or false), got a string", "",
       ErrorCode::ExprType},
      // A bare string is an error whatever is expected.
      {"\"basic\"", kAny, 0, 7, "a string on its own has no value here; compare it with an input",
       "", ErrorCode::ExprType},
      {"not price", kAny, 4, 9, "expected a condition (true or false) after 'not', got a number",
       "", ErrorCode::ExprType},
      {"price and urgent", kAny, 0, 5,
       "expected a condition (true or false) around 'and', got a number", "", ErrorCode::ExprType},
      {"urgent or skill", kAny, 10, 15,
       "expected a condition (true or false) around 'or', got a level", "", ErrorCode::ExprType},
  });
}

TEST_CASE("unknown names get a hint, names of broken values no error", "[expr][errors]") {
  check_errors({
      {"prcie + 1", kAny, 0, 5, "unknown name 'prcie'", "did you mean 'price'?",
       ErrorCode::UnknownReference},
      {"urgnet", Type::Bool, 0, 6, "unknown name 'urgnet'", "did you mean 'urgent'?",
       ErrorCode::UnknownReference},
      {"xyz * 2", kAny, 0, 3, "unknown name 'xyz'", "", ErrorCode::UnknownReference},
  });
  // One unknown name leaves the rest of the expression unchecked, not reported twice.
  CHECK(checked("prcie > \"x\"", Type::Bool).errors.size() == 1);
  // A symbol with slot -1 (its own formula failed, already reported) yields no error at all,
  // whatever the expression does with it.
  for (const std::string text : {"broken + 1", "broken > 1", "broken == \"x\"", "broken",
                                 "not broken", "if(broken, 1, \"a\")", "broken in [1, \"a\"]"}) {
    CAPTURE(text);
    const Checked r = checked(text, Type::Bool);
    CHECK(r.errors.empty());
    CHECK(result_type(r.tree) == Type::Unknown);
  }
}

TEST_CASE("several independent errors are all reported", "[expr][errors]") {
  const Checked r = checked("prcie + \"a\" > 1 and skill == \"expret\"", Type::Bool);
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].message == "unknown name 'prcie'");
  CHECK(r.errors[1].message == "cannot use a string in arithmetic");
  CHECK(r.errors[1].begin == 8);
  CHECK(r.errors[2].message == "'expret' is not a level of 'skill' (" + kSkillValues + ")");
  CHECK(r.errors[2].begin == 29);
  CHECK(r.errors[2].end == 37);
}

TEST_CASE("checking binds names to slots and infers types", "[expr]") {
  const Checked r = checked("if(urgent, price * users, 0) > 1 and skill == skill2", Type::Bool);
  REQUIRE(r.errors.empty());
  struct Expect {
    std::string name;
    int32_t slot;
    Type type;
    int32_t domain;
  };
  const std::vector<Expect> expected = {{"urgent", 2, Type::Bool, -1},
                                        {"price", 0, Type::Number, -1},
                                        {"users", 1, Type::Number, -1},
                                        {"skill", 3, Type::Level, 0},
                                        {"skill2", 5, Type::Level, 2}};
  std::vector<Expect> got;
  for (const auto& n : r.tree.nodes) {
    if (n.op == Op::Name) got.push_back({n.text, n.slot, n.type, n.domain});
  }
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].name == expected[i].name);
    CHECK(got[i].slot == expected[i].slot);
    CHECK(got[i].type == expected[i].type);
    CHECK(got[i].domain == expected[i].domain);
  }
  CHECK(result_type(r.tree) == Type::Bool);
  CHECK(result_domain(r.tree) == -1);
  // The derived-value type of a plain level name is that level, with its domain.
  const Checked level = checked("region");
  CHECK(result_type(level.tree) == Type::Choice);
  CHECK(result_domain(level.tree) == 1);
  CHECK(result_type(checked("price / 2").tree) == Type::Number);
}

TEST_CASE("string literals compared with a level or choice become its index", "[expr]") {
  struct Case {
    std::string text;
    std::vector<double> indices;  // of the string literals, in node order
    Type type;
    int32_t domain;
  };
  const std::vector<Case> cases = {
      {"skill >= \"solid\"", {2}, Type::Level, 0},
      {"'none' == skill", {0}, Type::Level, 0},
      {"skill2 != \"expert\"", {3}, Type::Level, 2},
      {"region in [\"us\", \"apac\"]", {1, 2}, Type::Choice, 1},
      {"tier in ['high', tier, 'low']", {2, 0}, Type::Level, 3},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Checked r = checked(c.text, Type::Bool);
    REQUIRE(r.errors.empty());
    std::vector<double> got;
    for (const auto& n : r.tree.nodes) {
      if (n.op != Op::String) continue;
      got.push_back(n.number);
      CHECK(n.type == c.type);
      CHECK(n.domain == c.domain);
    }
    CHECK(got == c.indices);
  }
}

TEST_CASE("a comparison of two string literals is decided when checked", "[expr]") {
  struct Case {
    std::string text;
    std::string dump;
  };
  const std::vector<Case> cases = {
      {"\"a\" == \"b\"", "false"},
      {"\"a\" == 'a'", "true"},
      {"\"a\" != \"b\"", "true"},
      {"'a' != 'a'", "false"},
      {"\"a\" == \"b\" or urgent", "(or false urgent)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    Checked r = checked(c.text, Type::Bool);
    REQUIRE(r.errors.empty());
    CHECK(dump(r.tree) == c.dump);
    CHECK(result_type(r.tree) == Type::Bool);
  }
  // Folding keeps the node where it was: the root is still the first comparison's node.
  const Checked r = checked("\"x\" == \"x\"", Type::Bool);
  CHECK(r.tree.node(r.tree.root).op == Op::Bool);
  CHECK(r.tree.node(r.tree.root).number == 1);
  CHECK(r.tree.node(r.tree.root).begin == 0);
  CHECK(r.tree.node(r.tree.root).end == 10);
}
