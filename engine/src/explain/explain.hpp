// Explanation: why the winner won, from the figures of a Result (see tradeoff/result.hpp).
#pragma once

#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// Margin, decisive and trailing criteria, and the summary sentence. Needs the ranking,
/// contributions and criteria of `result` to be filled in.
Explanation explain(const Result& result);

/// "0.0410", or "3.2e-06" for margins too small for four decimals.
std::string format_margin(double margin);

}  // namespace tradeoff::detail
