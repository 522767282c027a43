// YAML scalars and comments for the scaffolds (see yaml_text.hpp).
#include "scaffold/yaml_text.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "support/numbers.hpp"
#include "support/text.hpp"
#include "tradeoff/printable.hpp"

namespace tradeoff::scaffold {

namespace {

/// Plain scalars that YAML (1.1 or 1.2) would read as something other than text.
bool reads_as_other(std::string_view text) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~",   "yes",
      "Yes",  "YES",  "no",   "No",    "NO",    "on",    "On",   "ON",   "off",  "Off", "OFF"};
  if (std::find(kWords.begin(), kWords.end(), text) != kWords.end()) return true;
  if (detail::parse_number(text)) return true;
  // Dates and times (2026-12-01, 12:30) read as timestamps or sexagesimal numbers in YAML 1.1.
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.' || c == '+';
  });
}

bool plain_safe(std::string_view text) {
  if (text.empty() || reads_as_other(text) || printable(text) != text) return false;
  if (text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(text.front()) != std::string_view::npos) return false;
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] == ',' || text[k] == '[' || text[k] == ']' || text[k] == '{' || text[k] == '}') {
      return false;  // they would end the scalar inside a flow collection
    }
    if (text[k] == ':' && k + 1 < text.size() && text[k + 1] == ' ') return false;
    if (text[k] == '#' && text[k - 1] == ' ') return false;
  }
  return true;
}

/// "key:" or "-": a word that would make a line of prose read as YAML.
bool looks_like_key(std::string_view word) {
  if (word == "-") return true;
  if (word.size() < 2 || word.back() != ':') return false;
  return std::all_of(
             word.begin(), word.end() - 1,
             [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }) &&
         word[0] >= 'a' && word[0] <= 'z';
}

}  // namespace

std::string yaml_text(std::string_view text) {
  if (plain_safe(text)) return std::string(text);
  std::string escaped;
  for (const char ch : text) {
    if (ch == '"' || ch == '\\') escaped += '\\';
    escaped += ch;
  }
  // printable() writes what must not stay raw as "\x1b", "\u202e" or "\U000e0041": escapes
  // that a double-quoted YAML scalar reads back as the same characters.
  return "\"" + printable(escaped) + "\"";
}

std::string yaml_number(double value) { return detail::plain_number(value); }

std::string yaml_formula(std::string_view text) {
  return detail::parse_number(text) ? std::string(text) : yaml_text(text);
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return printable(out);
}

std::string comment(std::string_view text, std::string_view prefix, size_t width) {
  std::vector<std::string> words;
  const std::string all = one_line(text);
  for (size_t start = 0; start < all.size();) {
    const size_t end = std::min(all.find(' ', start), all.size());
    words.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::vector<std::string>> lines(1);
  size_t used = prefix.size();
  for (const auto& word : words) {
    const size_t w = detail::display_width(word);
    if (!lines.back().empty() && used + 1 + w > width) {
      lines.emplace_back();
      used = prefix.size();
      // A line of prose must not read as commented-out YAML ("# key: ..."): take the word
      // before along.
      if (looks_like_key(word) && lines[lines.size() - 2].size() > 1) {
        lines.back().push_back(lines[lines.size() - 2].back());
        lines[lines.size() - 2].pop_back();
        used += detail::display_width(lines.back().back());
      }
    }
    used += (lines.back().empty() ? 0 : 1) + w;
    lines.back().push_back(word);
  }
  std::string out;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    out += prefix;
    for (size_t k = 0; k < line.size(); ++k) out += (k == 0 ? "" : " ") + line[k];
    out += '\n';
  }
  return out;
}

}  // namespace tradeoff::scaffold
