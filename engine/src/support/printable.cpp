// Escaping for terminals, Markdown and CSV (see printable.hpp and tradeoff/printable.hpp). One
// walk over UTF-8 decides, character by character, what is kept and what is shown as an escape.
#include "support/printable.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace tradeoff {

namespace detail {

namespace {

struct Decoded {
  char32_t cp = 0;  ///< the code point, or the byte itself when not valid
  size_t size = 1;  ///< bytes taken
  bool valid = false;
};

/// The UTF-8 character at `i`; overlong forms, surrogates and stray bytes are not valid.
Decoded decode(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char first = byte(i);
  if (first < 0x80) return {first, 1, true};
  size_t n = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (first >= 0xC2 && first <= 0xDF) {
    n = 2;
    cp = first & 0x1Fu;
  } else if (first >= 0xE0 && first <= 0xEF) {
    n = 3;
    cp = first & 0x0Fu;
    if (first == 0xE0) lo = 0xA0;
    if (first == 0xED) hi = 0x9F;
  } else if (first >= 0xF0 && first <= 0xF4) {
    n = 4;
    cp = first & 0x07u;
    if (first == 0xF0) lo = 0x90;
    if (first == 0xF4) hi = 0x8F;
  } else {
    return {first, 1, false};
  }
  if (i + n > s.size()) return {first, 1, false};
  for (size_t k = 1; k < n; ++k) {
    const unsigned char c = byte(i + k);
    if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return {first, 1, false};
    cp = (cp << 6) | (c & 0x3Fu);
  }
  return {cp, n, true};
}

/// Controls, and the format characters that reorder or hide text (the README lists them).
bool is_unsafe(char32_t cp) {
  if (cp < 0xAD) return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
  static constexpr std::pair<char32_t, char32_t> kRanges[] = {
      {0xAD, 0xAD},       {0x61C, 0x61C},     {0x115F, 0x1160},   {0x180E, 0x180E},
      {0x200B, 0x200F},   {0x2028, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},
      {0x3164, 0x3164},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},   {0xFFF9, 0xFFFB},
      {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F}};
  for (const auto& [lo, hi] : kRanges) {
    if (cp >= lo && cp <= hi) return true;
  }
  return false;
}

bool is_joiner(char32_t cp) { return cp == 0x200C || cp == 0x200D; }

/// A character a joiner may stand beside: kept as it is, and not ASCII.
bool joins(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const Decoded d = decode(s, i);
  return d.valid && d.cp >= 0x80 && !is_unsafe(d.cp);
}

/// Length of a colour sequence (ESC '[' digits and ';' 'm') at `i`, or 0.
size_t sgr_length(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || s[i + 1] != '[') return 0;
  size_t k = i + 2;
  while (k < s.size() && ((s[k] >= '0' && s[k] <= '9') || s[k] == ';')) ++k;
  return k < s.size() && s[k] == 'm' ? k + 1 - i : 0;
}

/// End of the tag characters of a flag (U+1F3F4, tags U+E0020..E007E, U+E007F) that starts
/// at `i` after the black flag, or `i` when there is none.
size_t flag_tags_end(std::string_view s, size_t i) {
  size_t k = i;
  while (k < s.size()) {
    const Decoded d = decode(s, k);
    if (d.valid && d.cp == 0xE007F) return k > i ? k + d.size : i;
    if (!d.valid || d.cp < 0xE0020 || d.cp > 0xE007E) return i;
    k += d.size;
  }
  return i;
}

void append_hex(std::string& out, char32_t v, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int k = digits - 1; k >= 0; --k) out += kHex[(v >> (4 * k)) & 0xFu];
}

void append_escape(std::string& out, char32_t cp) {
  if (cp <= 0xFF) {
    out += "\\x";
    append_hex(out, cp, 2);
  } else if (cp <= 0xFFFF) {
    out += "\\u";
    append_hex(out, cp, 4);
  } else {
    out += "\\U";
    append_hex(out, cp, 8);
  }
}

/// Calls emit(raw, shown) for each character of `text`: its bytes and what is printed for it.
template <class Emit>
void each_char(std::string_view text, Keep keep, Emit&& emit) {
  std::string escape;
  bool after_wide = false;  // the previous character was kept, and is not ASCII
  size_t i = 0;
  while (i < text.size()) {
    const Decoded d = decode(text, i);
    const std::string_view raw = text.substr(i, d.size);
    if (d.valid && d.cp == 0x1B && keep.sgr && sgr_length(text, i) > 0) {
      const size_t n = sgr_length(text, i);
      emit(text.substr(i, n), text.substr(i, n));
      i += n;
      after_wide = false;
      continue;
    }
    if (d.valid && d.cp == 0x1F3F4) {  // a flag keeps its tags
      const size_t end = flag_tags_end(text, i + d.size);
      for (size_t k = i; k < std::max(end, i + d.size);) {
        const size_t n = decode(text, k).size;
        emit(text.substr(k, n), text.substr(k, n));
        k += n;
      }
      i = std::max(end, i + d.size);
      after_wide = true;
      continue;
    }
    bool kept = d.valid && !is_unsafe(d.cp);
    if (d.valid && !kept) {
      kept = (d.cp == '\t' && keep.tab) || (d.cp == '\n' && keep.newline) ||
             (d.cp == '\r' && keep.crlf && i + 1 < text.size() && text[i + 1] == '\n') ||
             (is_joiner(d.cp) && after_wide && joins(text, i + d.size));
    }
    if (kept) {
      emit(raw, raw);
    } else {
      escape.clear();
      append_escape(escape, d.cp);
      emit(raw, std::string_view(escape));
    }
    after_wide = kept && d.cp >= 0x80;
    i += d.size;
  }
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool is_alnum(char c) { return is_word_byte(c) && static_cast<unsigned char>(c) < 0x80; }

/// Escapes what would open a block at the start of a line: a list item (`- + 1. 1)`), a setext
/// underline (`=`), a task list's box (`[`).
void escape_block_start(std::string& out) {
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=' || out[0] == '[')) {
    out.insert(0, 1, '\\');
  }
  size_t digits = 0;
  while (digits < out.size() && digits < 10 && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) {
    out.insert(digits, 1, '\\');
  }
}

}  // namespace

void append_printable(std::string& out, std::string_view text, Keep keep) {
  // Most text is printable ASCII: kept whole, without the walk.
  const bool plain = std::all_of(text.begin(), text.end(), [&keep](char c) {
    return (c >= 0x20 && c < 0x7F) || (c == '\n' && keep.newline) || (c == '\t' && keep.tab);
  });
  if (plain) {
    out += text;
    return;
  }
  each_char(text, keep, [&out](std::string_view, std::string_view shown) { out += shown; });
}

size_t advance(std::string_view text, size_t byte, size_t chars, size_t& counted) {
  const char* p = text.data();
  size_t i = byte;
  size_t c = 0;
  for (; i < text.size() && c < chars; ++c) {
    i += static_cast<unsigned char>(p[i]) < 0x80 ? 1 : decode(text, i).size;
  }
  counted = c;
  return i;
}

std::string shorten(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); i += decode(text, i).size) {
    if (chars++ == max_chars) return std::string(text.substr(0, i)) + "...";
  }
  return std::string(text);
}

std::string one_line(std::string_view text) {
  std::string out;
  text = trim(text);
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    const std::string_view piece = trim(text.substr(0, end));
    if (!piece.empty()) {
      if (!out.empty()) out += ' ';
      append_printable(out, piece);
    }
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

std::string markdown_text(std::string_view text, bool line_start) {
  const std::string s = one_line(text);
  std::string out;
  for (size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    const char next = k + 1 < s.size() ? s[k + 1] : '\0';
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '|':
      case '~':
      case '$':
        out += '\\';
        out += c;
        break;
      case ']':  // no link, image, footnote or reference definition can close
        out += next == '(' || next == '[' || next == ':' ? "\\]" : "]";
        break;
      case '#':  // a heading, or a heading's closing sequence
        out += k == 0 || s[k - 1] == ' ' ? "\\#" : "#";
        break;
      case '_':  // within a word (an_id) it cannot start emphasis
        out += k > 0 && is_alnum(s[k - 1]) && is_alnum(next) ? "_" : "\\_";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  if (line_start) escape_block_start(out);
  return out;
}

std::string markdown_code(std::string_view text, bool in_table) {
  std::string s = one_line(text);
  if (s.empty()) return "";
  size_t longest = 0;
  for (size_t k = 0, run = 0; k < s.size(); ++k) {
    run = s[k] == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  if (in_table) {
    std::string piped;
    for (char c : s) piped += c == '|' ? std::string("\\|") : std::string(1, c);
    s = std::move(piped);
  }
  const std::string fence(longest + 1, '`');
  const char* pad = s.front() == '`' || s.back() == '`' ? " " : "";
  return fence + pad + s + pad + fence;
}

std::string csv_text(std::string_view text) {
  std::string s;
  append_printable(s, trim(text), Keep{false, true, false, false});  // a line feed is data
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(0, "'");
  if (s.find_first_of(",;\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string safe_output(std::string_view report, Keep keep) {
  keep.newline = true;
  std::string out;
  out.reserve(report.size());
  append_printable(out, report, keep);
  return out;
}

namespace {

constexpr size_t kMaxQuoted = 80;      // characters of a quoted value in a message
constexpr size_t kMaxMessage = 400;    // characters of a whole message
constexpr size_t kExcerptWidth = 120;  // characters of a source line shown
constexpr size_t kBeforeCaret = 60;    // of which before the caret, when the line is cut
constexpr size_t kRawWindow = 512;     // bytes each side of the caret read from a long line

/// A character of a source line as printed: where its bytes are, and how wide it prints.
struct Unit {
  size_t from = 0;  ///< byte offset in the line
  size_t size = 1;
  size_t width = 1;  ///< printed characters
  bool escaped = false;
  bool tab = false;
};

/// The characters of a line; starts[k] is where unit k prints, starts.back() the total width.
struct Units {
  std::vector<Unit> units;
  std::vector<size_t> starts;
};

Units units_of(std::string_view line) {
  Units u;
  u.units.reserve(line.size());
  u.starts.reserve(line.size() + 1);
  size_t total = 0;
  each_char(line, Keep{true}, [&](std::string_view raw, std::string_view shown) {
    const bool escaped = raw.data() != shown.data();
    const size_t width = escaped ? shown.size() : 1;
    u.starts.push_back(total);
    u.units.push_back(
        {static_cast<size_t>(raw.data() - line.data()), raw.size(), width, escaped, raw == "\t"});
    total += width;
  });
  u.starts.push_back(total);
  return u;
}

void append_unit(std::string& out, std::string_view line, const Unit& u) {
  if (u.escaped) {
    append_escape(out, decode(line, u.from).cp);
  } else {
    out.append(line.substr(u.from, u.size));
  }
}

}  // namespace

}  // namespace detail

std::string printable(std::string_view text) {
  std::string out;
  detail::append_printable(out, text);
  return out;
}

std::string printable_message(std::string_view message) {
  const auto word = [](char c) { return detail::is_word_byte(c); };
  std::string cut;
  size_t i = 0;
  while (i < message.size()) {
    if (message[i] != '\'' || (i > 0 && word(message[i - 1]))) {
      cut += message[i++];
      continue;
    }
    size_t close = i + 1;
    while (close < message.size() && !(message[close] == '\'' && (close + 1 == message.size() ||
                                                                  !word(message[close + 1])))) {
      ++close;
    }
    cut += '\'';
    cut += detail::shorten(message.substr(i + 1, close - i - 1), detail::kMaxQuoted);
    if (close < message.size()) cut += '\'';
    i = close + 1;
  }
  return printable(detail::shorten(cut, detail::kMaxMessage));
}

namespace {

/// The bytes of a long line around byte `caret` (moved to the part's own offsets): only they
/// can be shown, so only they are read.
struct Part {
  std::string_view line;
  size_t caret = 0;
  bool cut_front = false;
  bool cut_back = false;
};

Part part_around(std::string_view line, size_t caret) {
  if (line.size() <= 2 * detail::kRawWindow) return {line, caret, false, false};
  const auto continuation = [&](size_t i) {
    return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
  };
  size_t from = caret > detail::kRawWindow ? caret - detail::kRawWindow : 0;
  size_t to = std::min(line.size(), caret + detail::kRawWindow);
  while (from > 0 && continuation(from)) --from;
  while (to < line.size() && continuation(to)) ++to;
  return {line.substr(from, to - from), caret - from, from > 0, to < line.size()};
}

/// The units shown, [from, to), and the printed position the window starts at.
struct Window {
  size_t from = 0;
  size_t to = 0;
  size_t start = 0;
};

/// Keeps kBeforeCaret characters before the caret (printed position `at`) when the line is
/// wider than kExcerptWidth, on unit boundaries so that no escape is split.
Window window_of(const detail::Units& u, size_t at, bool cut) {
  const size_t total = u.starts.back();
  if (!cut && total <= detail::kExcerptWidth && at < detail::kExcerptWidth) {
    return {0, u.units.size(), 0};
  }
  const size_t start = at > detail::kBeforeCaret ? at - detail::kBeforeCaret : 0;
  const size_t end = std::min(total, start + detail::kExcerptWidth);
  const auto unit_at = [&u](size_t position) {
    return static_cast<size_t>(std::upper_bound(u.starts.begin(), u.starts.end(), position) -
                               u.starts.begin() - 1);
  };
  const size_t from = unit_at(start);
  return {from, std::max(from, unit_at(end)), start};
}

}  // namespace

namespace detail {

Excerpt excerpt_at(std::string_view source_line, size_t caret, size_t beyond, bool has_column,
                   int length) {
  const Part part = part_around(source_line, caret);
  size_t have = 0;  // characters before the caret
  for (size_t i = 0; i < part.caret; i += decode(part.line, i).size) ++have;
  const Units u = units_of(part.line);
  const size_t at = u.starts[std::min(have, u.units.size())] + beyond;  // where the caret prints
  const Window w = window_of(u, at, part.cut_front || part.cut_back);
  const bool dots_front = part.cut_front || w.from > 0;
  Excerpt e;
  if (dots_front) e.line = "...";
  for (size_t k = w.from; k < w.to; ++k) append_unit(e.line, part.line, u.units[k]);
  if (part.cut_back || w.to < u.units.size()) e.line += "...";
  if (!has_column) return e;
  if (dots_front) e.indent = "   ";
  for (size_t k = w.from; k < std::min(have, u.units.size()); ++k) {
    e.indent += u.units[k].tab ? std::string("\t") : std::string(u.units[k].width, ' ');
  }
  const size_t blank_from = std::max(w.start, at - beyond);  // columns past the end of the line
  if (at > blank_from) e.indent += std::string(at - blank_from, ' ');
  // The underline: `length` characters from the caret, within the window.
  const size_t count = length > 1 ? static_cast<size_t>(length) : 1;
  const size_t window_end = u.starts[w.to];
  const size_t span_end =
      have < u.units.size() ? u.starts[std::min(u.units.size(), have + count)] : at + 1;
  const size_t marks =
      at < window_end ? std::max<size_t>(1, std::min(span_end, window_end) - at) : 1;
  e.marks = "^" + std::string(marks - 1, '~');
  return e;
}

}  // namespace detail

Excerpt make_excerpt(std::string_view source_line, int column, int length) {
  const size_t want = column > 0 ? static_cast<size_t>(column - 1) : 0;
  size_t have = 0;
  const size_t caret = detail::advance(source_line, 0, want, have);
  return detail::excerpt_at(source_line, caret, want - have, column > 0, length);
}

}  // namespace tradeoff
