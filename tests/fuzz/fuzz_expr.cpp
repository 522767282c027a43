// Fuzz target: the expression parser, printer, checker and evaluator.
// Contract: any text either parses or throws expr::ParseError; a parsed tree prints as source
// that re-parses to the same tree (checked outside the catch, so any mismatch aborts); checking
// never throws; evaluating a checked tree returns a finite number or throws expr::EvalError.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "expr/ast.hpp"
#include "expr/check.hpp"

namespace {

const tradeoff::expr::Symbols& symbols() {
  using tradeoff::expr::Type;
  static const tradeoff::expr::Symbols s = [] {
    tradeoff::expr::Symbols out;
    out.domains.push_back({"level", {"none", "basic", "solid", "expert"}, true});
    out.domains.push_back({"kind", {"public", "internal", "regulated"}, false});
    out.symbols = {{"a", Type::Number, 0, -1},   {"b", Type::Number, 1, -1},
                   {"c", Type::Number, 2, -1},   {"flag", Type::Bool, 3, -1},
                   {"level", Type::Level, 4, 0}, {"kind", Type::Choice, 5, 1}};
    return out;
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  tradeoff::expr::Tree tree;
  try {
    tree = tradeoff::expr::parse(text);
  } catch (const tradeoff::expr::ParseError& e) {
    if (e.begin > text.size() || e.end < e.begin || e.message.empty()) std::abort();
    return 0;
  }
  // Round trip: the printed source parses back to the same tree.
  const std::string printed = tradeoff::expr::to_source(tree);
  const tradeoff::expr::Tree again = tradeoff::expr::parse(printed);
  if (tradeoff::expr::dump(again) != tradeoff::expr::dump(tree)) std::abort();

  for (auto expected :
       {tradeoff::expr::Type::Unknown, tradeoff::expr::Type::Number, tradeoff::expr::Type::Bool}) {
    tradeoff::expr::Tree checked = tree;
    if (!tradeoff::expr::check(checked, symbols(), expected).empty()) continue;
    const double slots[6] = {3.0, 0.0, -2.5, 1.0, 2.0, 1.0};
    try {
      const double v = tradeoff::expr::evaluate(checked, slots);
      if (!std::isfinite(v)) std::abort();
    } catch (const tradeoff::expr::EvalError& e) {
      if (e.node >= checked.nodes.size()) std::abort();
    }
  }
  return 0;
}
