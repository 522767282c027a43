// The renderers of a comparison of two decisions (`tradeoff diff`: diff_text.cpp, diff_json.cpp)
// and what they share (diff_report.cpp).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "tradeoff/diff.hpp"

namespace tradeoff::detail {

/// 100 columns: headings, the changes section by section (long values on lines of their own),
/// the result's winner, margin, ranks, exclusions and rules, and the tool and digests.
void render_diff_text(const DecisionDiff& diff, bool color, std::ostream& out);
/// The object documented in the README.
void render_diff_json(const DecisionDiff& diff, std::ostream& out);

/// "limit:time_to_market" -> "the limit on time_to_market"; a rule id stays as it is.
std::string exclusion_text(const std::string& excluded_by);
/// How many places an option moved up (positive) or down; none unless it ranks on both sides.
std::optional<int> rank_change(const OptionChange& option);

}  // namespace tradeoff::detail
