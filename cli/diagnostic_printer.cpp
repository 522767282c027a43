// Compiler-style diagnostics with source excerpts and carets.
#include "diagnostic_printer.hpp"

#include <cstdlib>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

#include "console.hpp"
#include "tradeoff/printable.hpp"

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

void print_diagnostics(std::FILE* stream, std::vector<Diagnostic> diagnostics) {
  // The engine hands diagnostics out in source order (sort_by_source); print them as they come.
  // Everything that comes from input (the file name, the message, the source line, the hint) is
  // made printable and cut to a readable width first.
  const std::vector<Excerpt> excerpts = source_excerpts(diagnostics, source_reader());
  const bool color = use_color(stream);
  auto paint = [color](const char* code, const std::string& s) {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
  };
  for (size_t k = 0; k < diagnostics.size(); ++k) {
    const Diagnostic& d = diagnostics[k];
    const std::string severity(to_string(d.severity));
    const char* severity_color = d.severity == Severity::Error     ? "1;31"
                                 : d.severity == Severity::Warning ? "1;35"
                                                                   : "1;36";
    std::string location = printable_message(format_location(d.where));
    if (location.empty()) location = "tradeoff";
    write_to(stream, fmt::format("{}: {} {} [{}]\n", paint("1", location),
                                 paint(severity_color, severity + ":"),
                                 printable_message(d.message), to_string(d.code)));
    const Excerpt& e = excerpts[k];
    if (!e.line.empty()) {
      const std::string number = std::to_string(d.where.line);
      const std::string gutter(number.size(), ' ');
      write_to(stream, fmt::format(" {} | {}\n", number, e.line));
      if (!e.marks.empty()) {
        write_to(stream, fmt::format(" {} | {}{}\n", gutter, e.indent, paint("1;32", e.marks)));
      }
    }
    if (!d.hint.empty()) write_to(stream, fmt::format("  hint: {}\n", printable_message(d.hint)));
  }
}

}  // namespace tradeoff::cli
