// Evaluating checked expressions over the value slots (inputs, then derived values): errors are
// located at the failing part of the YAML and name the values the expression read, shown as
// people read them ("100,000", "true", "basic").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "expr/check.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::detail {

/// What the value slots hold: the framework's inputs and derived values, and the values of
/// its levels and choices.
struct SlotNames {
  const Framework* fw = nullptr;
  expr::Symbols symbols;

  explicit SlotNames(const Framework& framework);
  size_t count() const { return fw->inputs.size() + fw->derived.size(); }
};

/// The value of a slot as people read it.
std::string display(const SlotNames& names, const double* slots, size_t slot);
/// A value of the type `tree` produces, as people read it.
std::string display_typed(const SlotNames& names, const expr::Tree& tree, double value);
/// `text` with each {name} replaced by that value as people read it.
std::string fill(const SlotNames& names, const double* slots, const std::string& text);
/// The names an expression reads, with their current values.
std::vector<std::pair<std::string, std::string>> bindings(const SlotNames& names,
                                                          const double* slots, const Expression& e);
/// " (with a = 1, b = 2)", or "" when the expression reads no name.
std::string with_bindings(const SlotNames& names, const double* slots, const Expression& e);

/// Throws Error [evaluation] at the sub-expression that failed: "in WHAT: MESSAGE (with ...)".
[[noreturn]] void fail_evaluation(const SlotNames& names, const double* slots, const Expression& e,
                                  const expr::EvalError& error, const std::string& what);

/// Evaluates `e`; `what()` names it in an error message, and is called only on error.
template <typename What>
double evaluate(const SlotNames& names, const double* slots, const Expression& e, What&& what) {
  try {
    return expr::evaluate(*e.tree, slots);
  } catch (const expr::EvalError& error) {
    fail_evaluation(names, slots, e, error, what());
  }
}

}  // namespace tradeoff::detail
