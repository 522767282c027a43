// Name resolution and type checking of expression trees, and their evaluation.
// Checking binds every name to a value slot and infers types; string literals compared with a
// level or choice become that value's index, so evaluation works on doubles only
// (booleans are 0/1, levels and choices their index).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "expr/ast.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::expr {

/// The values a level or choice input can take; levels are ordered, choices are not.
struct Domain {
  std::string input;
  std::vector<std::string> values;
  bool ordered = false;
};

struct Symbol {
  std::string name;
  Type type = Type::Number;
  int32_t slot = -1;
  int32_t domain = -1;  ///< index into Symbols::domains for Level/Choice
};

struct Symbols {
  std::vector<Symbol> symbols;
  std::vector<Domain> domains;

  const Symbol* find(std::string_view name) const;
  std::vector<std::string> names() const;
};

struct CheckError {
  uint32_t begin = 0;
  uint32_t end = 0;
  ErrorCode code = ErrorCode::ExprType;
  std::string message;
  std::string hint;
};

/// What the whole expression must produce; Unknown accepts a number, boolean, level or choice.
/// Returns every problem found; on success the tree is ready to evaluate.
std::vector<CheckError> check(Tree& tree, const Symbols& symbols, Type expected);

/// The type and domain of the checked root (for derived values).
Type result_type(const Tree& tree);
int32_t result_domain(const Tree& tree);

struct EvalError {
  uint32_t node = 0;
  std::string message;
};

/// Evaluates a checked tree. Throws EvalError for division by zero, the log of a non-positive
/// number and any other result that is not a finite real number.
double evaluate(const Tree& tree, const double* slots);

}  // namespace tradeoff::expr
