// Formatting helpers for deterministic, readable numbers.
#include "support/text.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace tradeoff::detail {

std::string fixed(double value, int decimals) {
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string signed_fixed(double value, int decimals) {
  std::string s = fixed(value, decimals);
  if (s[0] != '-' && s.find_first_not_of("0.") != std::string::npos) s.insert(0, "+");
  return s;
}

namespace {
std::string group_thousands(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    out += digits[i];
    const size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out;
}
}  // namespace

std::string quantity(double value) {
  if (!std::isfinite(value)) return fmt::format("{}", value);
  if (value == 0) return "0";
  const double magnitude = std::fabs(value);
  const std::string sign = value < 0 ? "-" : "";
  if (magnitude >= 1e15) return fmt::format("{:.6g}", value);
  if (magnitude >= 1000) {
    // Grouped thousands; up to two decimals, but only when they change the value by more than
    // one part in 100,000 (468,827.2 USD reads as 468,827; a limit of 1,000.4 keeps its .4).
    const double whole_part = std::round(magnitude);
    std::string s = std::fabs(whole_part - magnitude) < 1e-5 * magnitude
                        ? fmt::format("{:.0f}", whole_part)
                        : fmt::format("{:.2f}", magnitude);
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    const size_t dot = s.find('.');
    const std::string whole = s.substr(0, dot);
    return sign + group_thousands(whole) + (dot == std::string::npos ? "" : s.substr(dot));
  }
  // Six significant digits: small values keep their digits (0.00001 is not 0).
  return fmt::format("{:.6g}", value);
}

double round_for_output(double value) {
  if (value == 0 || !std::isfinite(value)) return value == 0 ? 0.0 : value;
  // strtod, unlike stod, does not throw for subnormal numbers.
  const double rounded = std::strtod(fmt::format("{:.12g}", value).c_str(), nullptr);
  return rounded == 0 ? 0.0 : rounded;
}

std::string plain_number(double value) { return fmt::format("{:.12g}", round_for_output(value)); }

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string pad_right(std::string_view text, size_t width) {
  std::string out(text);
  const size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, size_t width) {
  const size_t w = display_width(text);
  std::string out;
  if (w < width) out.append(width - w, ' ');
  out += text;
  return out;
}

std::string rounded(double value) {
  if (value == 0 || !std::isfinite(value)) return quantity(value);
  const double magnitude = std::pow(10.0, std::floor(std::log10(std::fabs(value))) - 2);
  return quantity(std::round(value / magnitude) * magnitude);
}

std::string join_names(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  if (names.size() == 1) return names[0];
  if (names.size() == 2) return names[0] + " and " + names[1];
  std::string out;
  for (size_t i = 0; i + 1 < names.size(); ++i) out += names[i] + ", ";
  return out + "and " + names.back();
}

std::string lower_first(std::string_view text) {
  std::string out(text);
  if (out.size() >= 2 && std::isupper(static_cast<unsigned char>(out[0])) &&
      !std::isupper(static_cast<unsigned char>(out[1]))) {
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  }
  return out;
}

}  // namespace tradeoff::detail
