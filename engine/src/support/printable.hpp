// Escaping text for the context it lands in (see tradeoff/printable.hpp for the public part): a
// terminal line, a Markdown paragraph, table cell or code span, and a CSV cell. Every string
// that comes from a file passes through one of these before a report writes it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tradeoff/printable.hpp"

namespace tradeoff::detail {

/// Which characters an escape keeps as they are.
struct Keep {
  bool tab = false;      ///< tabs (a diagnostic's source line, for the caret)
  bool newline = false;  ///< line feeds (a whole report)
  bool crlf = false;     ///< carriage returns before a line feed (CSV line ends)
  bool sgr = false;      ///< the report's own colour sequences: ESC '[' digits ';' 'm'
};

/// Appends `text` to `out` with every unsafe character escaped except those `keep` keeps.
void append_printable(std::string& out, std::string_view text, Keep keep = {});

/// The byte `chars` characters after byte `byte` of `text` (a character boundary), or the end;
/// `counted` says how many characters it passed (fewer at the end).
size_t advance(std::string_view text, size_t byte, size_t chars, size_t& counted);

/// make_excerpt() for a caret at byte `caret` of `source_line` (a character boundary), `beyond`
/// blank columns past it when the caret is past the end of the line.
Excerpt excerpt_at(std::string_view source_line, size_t caret, size_t beyond, bool has_column,
                   int length);

/// `text` cut to `max_chars` characters (a character boundary), followed by "..." when cut.
/// Characters are counted raw: escape them afterwards.
std::string shorten(std::string_view text, size_t max_chars);

/// One line of a report: ends trimmed of blanks and line breaks, inner line feeds as spaces,
/// every other unsafe character (tab and carriage return too) escaped as printable() does.
std::string one_line(std::string_view text);

/// Markdown text that renders as `text` where it lands (a heading, emphasis, a table cell, the
/// middle of a line): one_line(), then `\ ` * | ~ $`, a `]` before `( [ :` (so that no link,
/// image or reference definition can form), a `#` that starts a word and a `_` that is not inside
/// a word escaped with a backslash, and `< > &` written as entities. `line_start` also keeps a
/// leading `- + = [` or "1." from opening a block (a list item, a setext underline, a task box),
/// for text that begins a line.
std::string markdown_text(std::string_view text, bool line_start = false);

/// A Markdown code span showing one_line(text) literally: fenced by one backtick more than its
/// longest run of backticks, padded when it starts or ends with one; `in_table` escapes '|'.
/// "" for empty text.
std::string markdown_code(std::string_view text, bool in_table = false);

/// A CSV cell for a text field: trimmed, every unsafe character but the line feed escaped
/// (printable()); a cell starting with '=', '+', '-' or '@' gets a leading "'" so that
/// spreadsheets take it as text; quoted (RFC 4180) when it holds ',', ';', '"' or a line feed.
/// Numeric columns never go through this: "-0.5" stays a number.
std::string csv_text(std::string_view text);

/// A whole rendered report made safe as a last line of defence: keeps line feeds and what
/// `keep` names, escapes every other unsafe character.
std::string safe_output(std::string_view report, Keep keep);

}  // namespace tradeoff::detail
