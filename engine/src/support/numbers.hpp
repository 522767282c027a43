// Reading numbers from text: the one parser for numbers written in YAML and on the command line.
#pragma once

#include <optional>
#include <string_view>

namespace tradeoff::detail {

/// Parses a YAML-style number: decimal, optional sign, fraction, exponent and '_' between
/// digits. No hex, no inf/nan. Returns nullopt when `text` is not such a number.
std::optional<double> parse_number(std::string_view text);

}  // namespace tradeoff::detail
