// The sections of the terminal view that fits in 100 columns (text_summary.cpp).
#pragma once

#include <iosfwd>
#include <string_view>

#include "report/renderers.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

inline constexpr size_t kTerminalWidth = 100;

/// one_line(text) wrapped at 100 columns: the first line indented by `indent`, the others by
/// `hanging`; a word longer than a line is cut.
void wrap(std::string_view text, size_t indent, size_t hanging, std::ostream& out);

/// The titles, the framework and assessment, the decision record; the method too unless
/// `with_method` is false (the weights view).
void summary_header(const Result& r, const Style& st, std::ostream& out, bool with_method = true);
void summary_ranking(const Result& r, const Style& st, std::ostream& out);
void summary_excluded(const Result& r, const Style& st, std::ostream& out);
void summary_why(const Result& r, const Style& st, std::ostream& out);
void summary_robustness(const Result& r, const Style& st, std::ostream& out);
/// "Rules (N of M fired)", for the summary and for --details.
void rules_heading(const Result& r, const Style& st, std::ostream& out);
void summary_rules(const Result& r, const Style& st, std::ostream& out);
/// The tool's version and the files' digests, and a pointer to --details when it is off.
void summary_footer(const Result& r, const Style& st, bool details, std::ostream& out);

}  // namespace tradeoff::detail
