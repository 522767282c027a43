// Numbers in JSON output: rounded to 12 significant digits, -0 as 0, whole numbers without a
// fraction (30, not 30.0), so that the same result always prints the same bytes.
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

#include "text.hpp"

namespace tradeoff::detail {

inline nlohmann::ordered_json json_number(double v) {
  const double r = round_for_output(v);
  if (r == std::floor(r) && std::fabs(r) < 9007199254740992.0) {
    return nlohmann::ordered_json(static_cast<int64_t>(r));
  }
  return nlohmann::ordered_json(r);
}

}  // namespace tradeoff::detail
