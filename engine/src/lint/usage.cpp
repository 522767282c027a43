// Inputs nothing reads: every assessment is asked to answer them, and no answer changes anything.
#include <set>

#include <fmt/format.h>

#include "expr/ast.hpp"
#include "lint/checks.hpp"

namespace tradeoff::linter {

namespace {

class NamesRead {
 public:
  void add(const Expression& e) {
    if (!e.tree) return;
    for (auto& name : expr::names_in(*e.tree)) names_.insert(std::move(name));
  }
  void add(const std::optional<Expression>& e) {
    if (e) add(*e);
  }
  /// The `{name}` placeholders of a note: the note quotes the value, so the input is read.
  void add_placeholders(const std::string& text) {
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
      const size_t close = text.find('}', open);
      if (close == std::string::npos) break;
      names_.insert(text.substr(open + 1, close - open - 1));
    }
  }
  bool contains(const std::string& name) const { return names_.count(name) > 0; }

 private:
  std::set<std::string> names_;
};

NamesRead names_read(const Framework& fw) {
  NamesRead read;
  for (const auto& d : fw.derived) read.add(d.formula);
  for (const auto& option : fw.options) {
    for (const auto& s : option.scores) {
      if (s.formula) read.add(*s.formula);
    }
  }
  for (const auto& c : fw.criteria) {
    if (!c.limit) continue;
    read.add(c.limit->min);
    read.add(c.limit->max);
  }
  for (const auto& r : fw.rules) {
    read.add(r.when);
    for (const auto& e : r.effects) {
      read.add(e.value);
      if (e.kind == Effect::Kind::Note) read.add_placeholders(e.text);
    }
  }
  return read;
}

}  // namespace

void check_unused_inputs(Context& ctx) {
  const NamesRead read = names_read(ctx.fw);
  for (const auto& in : ctx.fw.inputs) {
    if (read.contains(in.name)) continue;
    ctx.warn(ErrorCode::UnusedInput, in.where,
             fmt::format("input '{}' is not used: no derived value, score, rule or limit reads it",
                         in.name),
             "every assessment is asked to answer it, and no answer changes the decision; read "
             "it in a formula, or remove it",
             static_cast<int>(in.name.size()));
  }
}

}  // namespace tradeoff::linter
