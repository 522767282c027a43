// Turning written values (YAML scalars, `--set name=value`) into input values, with the checks
// every input declares: type, whole numbers, range, choices and levels.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tradeoff/model.hpp"

namespace tradeoff::detail {

struct InputProblem {
  ErrorCode code = ErrorCode::WrongType;
  std::string message;  ///< e.g. "expected a number for the default of input 'x', got 'abc'"
  std::string hint;
};

/// The value of `text` for `input`; `plain` is false for quoted YAML strings (never numbers).
/// `what` names the value in messages ("the default of input 'x'"). On failure returns nullopt
/// and fills `problem`.
std::optional<double> parse_input_value(const Input& input, std::string_view text, bool plain,
                                        std::string_view what, InputProblem& problem);

}  // namespace tradeoff::detail
