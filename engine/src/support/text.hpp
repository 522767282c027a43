// Number and text formatting shared by every renderer: fixed precision, no "-0", grouped
// thousands for quantities, and display widths of UTF-8 text for aligned tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::detail {

/// Fixed-point with `decimals` places; a value that rounds to zero prints without a sign.
std::string fixed(double value, int decimals);
/// Like fixed(), with a leading '+' for positive values (differences).
std::string signed_fixed(double value, int decimals);
/// A quantity for people: "365,000", "0.02", "1.5", "3,650,000", "12.34".
std::string quantity(double value);
/// The value rounded to 12 significant digits (for JSON), with -0 made 0.
double round_for_output(double value);
/// Shortest plain form with at most 12 significant digits: "365000", "0.7123", "-3.5".
std::string plain_number(double value);
/// A figure found by search (bisection), to three significant digits, with thousands
/// separators: 12.9381 -> "12.9", 690625 -> "691,000", 0.0437219 -> "0.0437".
std::string rounded(double value);
/// Number of terminal columns `text` takes (UTF-8 code points).
size_t display_width(std::string_view text);
/// Pads with spaces to `width` display columns, on the right (left-aligned) or the left.
std::string pad_right(std::string_view text, size_t width);
std::string pad_left(std::string_view text, size_t width);
/// "Time to market" -> "time to market" (keeps acronyms such as "API cost").
std::string lower_first(std::string_view text);
/// "a", "a and b", "a, b, and c": a serial comma keeps names that contain "and" apart.
std::string join_names(const std::vector<std::string>& names);

}  // namespace tradeoff::detail
