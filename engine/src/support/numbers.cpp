// Reading numbers from text: see support/numbers.hpp.
#include "support/numbers.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace tradeoff::detail {

std::optional<double> parse_number(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) clean += text[i++];
  bool digits = false;
  bool dot = false;
  bool exponent = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      clean += c;
      digits = true;
    } else if (c == '_') {
      // Only between two digits of the mantissa, as in 1_000_000.
      if (exponent || i == 0 || i + 1 >= text.size() ||
          !std::isdigit(static_cast<unsigned char>(text[i - 1])) ||
          !std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        return std::nullopt;
      }
    } else if (c == '.' && !dot && !exponent) {
      clean += c;
      dot = true;
    } else if ((c == 'e' || c == 'E') && digits && !exponent) {
      clean += c;
      exponent = true;
      if (i + 1 < text.size() && (text[i + 1] == '+' || text[i + 1] == '-')) clean += text[++i];
      if (i + 1 >= text.size()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace tradeoff::detail
