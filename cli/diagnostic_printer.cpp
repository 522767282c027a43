// Compiler-style diagnostics with source excerpts and carets.
#include "diagnostic_printer.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

namespace tradeoff::cli {

std::string command_hint(const std::string& word, const std::vector<std::string>& commands) {
  const std::string hint = did_you_mean(word, commands);
  return hint.empty() ? "see 'tradeoff --help'" : hint;
}

SourceReader& source_reader() {
  static FileReader reader;
  return reader;
}

bool use_color(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return isatty(fileno(stream)) != 0;
}

namespace {

/// Byte offset in `line` of the 1-based character column `column`.
size_t byte_of(const std::string& line, int column) {
  size_t i = 0;
  for (int c = 1; c < column && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

/// Spaces (and tabs, copied from the excerpt) that reach character column `column`.
std::string caret_indent(const std::string& excerpt, int column) {
  std::string out;
  const size_t end = byte_of(excerpt, column);
  for (size_t i = 0; i < end; ++i) {
    const char c = excerpt[i];
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation
    out += c == '\t' ? '\t' : ' ';
  }
  int have = 1;
  for (size_t i = 0; i < end; ++i) {
    if ((static_cast<unsigned char>(excerpt[i]) & 0xC0) != 0x80) ++have;
  }
  for (; have < column; ++have) out += ' ';
  return out;
}

constexpr size_t kMaxExcerpt = 120;

/// Long lines (minified YAML, hostile input) are cut to a window around the column.
void clip_excerpt(std::string& excerpt, int& column) {
  if (excerpt.size() <= kMaxExcerpt) return;
  const size_t col = byte_of(excerpt, column);
  size_t start = col > kMaxExcerpt / 2 ? col - kMaxExcerpt / 2 : 0;
  while (start > 0 && (static_cast<unsigned char>(excerpt[start]) & 0xC0) == 0x80) --start;
  size_t end = std::min(excerpt.size(), start + kMaxExcerpt);
  while (end < excerpt.size() && (static_cast<unsigned char>(excerpt[end]) & 0xC0) == 0x80) ++end;
  if (start > 0) {
    int skipped = 0;
    for (size_t i = 0; i < start; ++i) {
      if ((static_cast<unsigned char>(excerpt[i]) & 0xC0) != 0x80) ++skipped;
    }
    column = column - skipped + 3;
  }
  std::string clipped = (start > 0 ? "..." : "") + excerpt.substr(start, end - start);
  if (end < excerpt.size()) clipped += "...";
  excerpt = std::move(clipped);
}

}  // namespace

void print_diagnostics(std::FILE* stream, std::vector<Diagnostic> diagnostics) {
  // The engine hands diagnostics out in source order (sort_by_source); print them as they come.
  attach_excerpts(diagnostics, source_reader());
  const bool color = use_color(stream);
  auto paint = [color](const char* code, const std::string& s) {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
  };
  for (const auto& d : diagnostics) {
    const std::string severity(to_string(d.severity));
    const char* severity_color = d.severity == Severity::Error     ? "1;31"
                                 : d.severity == Severity::Warning ? "1;35"
                                                                   : "1;36";
    std::string location = format_location(d.where);
    if (location.empty()) location = "tradeoff";
    fmt::print(stream, "{}: {} {} [{}]\n", paint("1", location),
               paint(severity_color, severity + ":"), d.message, to_string(d.code));
    if (!d.excerpt.empty() && d.where.line > 0) {
      std::string excerpt = d.excerpt;
      int column = d.where.column;
      clip_excerpt(excerpt, column);
      const std::string number = std::to_string(d.where.line);
      const std::string gutter(number.size(), ' ');
      fmt::print(stream, " {} | {}\n", number, excerpt);
      if (column > 0) {
        std::string marks = "^";
        const int length = d.length;
        if (length > 1) marks += std::string(static_cast<size_t>(length - 1), '~');
        fmt::print(stream, " {} | {}{}\n", gutter, caret_indent(excerpt, column),
                   paint("1;32", marks));
      }
    }
    if (!d.hint.empty()) fmt::print(stream, "  hint: {}\n", d.hint);
  }
}

}  // namespace tradeoff::cli
