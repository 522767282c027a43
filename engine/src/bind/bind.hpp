// The bind stage: each input's value, from its default, the assessment's answer and the command
// line's `--set`, in that order of precedence.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tradeoff/model.hpp"

namespace tradeoff::detail {

/// Where an input's value came from; Analysis: set through the evaluation API.
enum class InputOrigin { Default, Assessment, CommandLine, Analysis };

struct BoundInputs {
  std::vector<double> values;             ///< per input, framework order
  std::vector<InputOrigin> origin;        ///< where each value came from
  std::vector<const InputValue*> answer;  ///< the assessment's answer, when it gave the value
};

/// Throws a usage Error for `--set` of an unknown input or a value the input does not take.
BoundInputs bind_inputs(const Framework& fw, const Assessment& assessment,
                        const std::vector<std::pair<std::string, std::string>>& set);

}  // namespace tradeoff::detail
