// Binding inputs to their values: see bind/inputs.hpp.
#include "bind/bind.hpp"

#include <fmt/format.h>

#include "support/inputs.hpp"
#include "support/suggest.hpp"

namespace tradeoff::detail {

BoundInputs bind_inputs(const Framework& fw, const Assessment& assessment,
                        const std::vector<std::pair<std::string, std::string>>& set) {
  BoundInputs out;
  for (const auto& in : fw.inputs) {
    out.values.push_back(in.default_value);
    out.origin.push_back(InputOrigin::Default);
    out.answer.push_back(nullptr);
  }
  for (const auto& answer : assessment.inputs) {
    for (size_t k = 0; k < fw.inputs.size(); ++k) {
      if (fw.inputs[k].name != answer.name) continue;
      out.values[k] = answer.value;
      out.origin[k] = InputOrigin::Assessment;
      out.answer[k] = &answer;
    }
  }
  std::vector<std::string> names;
  for (const auto& in : fw.inputs) names.push_back(in.name);
  for (const auto& [name, text] : set) {
    size_t k = 0;
    while (k < fw.inputs.size() && fw.inputs[k].name != name) ++k;
    if (k == fw.inputs.size()) {
      usage_error(
          fmt::format("--set {}={}: framework '{}' has no input '{}'", name, text, fw.id, name),
          did_you_mean(name, names));
    }
    InputProblem problem;
    const auto v =
        parse_input_value(fw.inputs[k], text, true, fmt::format("--set {}", name), problem);
    if (!v) usage_error(problem.message, problem.hint);
    out.values[k] = *v;
    out.origin[k] = InputOrigin::CommandLine;
    out.answer[k] = nullptr;
  }
  return out;
}

}  // namespace tradeoff::detail
