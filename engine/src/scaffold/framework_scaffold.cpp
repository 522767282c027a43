// framework.yaml of a scaffold: a framework that extends the base, with every place to tailor it
// commented out and filled in from the base itself (its weights, its options, its first rule), so
// that each line a user uncomments is valid as it stands.
#include <algorithm>

#include <fmt/format.h>

#include "scaffold/parts.hpp"
#include "scaffold/yaml_text.hpp"
#include "support/text.hpp"

namespace tradeoff::scaffold {

namespace {

/// Lines of YAML with a trailing comment each, the comments aligned.
class AlignedLines {
 public:
  void add(std::string line, std::string note) {
    lines_.emplace_back(std::move(line), std::move(note));
  }
  std::string text() const {
    size_t width = 0;
    for (const auto& [line, note] : lines_) width = std::max(width, detail::display_width(line));
    std::string out;
    for (const auto& [line, note] : lines_) {
      out += note.empty() ? line : detail::pad_right(line, width) + "  # " + one_line(note);
      out += '\n';
    }
    return out;
  }

 private:
  std::vector<std::pair<std::string, std::string>> lines_;
};

/// An id for the example criterion that the base does not use yet.
std::string new_criterion_id(const Framework& base) {
  std::string id = "vendor_support";
  for (int k = 2; base.criterion(id) != nullptr; ++k) id = fmt::format("vendor_support_{}", k);
  return id;
}

std::string header(const Framework& base, const ScaffoldOptions& options) {
  std::string out = comment(
      fmt::format("Tailors the framework '{}' ({}) for {}. Lists merge by id: an entry with the "
                  "id of one of the base's changes that entry, an entry with a new id is added, "
                  "and 'remove:' drops entries. Uncomment what you change; everything else comes "
                  "from the base as it is, later improvements included. Check it with 'tradeoff "
                  "validate framework.yaml'.",
                  base.id, base.title, options.id),
      "# ");
  out += fmt::format("framework: {}\nextends: {}\n", options.id, yaml_text(options.extends));
  out += fmt::format("# title: {}\n", yaml_text(base.title + " (" + options.id + ")"));
  return out;
}

std::string criteria_section(const Framework& base, const std::string& added) {
  std::string out = "\n";
  AlignedLines weights;
  for (const auto& c : base.criteria) {
    if (!c.weight) continue;
    weights.add(fmt::format("#   - {{id: {}, weight: {}}}", c.id, yaml_number(*c.weight)),
                c.name == c.id ? "" : c.name);
  }
  out += comment(weights.text().empty()
                     ? "Criteria: the base weighs them with its 'weighting:' block, which a "
                       "'weighting:' here replaces. Uncomment 'criteria:' to add one of your own."
                     : "Weights: the base's, as they are now. Uncomment 'criteria:' and each line "
                       "you change.",
                 "# ");
  out += "# criteria:\n" + weights.text();
  out += comment("A criterion of your own needs a score from every option (under 'options:').",
                 "#   # ");
  AlignedLines example;
  example.add("#   - id: " + added, "");
  example.add("#     name: Vendor support", "");
  example.add("#     direction: benefit", "benefit (more is better) or cost (less is better)");
  example.add("#     scale: [1, 5]", "the range of judged scores");
  example.add("#     weight: 10", "");
  return out + example.text();
}

std::string options_section(const Framework& base, const std::string& added) {
  std::string out = "\n";
  out += comment(fmt::format("Options: change a score ({{value: 4, because: \"why\"}} says why), "
                             "or score a criterion of your own, here '{}'.",
                             added),
                 "# ");
  out += "# options:\n";
  AlignedLines lines;
  for (const auto& o : base.options) {
    lines.add("#   - id: " + o.id, o.name == o.id ? "" : o.name);
    lines.add(fmt::format("#     scores: {{{}: 3}}", added), "");
  }
  return out + lines.text();
}

std::string inputs_section(const Framework& base) {
  if (base.inputs.empty()) return "";
  const Input& in = base.inputs.front();
  std::string out = "\n";
  out += comment(
      "Inputs: change a default for every assessment of this framework (an assessment answers "
      "them for one case).",
      "# ");
  out += "# inputs:\n";
  out += fmt::format("#   {}: {{default: {}}}\n", in.name,
                     in.type == InputType::Number || in.type == InputType::Integer
                         ? yaml_number(in.default_value)
                         : yaml_text(in.display(in.default_value)));
  return out;
}

std::string remove_section(const Framework& base) {
  if (base.options.empty()) return "";
  std::string out = "\n";
  out += comment(
      "Remove entries of the base by id: 'options', 'criteria', 'inputs', 'derived', 'rules' or "
      "'sources'. What still refers to a removed entry is reported: drop its lines above too.",
      "# ");
  out += fmt::format("# remove:\n#   options: [{}]\n", base.options.back().id);
  return out;
}

std::string id_list(const std::vector<std::string>& ids) {
  if (ids.size() == 1) return ids.front();
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return "[" + out + "]";
}

std::string_view effect_key(Effect::Kind kind) {
  switch (kind) {
    case Effect::Kind::ScoreAdd:
      return "add";
    case Effect::Kind::ScoreMultiply:
    case Effect::Kind::WeightMultiply:
      return "multiply";
    default:
      return "set";
  }
}

/// The effects of `rule` as the lines of its `veto:`, `adjust:`, `weight:` and `note:`.
std::string effect_lines(const Rule& rule) {
  std::string veto;
  std::string note;
  std::string adjust;
  std::string weight;
  for (const auto& e : rule.effects) {
    const std::string value = e.value ? yaml_formula(e.value->text) : "";
    if (e.kind == Effect::Kind::Veto) {
      veto = fmt::format("#     veto: {}\n", id_list(e.options));
    } else if (e.kind == Effect::Kind::Note) {
      note = fmt::format("#     note: {}\n", yaml_text(e.text));
    } else if (e.kind == Effect::Kind::WeightMultiply || e.kind == Effect::Kind::WeightSet) {
      weight += fmt::format("#       - {{criterion: {}, {}: {}}}\n", e.criterion,
                            effect_key(e.kind), value);
    } else {
      adjust += fmt::format("#       - {{option: {}, criterion: {}, {}: {}}}\n", id_list(e.options),
                            e.criterion, effect_key(e.kind), value);
    }
  }
  if (!adjust.empty()) adjust = "#     adjust:\n" + adjust;
  if (!weight.empty()) weight = "#     weight:\n" + weight;
  return veto + adjust + weight + note;
}

std::string rules_section(const Framework& base) {
  if (base.rules.empty()) return "";
  const Rule& rule = base.rules.front();
  std::string out = "\n";
  out += comment(fmt::format("Rules: a rule with the id of one of the base's replaces it (here "
                             "'{}', as it is now); a rule with a new id is added.",
                             rule.id),
                 "# ");
  out += "# rules:\n";
  out += fmt::format("#   - id: {}\n#     when: {}\n", rule.id, yaml_text(rule.when.text));
  out += effect_lines(rule);
  out += fmt::format("#     because: {}\n", yaml_text(rule.because));
  if (!rule.source.empty()) out += fmt::format("#     source: {}\n", rule.source);
  return out;
}

}  // namespace

std::string framework_file(const Framework& base, const ScaffoldOptions& options) {
  const std::string added = new_criterion_id(base);
  return header(base, options) + criteria_section(base, added) + options_section(base, added) +
         inputs_section(base) + remove_section(base) + rules_section(base);
}

}  // namespace tradeoff::scaffold
