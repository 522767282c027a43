// The renderers of `tradeoff sensitivity` (sensitivity_report.cpp, sensitivity_json.cpp).
#pragma once

#include <iosfwd>

#include "tradeoff/sensitivity.hpp"

namespace tradeoff::detail {

void render_sensitivity_text(const Sensitivity& s, bool color, std::ostream& out);
void render_sensitivity_json(const Sensitivity& s, std::ostream& out);
/// The sweeps, one row per probe and option.
void render_sensitivity_csv(const Sensitivity& s, std::ostream& out);

}  // namespace tradeoff::detail
