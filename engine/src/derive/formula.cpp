// Located evaluation and display of expression values: see derive/formula.hpp.
#include "derive/formula.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "expr/symbols.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

SlotNames::SlotNames(const Framework& framework)
    : fw(&framework), symbols(expr::symbols_of(framework)) {}

std::string display(const SlotNames& names, const double* slots, size_t slot) {
  const Framework& fw = *names.fw;
  if (slot < fw.inputs.size()) return fw.inputs[slot].display(slots[slot]);
  const Derived& d = fw.derived[slot - fw.inputs.size()];
  return display_typed(names, *d.formula.tree, slots[slot]);
}

std::string display_typed(const SlotNames& names, const expr::Tree& tree, double value) {
  switch (expr::result_type(tree)) {
    case expr::Type::Bool:
      return value != 0 ? "true" : "false";
    case expr::Type::Level:
    case expr::Type::Choice: {
      const auto domain = static_cast<size_t>(expr::result_domain(tree));
      const auto& values = names.symbols.domains[domain].values;
      const auto index = static_cast<size_t>(value);
      return index < values.size() ? values[index] : "?";
    }
    default:
      return quantity(value);
  }
}

std::string fill(const SlotNames& names, const double* slots, const std::string& text) {
  const Framework& fw = *names.fw;
  std::string out;
  size_t pos = 0;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', pos)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = text.substr(open + 1, close - open - 1);
    out += text.substr(pos, open - pos);
    size_t slot = names.count();
    for (size_t k = 0; k < fw.inputs.size(); ++k) {
      if (fw.inputs[k].name == name) slot = k;
    }
    for (size_t k = 0; k < fw.derived.size(); ++k) {
      if (fw.derived[k].name == name) slot = fw.inputs.size() + k;
    }
    out += slot < names.count() ? display(names, slots, slot) : text.substr(open, close - open + 1);
    pos = close + 1;
  }
  return out + text.substr(pos);
}

std::vector<std::pair<std::string, std::string>> bindings(const SlotNames& names,
                                                          const double* slots,
                                                          const Expression& e) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& name : expr::names_in(*e.tree)) {
    for (const auto& n : e.tree->nodes) {
      if (n.op == expr::Op::Name && n.text == name && n.slot >= 0) {
        out.emplace_back(name, display(names, slots, static_cast<size_t>(n.slot)));
        break;
      }
    }
  }
  return out;
}

std::string with_bindings(const SlotNames& names, const double* slots, const Expression& e) {
  std::string with;
  for (const auto& [name, value] : bindings(names, slots, e)) {
    with += (with.empty() ? " (with " : ", ") + name + " = " + value;
  }
  return with.empty() ? with : with + ")";
}

void fail_evaluation(const SlotNames& names, const double* slots, const Expression& e,
                     const expr::EvalError& error, const std::string& what) {
  const auto& node = e.tree->node(error.node);
  Diagnostic d = make_diagnostic(
      ErrorCode::Evaluation, e.at(node.begin),
      fmt::format("in {}: {}{}", what, error.message, with_bindings(names, slots, e)));
  const auto end = e.at(node.end);
  d.length = end.line == d.where.line ? std::max(1, end.column - d.where.column) : 1;
  throw Error(std::move(d));
}

}  // namespace tradeoff::detail
