// assessment.yaml of a scaffold: answers the scaffold's framework, with every input of the base
// listed as a commented line (its default, type, unit, allowed values or range) under what the
// input is and where its default comes from, and commented examples of the decision record,
// weights and `expect:`.
#include <algorithm>

#include <fmt/format.h>

#include "scaffold/parts.hpp"
#include "scaffold/yaml_text.hpp"
#include "support/text.hpp"

namespace tradeoff::scaffold {

namespace {

/// Where the notes after the header's and the expectations' lines start.
constexpr size_t kNoteColumn = 40;

/// A line of YAML with a trailing comment, the comment from `column` on.
std::string with_note(const std::string& line, const std::string& note, size_t column) {
  if (note.empty()) return line + "\n";
  return detail::pad_right(line, column) + "  # " + one_line(note) + "\n";
}

/// What an input takes: "number, requests/day, 0 to 10,000,000", "one of: a, b".
std::string takes(const Input& in) {
  std::vector<std::string> values;
  for (const auto& v : in.values) values.push_back(yaml_text(v));
  std::string list;
  for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
  switch (in.type) {
    case InputType::Boolean:
      return "true or false";
    case InputType::Choice:
      return "one of: " + list;
    case InputType::Level:
      return "level, lowest first: " + list;
    case InputType::Number:
    case InputType::Integer:
      break;
  }
  std::string out = in.type == InputType::Integer ? "whole number" : "number";
  if (!in.unit.empty()) out += ", " + in.unit;
  if (in.min && in.max) {
    out += fmt::format(", {} to {}", detail::quantity(*in.min), detail::quantity(*in.max));
  } else if (in.min) {
    out += ", at least " + detail::quantity(*in.min);
  } else if (in.max) {
    out += ", at most " + detail::quantity(*in.max);
  }
  return out;
}

/// The value of an input as YAML: a number, true or false, or a choice or level as text.
std::string yaml_value(const Input& in, double value) {
  if (in.type == InputType::Number || in.type == InputType::Integer) return yaml_number(value);
  if (in.type == InputType::Boolean) return value != 0 ? "true" : "false";
  return yaml_text(in.display(value));
}

/// What the input is, and where its default comes from.
std::string about(const Input& in, const Framework& base) {
  std::string text = one_line(in.description);
  if (!text.empty() && text.back() != '.') text += '.';
  if (!in.source.empty()) {
    const auto it = std::find_if(base.sources.begin(), base.sources.end(),
                                 [&](const Source& s) { return s.id == in.source; });
    const std::string title = it == base.sources.end() ? in.source : one_line(it->title);
    text += fmt::format("{}Source: {}{}.", text.empty() ? "" : " ", title,
                        in.as_of.empty() ? "" : ", as of " + in.as_of);
  } else if (!in.as_of.empty()) {
    text += fmt::format("{}As of {}.", text.empty() ? "" : " ", in.as_of);
  }
  return text;
}

std::string header(const Framework& base, const ScaffoldOptions& options) {
  std::string out = comment(
      fmt::format("Answers the framework in framework.yaml, which tailors '{}', for one case. "
                  "Uncomment 'inputs:' and each input you answer; an input left out keeps its "
                  "default. Each line shows the default and what the input takes; the comment "
                  "above it says what the input is and where its default comes from. Evaluate it "
                  "with 'tradeoff evaluate assessment.yaml'.",
                  base.id),
      "# ");
  out += fmt::format("assessment: {}\nframework: framework.yaml\n", options.id);
  out += "# title: A title for the decision record\n";
  out += options.date.empty()
             ? with_note("# date: YYYY-MM-DD", "the date of the decision", kNoteColumn)
             : fmt::format("date: {}\n", options.date);
  out += with_note("# status: proposed", "or accepted, rejected, deprecated, superseded by ...",
                   kNoteColumn);
  out += "# deciders: [Architecture review board]\n";
  out += "# context: \"The problem, as the decision record states it.\"\n";
  return out;
}

std::string inputs_section(const Framework& base) {
  if (base.inputs.empty()) return "";
  std::vector<std::string> lines;
  size_t column = 0;
  for (const auto& in : base.inputs) {
    lines.push_back(fmt::format("#   {}: {}", in.name, yaml_value(in, in.default_value)));
    column = std::max(column, detail::display_width(lines.back()));
  }
  constexpr size_t kMaxColumn = 44;  // a long line gets its note after it, unaligned
  column = std::min(column, kMaxColumn);
  std::string out = "\n# inputs:\n";
  for (size_t k = 0; k < base.inputs.size(); ++k) {
    out += comment(about(base.inputs[k], base), "#   # ");
    out += with_note(lines[k], takes(base.inputs[k]), column);
  }
  return out;
}

std::string weights_section(const Framework& base) {
  const auto weighted = std::find_if(base.criteria.begin(), base.criteria.end(),
                                     [](const Criterion& c) { return c.weight.has_value(); });
  if (weighted == base.criteria.end()) return "";
  std::string out = "\n";
  out += comment(
      "Weights: change the framework's for this case, with a reason if you like ({value: 20, "
      "because: \"why\"}).",
      "# ");
  out += fmt::format("# weights:\n#   {}: {}\n", weighted->id, yaml_number(*weighted->weight));
  return out;
}

std::string expect_section(const Framework& base) {
  if (base.options.empty()) return "";
  std::string out = "\n";
  out += comment(
      "Expect: what the decision should be. 'tradeoff check assessment.yaml' fails, and says "
      "why, when it no longer holds.",
      "# ");
  out += "# expect:\n";
  out += with_note("#   winner: " + base.options.front().id, "or a list of acceptable winners",
                   kNoteColumn);
  out += with_note("#   min_margin: 0.02", "the smallest lead over the runner-up", kNoteColumn);
  out += with_note("#   min_confidence: 0.8", "the smallest Monte-Carlo confidence, 0 to 1",
                   kNoteColumn);
  return out;
}

}  // namespace

std::string assessment_file(const Framework& base, const ScaffoldOptions& options) {
  return header(base, options) + inputs_section(base) + weights_section(base) +
         expect_section(base);
}

}  // namespace tradeoff::scaffold
