// Text from input files made safe to print: control and invisible format characters shown as
// visible escapes ("\x1b", "\u202e"), long values cut, and diagnostics' source lines cut to a
// readable window with their caret. The CLI prints every diagnostic through these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tradeoff {

/// `text` with every character that must not reach a terminal raw shown as an escape: C0
/// controls (tab and line feed included), DEL, C1 controls, bidirectional and other invisible
/// format characters, and bytes that are not UTF-8. Code points up to U+00FF and stray bytes are
/// written "\x1b", others "\u202e" or "\U000e0041". Other UTF-8 text is kept as it is.
std::string printable(std::string_view text);

/// A diagnostic's message or hint as printed: each quoted value ('...') cut to 80 characters,
/// the whole to 400, then printable(). Cuts fall on character boundaries and end in "...".
std::string printable_message(std::string_view message);

/// A diagnostic's source line as printed under the message, with the caret line.
struct Excerpt {
  std::string line;    ///< printable, tabs kept; cut to a window around the caret, "..." where cut
  std::string indent;  ///< spaces (tabs where `line` has them) that reach the caret
  std::string marks;   ///< "^" and its "~" underline, within the window; "" when no column
};

/// Formats the raw source line `source_line` for a diagnostic at 1-based character `column`
/// (0: none) underlining `length` characters. Each of the two lines is at most 135 characters
/// wide whatever the line, the column or the length.
Excerpt make_excerpt(std::string_view source_line, int column, int length);

}  // namespace tradeoff
