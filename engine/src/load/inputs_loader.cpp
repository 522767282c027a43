// Inputs and derived values: what an assessment answers (type, values, range, default) and the
// named formulas over them, checked in dependency order with cycles reported by their path.
#include <algorithm>

#include <fmt/format.h>

#include "load/expression_loader.hpp"
#include "load/readers.hpp"
#include "support/inputs.hpp"
#include "support/text.hpp"

namespace tradeoff::loader {

namespace {

/// "a number", "an integer", "a level": an input type with its article.
std::string a_type(InputType type) {
  return type == InputType::Integer ? "an integer" : "a " + std::string(to_string(type));
}

/// An id that expressions can read: not a reserved word of the expression language.
bool check_name(Context& ctx, const yaml::Node& key, std::string_view kind) {
  auto name = ctx.id(key, kind);
  if (!name) return false;
  if (expr::is_reserved(*name)) {
    ctx.error(ErrorCode::InvalidValue, key,
              fmt::format("'{}' is a reserved word of the expression language and cannot name {}",
                          *name, kind));
    return false;
  }
  return true;
}

bool read_input_type(Context& ctx, Fields& f, Input& in) {
  const yaml::Node* n = f.optional("type");
  if (n == nullptr) return true;
  static const std::vector<std::string> kTypes = {"number", "integer", "boolean", "choice",
                                                  "level"};
  // A type that is not a string reads as "", which is unknown too.
  const auto type = ctx.string(*n, "the type of an input").value_or("");
  for (const auto t : {InputType::Number, InputType::Integer, InputType::Boolean, InputType::Choice,
                       InputType::Level}) {
    if (type == to_string(t)) {
      in.type = t;
      return true;
    }
  }
  ctx.report(*n, unknown_choice("input type", type, kTypes));
  return false;
}

/// The list of values of a choice or level input.
bool read_value_list(Context& ctx, const yaml::Node& list, const char* list_key,
                     const std::string& what, Input& in) {
  if (!list.is_sequence() || list.items.empty()) {
    ctx.report(
        list, wrong_type(fmt::format("a non-empty list of values for the {} of {}", list_key, what),
                         list.is_sequence() ? std::string("an empty list") : yaml::describe(list)));
    return false;
  }
  bool good = true;
  for (const auto& item : list.items) {
    auto v = ctx.string(item, fmt::format("a value of {}", what));
    if (!v) {
      good = false;
    } else if (contains(in.values, *v)) {
      ctx.error(ErrorCode::DuplicateId, item,
                fmt::format("'{}' is listed twice in the {} of {}", *v, list_key, what));
      good = false;
    } else {
      in.values.push_back(*v);
    }
  }
  return good;
}

/// `choices:` (choice inputs) or `levels:` (level inputs); other types take neither.
bool read_input_values(Context& ctx, Fields& f, const std::string& what, Input& in) {
  const yaml::Node* choices = f.optional("choices");
  const yaml::Node* levels = f.optional("levels");
  const bool level = in.type == InputType::Level;
  const bool enumerated = in.type == InputType::Choice || level;
  const char* list_key = level ? "levels" : "choices";
  const char* other_key = level ? "choices" : "levels";
  const yaml::Node* list = level ? levels : choices;
  if ((level ? choices : levels) != nullptr) {
    ctx.error(
        ErrorCode::UnknownKey, *f.key_node(other_key),
        enumerated
            ? fmt::format("{} is {}; list its values under '{}'", what, a_type(in.type), list_key)
            : fmt::format("{} is {}, which has no '{}'", what, a_type(in.type), other_key));
    return false;
  }
  if (enumerated && list == nullptr) {
    ctx.report(f.node(), missing_key(list_key, what));
    return false;
  }
  if (enumerated) return read_value_list(ctx, *list, list_key, what, in);
  if (list != nullptr) {
    ctx.error(ErrorCode::UnknownKey, *f.key_node(list_key),
              fmt::format("{} is {}, which has no '{}'", what, a_type(in.type), list_key));
    return false;
  }
  return true;
}

/// `min:` and `max:`, for number and integer inputs only.
bool read_input_bounds(Context& ctx, Fields& f, const std::string& what, Input& in) {
  const bool numeric = in.type == InputType::Number || in.type == InputType::Integer;
  bool good = true;
  for (const char* bound : {"min", "max"}) {
    const yaml::Node* n = f.optional(bound);
    if (n == nullptr) continue;
    if (!numeric) {
      ctx.error(ErrorCode::UnknownKey, *f.key_node(bound),
                fmt::format("{} is {}, which has no '{}'", what, a_type(in.type), bound));
      good = false;
      continue;
    }
    auto v = ctx.number(*n, fmt::format("the {} of {}", bound, what));
    if (!v) {
      good = false;
    } else {
      (std::string_view(bound) == "min" ? in.min : in.max) = *v;
    }
  }
  if (in.min && in.max && *in.min > *in.max) {
    ctx.error(ErrorCode::InvalidValue, *f.key_node("max"),
              fmt::format("the max of {} ({}) is below its min ({})", what,
                          detail::quantity(*in.max), detail::quantity(*in.min)));
    good = false;
  }
  return good;
}

/// One input; kept out of the framework (and its name remembered as broken) on any error.
void read_input(Context& ctx, const yaml::Node& key, const yaml::Node& value,
                FrameworkDraft& draft) {
  Input in;
  in.name = key.scalar;
  in.where = ctx.at(key);
  const std::string what = fmt::format("input '{}'", in.name);
  Fields f(ctx, value, what);
  if (!f.ok()) return;
  bool good = read_input_type(ctx, f, in);
  if (const auto* n = f.optional("description")) {
    in.description = ctx.string(*n, "description").value_or("");
  }
  if (const auto* n = f.optional("unit")) in.unit = ctx.string(*n, "unit").value_or("");
  if (const auto* n = f.optional("source")) {
    if (auto src = ctx.id(*n, "source")) {
      in.source = *src;
      draft.cite(*src, *n);
    }
  }
  if (const auto* n = f.optional("as_of")) {
    in.as_of = ctx.date(*n, "as_of").value_or("");
    in.as_of_where = ctx.at(*n);
  }
  if (good) {
    good = read_input_values(ctx, f, what, in);
  } else {
    f.optional("choices");
    f.optional("levels");
  }
  good = read_input_bounds(ctx, f, what, in) && good;
  const yaml::Node* def = f.required("default");
  f.finish();
  if (def != nullptr && good) {
    auto v = read_input_value(ctx, in, *def, fmt::format("the default of {}", what));
    if (v) in.default_value = *v;
    good = v.has_value();
  }
  if (good && def != nullptr) {
    draft.fw.inputs.push_back(std::move(in));
  } else {
    draft.broken_names.push_back(key.scalar);
  }
}

/// Resolves derived values depth first, so that each is checked after the values it reads.
class DerivedOrder {
 public:
  DerivedOrder(DiagnosticSink& sink, FrameworkDraft& draft, expr::Symbols& symbols)
      : sink_(sink), fw_(draft.fw), symbols_(symbols), state_(fw_.derived.size(), kNew) {}

  /// Checks every derived value; returns the indices of the good ones, dependencies first.
  std::vector<size_t> run() {
    const size_t first = fw_.inputs.size();
    for (size_t d = 0; d < fw_.derived.size(); ++d) {
      symbols_.symbols[first + d].slot = static_cast<int32_t>(first + d);
    }
    for (size_t d = 0; d < fw_.derived.size(); ++d) visit(d);
    return order_;
  }

 private:
  enum State { kNew, kVisiting, kDone, kBroken };

  bool visit(size_t d) {
    if (state_[d] == kDone) return true;
    if (state_[d] == kBroken) return false;
    if (state_[d] == kVisiting) return report_cycle(d);
    state_[d] = kVisiting;
    stack_.push_back(d);
    bool ok = static_cast<bool>(fw_.derived[d].formula.tree);
    if (ok) {
      for (const auto& name : expr::names_in(*fw_.derived[d].formula.tree)) {
        for (size_t k = 0; k < fw_.derived.size(); ++k) {
          if (fw_.derived[k].name == name && !visit(k)) ok = false;
        }
      }
    }
    stack_.pop_back();
    if (state_[d] == kBroken) return false;
    return finish(d, ok);
  }

  /// A cycle closes at `d`: reported once, there, and every value on it is broken.
  bool report_cycle(size_t d) {
    std::string path;
    const auto start = std::find(stack_.begin(), stack_.end(), d);
    for (auto it = start; it != stack_.end(); ++it) path += fw_.derived[*it].name + " -> ";
    path += fw_.derived[d].name;
    Diagnostic cycle = make_diagnostic(ErrorCode::Cycle, fw_.derived[d].where,
                                       fmt::format("derived values form a cycle: {}", path));
    cycle.length = static_cast<int>(fw_.derived[d].name.size());
    sink_.add(std::move(cycle));
    for (auto it = start; it != stack_.end(); ++it) state_[*it] = kBroken;
    return false;
  }

  bool finish(size_t d, bool ok) {
    Derived& derived = fw_.derived[d];
    if (ok) {
      ok = check_expression(sink_, derived.formula, symbols_, expr::Type::Unknown,
                            fmt::format("derived value '{}'", derived.name));
    }
    auto& symbol = symbols_.symbols[fw_.inputs.size() + d];
    if (ok) {
      symbol.type = expr::result_type(*derived.formula.tree);
      symbol.domain = expr::result_domain(*derived.formula.tree);
      order_.push_back(d);
      state_[d] = kDone;
    } else {
      symbol.slot = -1;
      state_[d] = kBroken;
    }
    return ok;
  }

  DiagnosticSink& sink_;
  Framework& fw_;
  expr::Symbols& symbols_;
  std::vector<State> state_;
  std::vector<size_t> stack_;
  std::vector<size_t> order_;
};

}  // namespace

std::optional<double> read_input_value(Context& ctx, const Input& input, const yaml::Node& node,
                                       std::string_view what) {
  if (!node.is_scalar()) {
    ctx.report(node, wrong_type("a value", what, node));
    return std::nullopt;
  }
  detail::InputProblem problem;
  auto v = detail::parse_input_value(input, node.scalar, node.style == yaml::Style::Plain, what,
                                     problem);
  if (!v) ctx.error(problem.code, node, problem.message, problem.hint);
  return v;
}

void read_inputs(Context& ctx, const yaml::Node& node, FrameworkDraft& draft) {
  if (!node.is_mapping()) {
    ctx.report(node, wrong_type("a mapping of input name: definition", "inputs", node));
    return;
  }
  for (const auto& [key, value] : node.entries) {
    if (check_name(ctx, key, "an input")) read_input(ctx, key, value, draft);
  }
}

void read_derived(Context& ctx, const yaml::Node& node, FrameworkDraft& draft) {
  if (!node.is_mapping()) {
    ctx.report(node, wrong_type("a mapping of name: formula", "derived", node));
    return;
  }
  for (const auto& [key, value] : node.entries) {
    if (!check_name(ctx, key, "a derived value")) continue;
    if (draft.fw.input(key.scalar) != nullptr || contains(draft.broken_names, key.scalar)) {
      ctx.error(ErrorCode::DuplicateId, key,
                fmt::format("derived value '{}' has the name of an input", key.scalar));
      continue;
    }
    Derived d;
    d.name = key.scalar;
    d.where = ctx.at(key);
    const std::string what = fmt::format("derived value '{}'", d.name);
    const yaml::Node* formula = &value;
    if (value.is_mapping()) {
      Fields f(ctx, value, what);
      formula = f.required("formula");
      if (const auto* n = f.optional("unit")) d.unit = ctx.string(*n, "unit").value_or("");
      if (const auto* n = f.optional("description")) {
        d.description = ctx.string(*n, "description").value_or("");
      }
      if (const auto* n = f.optional("source")) {
        if (auto src = ctx.id(*n, "source")) {
          d.source = *src;
          draft.cite(*src, *n);
        }
      }
      f.finish();
    }
    if (formula != nullptr) {
      if (auto e = read_expression(ctx, *formula, what)) d.formula = std::move(*e);
    }
    // Kept even when broken, so that names reading it are not reported a second time.
    draft.fw.derived.push_back(std::move(d));
  }
}

void order_derived(DiagnosticSink& sink, FrameworkDraft& draft, expr::Symbols& symbols) {
  draft.fw.derived_order = DerivedOrder(sink, draft, symbols).run();
}

}  // namespace tradeoff::loader
