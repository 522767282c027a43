// The framework's parts of a definition compared: header, inputs, derived values, criteria,
// options and rules (see diff/definitions.hpp).
#include "diff/definitions.hpp"

#include <fmt/format.h>

#include "diff/change_list.hpp"
#include "diff/describe.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

/// An input's default as its type reads it: a number for numbers, else the level or choice.
DiffValue default_value(const Input& input) {
  if (input.type == InputType::Number || input.type == InputType::Integer) {
    return DiffValue::of(input.default_value);
  }
  return DiffValue::of(input.display(input.default_value));
}

std::string input_summary(const Input& input) {
  std::string text(to_string(input.type));
  if (!input.values.empty()) text += " (" + list_text(input.values) + ")";
  text += ", default " + input.display(input.default_value);
  if (!input.unit.empty()) text += " " + input.unit;
  return text;
}

std::string criterion_summary(const Criterion& c) {
  std::vector<std::string> parts{std::string(to_string(c.direction))};
  if (!c.unit.empty()) parts.push_back(c.unit);
  if (c.scale) parts.push_back("scale " + scale_text(*c.scale));
  if (c.weight) parts.push_back("weight " + plain_number(*c.weight));
  return fmt::format("{} ({})", c.name.empty() ? c.id : c.name, list_text(parts));
}

std::string rule_summary(const Rule& r) {
  return fmt::format("when {}: {}", r.when.text, effects_text(r.effects));
}

std::optional<std::string> optional_text(const std::optional<std::pair<double, double>>& scale) {
  if (!scale) return std::nullopt;
  return scale_text(*scale);
}

void compare_input(ChangeList& c, const Input& b, const Input& a) {
  c.text("type", std::string(to_string(b.type)), std::string(to_string(a.type)));
  c.field("default", default_value(b), default_value(a));
  c.number("min", b.min, a.min);
  c.number("max", b.max, a.max);
  const char* values = a.type == InputType::Level ? "levels" : "choices";
  c.text(values, list_text(b.values), list_text(a.values));
  c.text("unit", b.unit, a.unit);
  c.text("description", b.description, a.description);
  c.text("source", b.source, a.source);
  c.text("as_of", b.as_of, a.as_of);
}

void compare_criterion(ChangeList& c, const Criterion& b, const Criterion& a) {
  c.text("name", b.name, a.name);
  c.text("direction", std::string(to_string(b.direction)), std::string(to_string(a.direction)));
  c.number("weight", b.weight, a.weight);
  c.text("unit", b.unit, a.unit);
  c.text("scale", optional_text(b.scale).value_or(""), optional_text(a.scale).value_or(""));
  c.text("value_function", b.value_function ? value_function_text(*b.value_function) : "",
         a.value_function ? value_function_text(*a.value_function) : "");
  c.text("limit", b.limit ? limit_text(*b.limit) : "", a.limit ? limit_text(*a.limit) : "");
  c.text("use", b.catalog, a.catalog);
  c.text("description", b.description, a.description);
  c.text("rubric", rubric_text(b.rubric), rubric_text(a.rubric));
  c.text("source", b.source, a.source);
}

}  // namespace

void diff_framework_header(const Framework& before, const Framework& after,
                           std::vector<Change>& out) {
  ChangeList c(DiffSection::Framework, out);
  c.text("id", before.id, after.id);
  c.text("title", before.title, after.title);
  c.text("version", before.version, after.version);
  c.text("description", before.description, after.description);
}

void diff_inputs(const Framework& before, const Framework& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Inputs, out);
  compare_lists(
      c, before.inputs, after.inputs, [](const Input& i) { return i.name; },
      [](const Input& i) { return DiffValue::of(input_summary(i)); },
      [&](const Input& b, const Input& a) { compare_input(c, b, a); });
}

void diff_derived(const Framework& before, const Framework& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Derived, out);
  compare_lists(
      c, before.derived, after.derived, [](const Derived& d) { return d.name; },
      [](const Derived& d) { return DiffValue::of(d.formula.text); },
      [&](const Derived& b, const Derived& a) {
        c.text("formula", b.formula.text, a.formula.text);
        c.text("unit", b.unit, a.unit);
        c.text("description", b.description, a.description);
        c.text("source", b.source, a.source);
      });
}

void diff_criteria(const Framework& before, const Framework& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Criteria, out);
  compare_lists(
      c, before.criteria, after.criteria, [](const Criterion& k) { return k.id; },
      [](const Criterion& k) { return DiffValue::of(criterion_summary(k)); },
      [&](const Criterion& b, const Criterion& a) { compare_criterion(c, b, a); });
}

void diff_options(const Framework& before, const Framework& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Options, out);
  compare_lists(
      c, before.options, after.options, [](const Alternative& o) { return o.id; },
      [](const Alternative& o) { return DiffValue::of(o.name.empty() ? o.id : o.name); },
      [&](const Alternative& b, const Alternative& a) {
        c.text("name", b.name, a.name);
        c.text("description", b.description, a.description);
      });
}

void diff_rules(const Framework& before, const Framework& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Rules, out);
  compare_lists(
      c, before.rules, after.rules, [](const Rule& r) { return r.id; },
      [](const Rule& r) { return DiffValue::of(rule_summary(r)); },
      [&](const Rule& b, const Rule& a) {
        c.text("when", b.when.text, a.when.text);
        c.text("effects", effects_text(b.effects), effects_text(a.effects));
        c.text("because", b.because, a.because);
        c.text("source", b.source, a.source);
      });
}

}  // namespace tradeoff::detail
