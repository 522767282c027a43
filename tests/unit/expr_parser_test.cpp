// The expression parser and printer (expr/ast.hpp, parser.cpp, print.cpp): precedence and
// associativity through dump(), every literal form, the to_source() round trip, every syntax
// error with its exact message and byte range, the size, node and depth limits, and names_in().
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "expr/ast.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::Diagnostic;
using tradeoff::expr::dump;
using tradeoff::expr::names_in;
using tradeoff::expr::parse;
using tradeoff::expr::ParseError;
using tradeoff::expr::to_source;
using tradeoff::expr::Tree;
using tradeoff::test::brief;
using tradeoff::test::expect_error;
using tradeoff::test::load_text;
using Kind = tradeoff::expr::ParseError::Kind;

namespace {

std::string dumped(const std::string& text) { return dump(parse(text)); }

/// The ParseError `text` throws (FAILs when it parses).
ParseError parse_error(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const ParseError& e) {
    return e;
  }
  FAIL("expected a ParseError for: " << text);
  return {};
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct DumpCase {
  std::string text;
  std::string dump;
};

void check_dumps(const std::vector<DumpCase>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(dumped(c.text) == c.dump);
  }
}

struct ErrorCase {
  std::string text;
  uint32_t begin;
  uint32_t end;
  std::string message;
  std::string hint;
  Kind kind;
};

void check_errors(const std::vector<ErrorCase>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const ParseError e = parse_error(c.text);
    CHECK(e.message == c.message);
    CHECK(e.begin == c.begin);
    CHECK(e.end == c.end);
    CHECK(e.hint == c.hint);
    CHECK(e.kind == c.kind);
  }
}

}  // namespace

// --- precedence and associativity ----------------------------------------------------------

TEST_CASE("or binds loosest, then and, then not, then comparisons", "[expr]") {
  check_dumps({
      {"a or b and c", "(or a (and b c))"},
      {"a and b or c", "(or (and a b) c)"},
      {"a or b or c", "(or (or a b) c)"},
      {"a and b and c", "(and (and a b) c)"},
      {"not a and b", "(and (not a) b)"},
      {"not a or not b", "(or (not a) (not b))"},
      {"not not a", "(not (not a))"},
      {"not a == b", "(not (== a b))"},
      {"not a in [1, 2]", "(not (in a [1 2]))"},
      {"a < b and c >= d", "(and (< a b) (>= c d))"},
      {"a in [1, 2] or b", "(or (in a [1 2]) b)"},
  });
}

TEST_CASE("comparisons and in bind looser than arithmetic", "[expr]") {
  check_dumps({
      {"a < b + c", "(< a (+ b c))"},
      {"a + b == c * d", "(== (+ a b) (* c d))"},
      {"a != b", "(!= a b)"},
      {"a <= b", "(<= a b)"},
      {"a > b", "(> a b)"},
      {"a >= -b", "(>= a (neg b))"},
      {"a + 1 in [b, c - 1]", "(in (+ a 1) [b (- c 1)])"},
      {"(a < b) == c", "(== (< a b) c)"},
      {"a == (b == c)", "(== a (== b c))"},
  });
}

TEST_CASE("+ and - bind looser than * and /, all left-associative", "[expr]") {
  check_dumps({
      {"a + b * c", "(+ a (* b c))"},
      {"a * b + c", "(+ (* a b) c)"},
      {"a - b - c", "(- (- a b) c)"},
      {"a - b + c", "(+ (- a b) c)"},
      {"a / b / c", "(/ (/ a b) c)"},
      {"a * b / c", "(/ (* a b) c)"},
      {"a / b * c", "(* (/ a b) c)"},
      {"a - (b - c)", "(- a (- b c))"},
      {"(a + b) * (c - d)", "(* (+ a b) (- c d))"},
  });
}

TEST_CASE("unary minus binds tighter than * but looser than ^", "[expr]") {
  check_dumps({
      {"-a * b", "(* (neg a) b)"},
      {"a * -b", "(* a (neg b))"},
      {"-2 ^ 2", "(neg (^ 2 2))"},
      {"-x ^ 2", "(neg (^ x 2))"},
      {"(-2) ^ 2", "(^ (neg 2) 2)"},
      {"2 ^ -1", "(^ 2 (neg 1))"},
      {"2 ^ -x ^ 2", "(^ 2 (neg (^ x 2)))"},
      {"a - -b", "(- a (neg b))"},
      {"- -a", "(neg (neg a))"},
      {"--a", "(neg (neg a))"},
      {"-(a + b)", "(neg (+ a b))"},
      // Unary plus changes nothing and leaves no node.
      {"+a", "a"},
      {"a + +b", "(+ a b)"},
  });
}

TEST_CASE("^ is right-associative", "[expr]") {
  check_dumps({
      {"2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"},
      {"a ^ b ^ c ^ d", "(^ a (^ b (^ c d)))"},
      {"(2 ^ 3) ^ 2", "(^ (^ 2 3) 2)"},
      {"a * b ^ c", "(* a (^ b c))"},
  });
}

// --- literals, calls and lists ----------------------------------------------------------------

TEST_CASE("number literals: digits, underscores, leading dot, exponents", "[expr]") {
  check_dumps({
      {"0", "0"},
      {"42", "42"},
      {"1_000", "1000"},
      {"1_000_000.5", "1000000.5"},
      {".5", "0.5"},
      {"1.", "1"},
      {"0.1", "0.1"},
      {"1e-3", "0.001"},
      {"1E+3", "1000"},
      {"1.5e2", "150"},
      {"2e1_0", "20000000000"},
      {"1e300", "1e+300"},
      {"123456789012", "123456789012"},
  });
}

TEST_CASE("string literals take either quote and escape only quote and backslash", "[expr]") {
  struct Case {
    std::string text;
    std::string value;
    std::string dump;
  };
  const std::vector<Case> cases = {
      {"\"abc\"", "abc", "\"abc\""},
      {"'abc'", "abc", "\"abc\""},
      {"\"it's\"", "it's", "\"it's\""},
      {"'say \"hi\"'", "say \"hi\"", "\"say \\\"hi\\\"\""},
      {"\"a\\\"b\"", "a\"b", "\"a\\\"b\""},
      {"'a\\'b'", "a'b", "\"a'b\""},
      {"'a\\\\b'", "a\\b", "\"a\\\\b\""},
      // A backslash before any other character is kept as it is.
      {"'a\\nb'", "a\\nb", "\"a\\\\nb\""},
      {"\"\"", "", "\"\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Tree t = parse(c.text);
    REQUIRE(t.nodes.size() == 1);
    CHECK(t.node(t.root).op == tradeoff::expr::Op::String);
    CHECK(t.node(t.root).text == c.value);
    CHECK(dump(t) == c.dump);
  }
}

TEST_CASE("true and false are boolean literals, other words are names", "[expr]") {
  const Tree t = parse("true or false or truth");
  CHECK(dump(t) == "(or (or true false) truth)");
  CHECK(t.nodes[0].op == tradeoff::expr::Op::Bool);
  CHECK(t.nodes[0].number == 1);
  CHECK(t.nodes[1].op == tradeoff::expr::Op::Bool);
  CHECK(t.nodes[1].number == 0);
  CHECK(t.nodes[3].op == tradeoff::expr::Op::Name);
  CHECK(dumped("_x1 + a_b") == "(+ _x1 a_b)");
}

TEST_CASE("calls take any number of arguments, lists any number of items", "[expr]") {
  check_dumps({
      {"min(1, 2, 3)", "(min 1 2 3)"},
      {"max(a)", "(max a)"},
      {"min()", "(min)"},
      {"if(a > 1, b, c)", "(if (> a 1) b c)"},
      {"round(x, 2)", "(round x 2)"},
      {"clamp(x, 0, 1)", "(clamp x 0 1)"},
      {"abs(-x) + floor(y) * ceil(z)", "(+ (abs (neg x)) (* (floor y) (ceil z)))"},
      {"log(exp(1), sqrt(4))", "(log (exp 1) (sqrt 4))"},
      {"x in []", "(in x [])"},
      {"x in [\"a\", 'b', 1 + 2]", "(in x [\"a\" \"b\" (+ 1 2)])"},
      {"[1, [2]]", "[1 [2]]"},
      {"min(1, 2) ^ 2", "(^ (min 1 2) 2)"},
  });
}

TEST_CASE("nodes carry the byte range of their text", "[expr]") {
  const Tree t = parse("price * (1 + rate)");
  struct Range {
    std::string text;
    uint32_t begin;
    uint32_t end;
  };
  // Nodes are stored children first; a parenthesised expression spans its parentheses.
  const std::vector<Range> expected = {
      {"price", 0, 5}, {"1", 9, 10}, {"rate", 13, 17}, {"(1 + rate)", 8, 18}, {"*", 0, 18}};
  REQUIRE(t.nodes.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(t.nodes[i].begin == expected[i].begin);
    CHECK(t.nodes[i].end == expected[i].end);
  }
  CHECK(t.root == 4);
  const Tree call = parse("  min(a, b)  ");
  CHECK(call.node(call.root).begin == 2);
  CHECK(call.node(call.root).end == 11);
  CHECK(call.node(call.root).text == "min");
}

// Regression: a node's byte range once left out the parentheses around its first or last operand:
// the caret of an error in "(a + 1) / (a - 5)" started inside the first parenthesis.
TEST_CASE("error ranges leave out the parentheses of their operands", "[regression][expr]") {
  const Tree t = parse("(a + 1) / (a - 5)");
  CHECK(t.node(t.root).begin == 0);
  CHECK(t.node(t.root).end == 17);
  const auto loaded = load_text(
      R"(framework: f
inputs:
  a: {type: number, default: 5}
derived:
  ratio: (a + 1) / (a - 5)
criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 2
options:
  - id: a
    scores: {speed: 4}
  - id: b
    scores: {speed: 3}
)");
  const Diagnostic d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
  CHECK(brief(d) == "5:10: in derived value 'ratio': division by zero (with a = 5)");
  CHECK(d.length == 17);
}

// --- printing --------------------------------------------------------------------------------

TEST_CASE("to_source prints canonical text that re-parses to the same tree", "[expr]") {
  const std::vector<DumpCase> cases = {
      // {text, expected canonical source}
      {"a+b*c", "a + b * c"},
      {"(a + b) * c", "(a + b) * c"},
      {"a - (b - c)", "a - (b - c)"},
      {"(a - b) - c", "a - b - c"},
      {"a / (b * c)", "a / (b * c)"},
      {"(a or b) and c", "(a or b) and c"},
      {"a or (b and c)", "a or b and c"},
      {"a or (b or c)", "a or (b or c)"},
      {"not (a and b)", "not (a and b)"},
      {"(not a) == b", "(not a) == b"},
      {"not (a == b)", "not a == b"},
      {"(a < b) == c", "(a < b) == c"},
      {"a == (b == c)", "a == (b == c)"},
      {"a + (b == c)", "a + (b == c)"},
      {"a == (not b)", "a == (not b)"},
      {"-(a + b)", "-(a + b)"},
      {"-(-a)", "- -a"},
      {"-(not a)", "-(not a)"},
      {"-(2 ^ 2)", "-2 ^ 2"},
      {"(-2) ^ 2", "(-2) ^ 2"},
      {"(2 ^ 3) ^ 2", "(2 ^ 3) ^ 2"},
      {"2 ^ (3 ^ 2)", "2 ^ 3 ^ 2"},
      {"2 ^ (-1)", "2 ^ -1"},
      {"a ^ (not b)", "a ^ (not b)"},
      {"a ^ (b * c)", "a ^ (b * c)"},
      {"(a == b) in [1]", "(a == b) in [1]"},
      {"abs(-(-(-x)))", "abs(- - -x)"},
      {"min(a,b ,c)", "min(a, b, c)"},
      {"x in['a',\"b\"]", "x in [\"a\", \"b\"]"},
      {"'say \"hi\"' == 'a\\\\b'", "\"say \\\"hi\\\"\" == \"a\\\\b\""},
      {"1_000 + .5 + 1e-7 + 1e300", "1000 + 0.5 + 1e-07 + 1e+300"},
      {"true and not false", "true and not false"},
      {"(((x)))", "x"},
      {"+x", "x"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Tree t = parse(c.text);
    const std::string source = to_source(t);
    CHECK(source == c.dump);
    CHECK(dump(parse(source)) == dump(t));
  }
}

TEST_CASE("printing never adds nesting: expressions at the depth limit re-parse", "[expr]") {
  const std::vector<std::string> at_limit = {
      repeat("(", 64) + "x" + repeat(")", 64),
      repeat("-", 64) + "x",
      repeat("-(", 32) + "x" + repeat(")", 32),
      repeat("not ", 64) + "x",
      repeat("not (", 32) + "x" + repeat(")", 32),
      repeat("2^", 64) + "x",
      repeat("2^-", 32) + "x",
      repeat("(-", 32) + "x" + repeat(")", 32),
      repeat("min(", 64) + "x" + repeat(")", 64),
      repeat("[", 64) + "x" + repeat("]", 64),
      repeat("(2^", 32) + "x" + repeat(")", 32),
  };
  for (const auto& text : at_limit) {
    CAPTURE(text);
    const Tree t = parse(text);
    const std::string source = to_source(t);
    CAPTURE(source);
    Tree again;
    REQUIRE_NOTHROW(again = parse(source));
    CHECK(dump(again) == dump(t));
  }
}

// --- syntax errors -----------------------------------------------------------------------------

TEST_CASE("a missing operand or closer is reported at the end of input or at its opener",
          "[expr][errors]") {
  check_errors({
      {"", 0, 1, "expected an expression, got nothing", "", Kind::Syntax},
      {"   ", 3, 4, "expected an expression, got nothing", "", Kind::Syntax},
      {"1 +", 3, 4, "expected a value, got end of input", "", Kind::Syntax},
      {"1 + ", 4, 5, "expected a value, got end of input", "", Kind::Syntax},
      {"not", 3, 4, "expected a value, got end of input", "", Kind::Syntax},
      {"a in", 4, 5, "expected a value, got end of input", "", Kind::Syntax},
      {"(1 + 2", 0, 1, "expected ')' to close this, got end of input", "", Kind::Syntax},
      {"min(1, 2", 3, 4, "expected ')' to close this, got end of input", "", Kind::Syntax},
      {"[1, 2", 0, 1, "expected ']' to close this, got end of input", "", Kind::Syntax},
      {"(1 2)", 3, 4, "expected ')', got '2'", "", Kind::Syntax},
      {"min(1 2)", 6, 7, "expected ')', got '2'", "", Kind::Syntax},
      {"[1 2]", 3, 4, "expected ']', got '2'", "", Kind::Syntax},
  });
}

TEST_CASE("unexpected characters and operators from other languages", "[expr][errors]") {
  check_errors({
      {"a @ b", 2, 3, "unexpected character '@'", "", Kind::Syntax},
      {"a # b", 2, 3, "unexpected character '#'", "", Kind::Syntax},
      // A multi-byte UTF-8 character is reported whole, over all its bytes.
      {"a \xe2\x82\xac b", 2, 5, "unexpected character '\xe2\x82\xac'", "", Kind::Syntax},
      {"\xc3\xa9", 0, 2, "unexpected character '\xc3\xa9'", "", Kind::Syntax},
      {"a = 1", 2, 3, "unexpected '='; compare with '=='", "", Kind::Syntax},
      {"!a", 0, 1, "unexpected '!'; negate with 'not'", "", Kind::Syntax},
      {"a && b", 2, 4, "unexpected '&&'; use 'and'", "", Kind::Syntax},
      {"a & b", 2, 3, "unexpected '&'; use 'and'", "", Kind::Syntax},
      {"a || b", 2, 4, "unexpected '||'; use 'or'", "", Kind::Syntax},
      {"a | b", 2, 3, "unexpected '|'; use 'or'", "", Kind::Syntax},
      {"2 ** 3", 2, 4, "unexpected '**'; write powers with '^'", "", Kind::Syntax},
  });
}

TEST_CASE("unterminated strings, unmatched closers and chained comparisons", "[expr][errors]") {
  check_errors({
      {"'abc", 0, 4, "unterminated string", "", Kind::Syntax},
      {"x == \"abc", 5, 9, "unterminated string", "", Kind::Syntax},
      {"'abc\\'", 0, 6, "unterminated string", "", Kind::Syntax},
      {"1)", 1, 2, "unmatched ')'", "", Kind::Syntax},
      {"(1))", 3, 4, "unmatched ')'", "", Kind::Syntax},
      {"1]", 1, 2, "unmatched ']'", "", Kind::Syntax},
      {"a < b < c", 6, 7,
       "comparisons cannot be chained; join them with 'and' (got '<' after a comparison)", "",
       Kind::Syntax},
      {"a == b in [1]", 7, 9,
       "comparisons cannot be chained; join them with 'and' (got 'in' after a comparison)", "",
       Kind::Syntax},
      {"a in [1] == b", 9, 11,
       "comparisons cannot be chained; join them with 'and' (got '==' after a comparison)", "",
       Kind::Syntax},
      {"a b", 2, 3, "expected an operator or the end of the expression, got 'b'", "", Kind::Syntax},
      {"a, b", 1, 2, "expected an operator or the end of the expression, got ','", "",
       Kind::Syntax},
      {"true(1)", 4, 5, "expected an operator or the end of the expression, got '('", "",
       Kind::Syntax},
      {"1.2.3", 3, 5, "expected an operator or the end of the expression, got '.3'", "",
       Kind::Syntax},
  });
}

TEST_CASE("unknown functions get a hint, functions must be called, keywords are no values",
          "[expr][errors]") {
  check_errors({
      {"mni(1, 2)", 0, 3, "unknown function 'mni'", "did you mean 'min'?", Kind::UnknownName},
      {"1 + sqr(4)", 4, 7, "unknown function 'sqr'", "did you mean 'sqrt'?", Kind::UnknownName},
      {"foo(1)", 0, 3, "unknown function 'foo'", "", Kind::UnknownName},
      {"min + 1", 0, 3, "'min' is a function; call it as min(...)", "", Kind::Syntax},
      {"if", 0, 2, "'if' is a function; call it as if(...)", "", Kind::Syntax},
      {"1 + and", 4, 7, "expected a value, got 'and'", "", Kind::Syntax},
      {"or", 0, 2, "expected a value, got 'or'", "", Kind::Syntax},
      {"a == in", 5, 7, "expected a value, got 'in'", "", Kind::Syntax},
      {"-not a", 1, 4, "expected a value, got 'not'", "", Kind::Syntax},
      {",", 0, 1, "expected a value, got ','", "", Kind::Syntax},
      {"1 +* 2", 3, 4, "expected a value, got '*'", "", Kind::Syntax},
  });
}

TEST_CASE("malformed numbers", "[expr][errors]") {
  check_errors({
      {"12abc", 0, 5, "invalid number '12abc'", "", Kind::Syntax},
      {"1e5x", 0, 4, "invalid number '1e5x'", "", Kind::Syntax},
      {"0x10", 0, 4, "invalid number '0x10'", "", Kind::Syntax},
      {"1e", 0, 2, "invalid number '1e'", "", Kind::Syntax},
      {"1e_5", 0, 4, "invalid number '1e_5'", "", Kind::Syntax},
      {"1_", 1, 2, "'_' may only separate digits", "", Kind::Syntax},
      {"1__0", 1, 2, "'_' may only separate digits", "", Kind::Syntax},
      {"1._5", 2, 3, "'_' may only separate digits", "", Kind::Syntax},
      {"x + 10_", 6, 7, "'_' may only separate digits", "", Kind::Syntax},
      // Too large for a double: reported as a limit of the language.
      {"1e999", 0, 5, "number is too large", "", Kind::Limit},
      {"2 * 1_000e400", 4, 13, "number is too large", "", Kind::Limit},
  });
}

// Regression: the parser once classified errors by searching their message for "too ", so a
// syntax error quoting a string with "too " in it was reported as a limit.
TEST_CASE("a quoted string with 'too ' makes a syntax error a limit", "[regression][expr]") {
  for (const std::string text : {"1 \"too late\"", "(1 \"too far\""}) {
    CAPTURE(text);
    const ParseError e = parse_error(text);
    CHECK(e.kind == ParseError::Kind::Syntax);
  }
}

// --- limits ------------------------------------------------------------------------------------

TEST_CASE("expression text is limited to 8192 bytes", "[expr][errors][limits]") {
  CHECK(tradeoff::expr::kMaxTextBytes == 8192);
  CHECK(dumped("x" + std::string(8191, ' ')) == "x");
  check_errors({{"x" + std::string(8192, ' '), 0, 8193,
                 "expression is too long (8193 bytes; the limit is 8192)", "", Kind::Limit}});
}

TEST_CASE("expressions are limited to 2048 nodes", "[expr][errors][limits]") {
  CHECK(tradeoff::expr::kMaxNodes == 2048);
  // n ones added: 2n - 1 nodes.
  std::string ones = "1";
  for (int i = 1; i < 1024; ++i) ones += "+1";
  CHECK(parse(ones).nodes.size() == 2047);
  CHECK(parse("-" + ones).nodes.size() == 2048);
  // The 2049th node is the last '+', which spans the whole text.
  check_errors(
      {{ones + "+1", 0, 2049, "expression is too large (more than 2048 nodes)", "", Kind::Limit},
       {"-" + ones + "+1", 2049, 2050, "expression is too large (more than 2048 nodes)", "",
        Kind::Limit}});
}

TEST_CASE("nesting is limited to 64 levels of parentheses, minus, not and ^",
          "[expr][errors][limits]") {
  CHECK(tradeoff::expr::kMaxDepth == 64);
  const std::string deep = "expression is nested too deeply (more than 64 levels)";
  // At the limit: parses.
  CHECK(parse(repeat("(", 64) + "x" + repeat(")", 64)).nodes.size() == 1);
  CHECK(parse(repeat("-", 64) + "x").nodes.size() == 65);
  CHECK(parse(repeat("not ", 64) + "x").nodes.size() == 65);
  CHECK(parse(repeat("2^", 64) + "x").nodes.size() == 129);
  CHECK(parse(repeat("min(", 64) + "x" + repeat(")", 64)).nodes.size() == 65);
  // One more: the error points at the operator that goes too deep (for a parenthesis, at
  // what follows it).
  check_errors({
      {repeat("(", 65) + "x" + repeat(")", 65), 65, 66, deep, "", Kind::Limit},
      {repeat("(", 100), 65, 66, deep, "", Kind::Limit},
      {repeat("-", 65) + "x", 64, 65, deep, "", Kind::Limit},
      {repeat("not ", 65) + "x", 256, 259, deep, "", Kind::Limit},
      {repeat("2^", 65) + "x", 129, 130, deep, "", Kind::Limit},
      {repeat("-(", 33) + "x" + repeat(")", 33), 64, 65, deep, "", Kind::Limit},
      {repeat("min(", 65) + "x" + repeat(")", 65), 260, 261, deep, "", Kind::Limit},
      {repeat("[", 65) + "x" + repeat("]", 65), 65, 66, deep, "", Kind::Limit},
  });
}

// --- names_in ------------------------------------------------------------------------------------

TEST_CASE("names_in lists the names read, in order of first use, without duplicates", "[expr]") {
  struct Case {
    std::string text;
    std::vector<std::string> names;
  };
  const std::vector<Case> cases = {
      {"1 + 2", {}},
      {"a", {"a"}},
      {"b + a * b + c", {"b", "a", "c"}},
      // Children are stored before their parents; the order is still the text's.
      {"if(z > 0, y, x) + y + z", {"z", "y", "x"}},
      {"((c * b) + a) + min(c, d)", {"c", "b", "a", "d"}},
      {"region in [\"eu\", eu]", {"region", "eu"}},
      {"x ^ x ^ x", {"x"}},
      {"not flag or flag", {"flag"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(names_in(parse(c.text)) == c.names);
  }
}
