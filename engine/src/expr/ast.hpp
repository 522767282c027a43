// Expression trees: the parsed form of formulas, score expressions and rule conditions.
// A Tree owns its nodes in one vector; children are indices. Parsed once, checked once
// (names resolved to slots, types inferred), then evaluated many times.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::expr {

inline constexpr size_t kMaxTextBytes = 8192;
inline constexpr int kMaxDepth = 64;
inline constexpr size_t kMaxNodes = 2048;

enum class Op : uint8_t {
  Number,  ///< a literal number
  String,  ///< a literal string
  Bool,    ///< true / false
  Name,    ///< an input or derived value
  List,    ///< [a, b, ...]; only as the right side of `in`
  Neg,
  Not,
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or,
  In,
  Call,
};

enum class Func : uint8_t { None, If, Min, Max, Clamp, Abs, Round, Floor, Ceil, Log, Exp, Sqrt };

/// The static type of a node, known after checking.
enum class Type : uint8_t { Unknown, Number, Bool, String, Level, Choice, List };

struct Node {
  Op op = Op::Number;
  Func func = Func::None;
  Type type = Type::Unknown;
  double number = 0;   ///< literal value; for Level/Choice-typed constants, the index
  int32_t slot = -1;   ///< for Name: the value slot, once resolved
  uint32_t first = 0;  ///< children: kids[first .. first + count)
  uint32_t count = 0;
  uint32_t begin = 0;  ///< byte range in the source text
  uint32_t end = 0;
  std::string text;  ///< Name: the name; String: the literal's value; Call: the function name
  /// For Level/Choice-typed nodes: the input whose levels or choices the value indexes.
  int32_t domain = -1;
};

struct Tree {
  std::string source;
  std::vector<Node> nodes;
  std::vector<uint32_t> kids;
  uint32_t root = 0;

  const Node& node(uint32_t i) const { return nodes[i]; }
  const Node& child(const Node& n, uint32_t k) const { return nodes[kids[n.first + k]]; }
  uint32_t child_index(const Node& n, uint32_t k) const { return kids[n.first + k]; }
};

/// A syntax or limit error at a byte range of the expression text.
struct ParseError {
  enum class Kind { Syntax, Limit, UnknownName };
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string message;
  std::string hint;
  Kind kind = Kind::Syntax;
};

std::string_view to_string(Op op);
std::string_view to_string(Func func);
std::string_view to_string(Type type);
/// The function a name denotes, or Func::None.
Func function_named(std::string_view name);
/// Every function name, for did-you-mean.
const std::vector<std::string>& function_names();
/// Words that cannot be used as names.
bool is_reserved(std::string_view word);

/// Parses `text`. Throws ParseError (never anything else for any input).
Tree parse(std::string_view text);

/// An S-expression dump, e.g. "(+ a (* b 2))", for tests.
std::string dump(const Tree& tree);
/// Canonical source that re-parses to the same tree; parenthesises only where precedence needs
/// it, so a printed tree is never nested deeper than the text it came from.
std::string to_source(const Tree& tree);
/// The names the expression reads, in order of first use, without duplicates.
std::vector<std::string> names_in(const Tree& tree);

}  // namespace tradeoff::expr
