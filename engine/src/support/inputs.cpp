// Input values from text.
#include "support/inputs.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "support/numbers.hpp"
#include "support/suggest.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {
std::string written(std::string_view text, bool plain) {
  return plain && parse_number(text) ? std::string(text) : fmt::format("'{}'", text);
}
}  // namespace

std::optional<double> parse_input_value(const Input& in, std::string_view text, bool plain,
                                        std::string_view what, InputProblem& problem) {
  switch (in.type) {
    case InputType::Number:
    case InputType::Integer: {
      const auto v = plain ? parse_number(text) : std::nullopt;
      const char* kind = in.type == InputType::Integer ? "a whole number" : "a number";
      if (!v || (in.type == InputType::Integer && *v != std::floor(*v))) {
        problem = {
            ErrorCode::WrongType,
            fmt::format("expected {} for {}, got {}", kind, what, written(text, plain)),
            !plain && parse_number(text) ? "remove the quotes: a quoted value is a string" : ""};
        return std::nullopt;
      }
      if ((in.min && *v < *in.min) || (in.max && *v > *in.max)) {
        std::string range;
        if (in.min && in.max) {
          range = fmt::format("between {} and {}", quantity(*in.min), quantity(*in.max));
        } else if (in.min) {
          range = fmt::format("at least {}", quantity(*in.min));
        } else {
          range = fmt::format("at most {}", quantity(*in.max));
        }
        problem = {
            ErrorCode::OutOfRange, fmt::format("{} must be {}, got {}", what, range, text), {}};
        return std::nullopt;
      }
      return *v;
    }
    case InputType::Boolean:
      if (plain && (text == "true" || text == "True" || text == "TRUE")) return 1.0;
      if (plain && (text == "false" || text == "False" || text == "FALSE")) return 0.0;
      problem = {ErrorCode::WrongType,
                 fmt::format("expected true or false for {}, got {}", what, written(text, plain)),
                 {}};
      return std::nullopt;
    case InputType::Choice:
    case InputType::Level: {
      const auto it = std::find(in.values.begin(), in.values.end(), text);
      if (it != in.values.end()) return static_cast<double>(it - in.values.begin());
      std::string list;
      for (const auto& v : in.values) list += (list.empty() ? "" : ", ") + v;
      problem = {ErrorCode::InvalidValue,
                 fmt::format("expected one of the {} of '{}' ({}) for {}, got '{}'",
                             in.type == InputType::Level ? "levels" : "choices", in.name, list,
                             what, text),
                 did_you_mean(text, in.values)};
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace tradeoff::detail
