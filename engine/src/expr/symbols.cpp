// The symbol table of a framework: see expr/symbols.hpp.
#include "expr/symbols.hpp"

namespace tradeoff::expr {

namespace {

Symbol input_symbol(const Input& input, int32_t slot, std::vector<Domain>& domains) {
  Symbol s;
  s.name = input.name;
  s.slot = slot;
  switch (input.type) {
    case InputType::Number:
    case InputType::Integer:
      s.type = Type::Number;
      break;
    case InputType::Boolean:
      s.type = Type::Bool;
      break;
    case InputType::Choice:
    case InputType::Level:
      s.type = input.type == InputType::Level ? Type::Level : Type::Choice;
      s.domain = static_cast<int32_t>(domains.size());
      domains.push_back({input.name, input.values, input.type == InputType::Level});
      break;
  }
  return s;
}

}  // namespace

Symbols symbols_of(const Framework& fw) {
  Symbols symbols;
  int32_t slot = 0;
  for (const auto& input : fw.inputs) {
    symbols.symbols.push_back(input_symbol(input, slot++, symbols.domains));
  }
  for (const auto& d : fw.derived) {
    Symbol s;
    s.name = d.name;
    s.slot = slot++;
    if (d.formula.tree) {
      s.type = result_type(*d.formula.tree);
      s.domain = result_domain(*d.formula.tree);
    }
    // A formula that did not check has no usable type; names that read it are not reported again.
    if (!d.formula.tree || s.type == Type::Unknown) s.slot = -1;
    symbols.symbols.push_back(std::move(s));
  }
  return symbols;
}

}  // namespace tradeoff::expr
