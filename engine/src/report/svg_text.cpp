// The text side of the SVG charts (see svg.hpp): escaping and shortening caller text, figures
// and tick labels in fixed, locale-free formats, and the stylesheet the charts' classes use.
#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "report/svg.hpp"
#include "support/text.hpp"

namespace tradeoff::detail::svg {

namespace {

std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

/// Commas between thousands in the whole part of a plain decimal: "-1234.5" -> "-1,234.5".
std::string grouped(const std::string& s) {
  const size_t begin = s[0] == '-' ? 1 : 0;
  const size_t end = std::min(s.find('.'), s.size());
  std::string out = s.substr(0, begin);
  for (size_t i = begin; i < end; ++i) {
    out += s[i];
    if (i + 1 < end && (end - i - 1) % 3 == 0) out += ',';
  }
  return out + s.substr(end);
}

}  // namespace

std::string value_label(double v, int digits) {
  if (!std::isfinite(v)) return "n/a";
  if (v == 0) return "0";
  digits = std::clamp(digits, 1, 15);
  if (std::fabs(v) >= 1e15) return fmt::format("{:.{}g}", v, digits);
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  if (magnitude >= digits) {
    const double unit = std::pow(10.0, magnitude - digits + 1);
    v = std::round(v / unit) * unit;
  }
  return grouped(trim_zeros(fixed(v, std::max(0, digits - 1 - magnitude))));
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string truncate(std::string_view text, size_t max_chars) {
  if (max_chars == 0 || display_width(text) <= max_chars) return std::string(text);
  size_t kept = 0;
  size_t end = 0;
  for (; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;  // inside a character
    if (kept == max_chars - 1) break;
    ++kept;
  }
  std::string out(text.substr(0, end));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";  // U+2026
}

std::string tick_label(double value, double step) {
  if (!std::isfinite(value) || value == 0) return "0";
  if (std::fabs(value) >= 1e15) return fmt::format("{:.3g}", value);
  step = std::isfinite(step) && step != 0 ? std::fabs(step) : std::fabs(value);
  double unit = 1;
  std::string_view suffix;
  for (const auto& [u, s] : {std::pair{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}}) {
    if (std::fabs(value) >= u && step >= u / 100) {
      unit = u;
      suffix = s;
      break;
    }
  }
  const int decimals =
      std::clamp(static_cast<int>(std::ceil(-std::log10(step / unit) - 1e-9)), 0, 15);
  return grouped(trim_zeros(fixed(value / unit, decimals))) + std::string(suffix);
}

namespace {

struct Colour {
  std::string_view light, on_light, dark, on_dark;  // a fill, and text that reads on it
};

// Okabe & Ito's palette, then Paul Tol's muted colours for the last four: told apart under the
// common colour-vision deficiencies, the first few most of all (yellow, faint on white, comes
// late). The dark set lightens the dark colours so that they keep their contrast.
constexpr Colour kPalette[12] = {
    {"#0072b2", "#ffffff", "#3d9be0", "#111111"}, {"#e69f00", "#111111", "#f0b030", "#111111"},
    {"#009e73", "#111111", "#1fbf8f", "#111111"}, {"#cc79a7", "#111111", "#e08dbb", "#111111"},
    {"#56b4e9", "#111111", "#6cc4f5", "#111111"}, {"#d55e00", "#111111", "#f07a30", "#111111"},
    {"#332288", "#ffffff", "#8c80e0", "#111111"}, {"#999933", "#111111", "#bfbf4d", "#111111"},
    {"#882255", "#ffffff", "#d0609a", "#111111"}, {"#44aa99", "#111111", "#5cc4b2", "#111111"},
    {"#f0e442", "#111111", "#f0e442", "#111111"}, {"#cc6677", "#111111", "#e08896", "#111111"},
};
constexpr std::string_view kLight =
    "--chart-bg:#ffffff;--chart-fg:#1f2328;--chart-muted:#59636e;--chart-grid:#dfe3e8;"
    "--chart-axis:#8c959f;";
constexpr std::string_view kDark =
    "--chart-bg:#161b22;--chart-fg:#e6edf3;--chart-muted:#9aa4ae;--chart-grid:#2d333b;"
    "--chart-axis:#6e7681;";
// Shapes take the colour of their series class through currentColor: one rule per colour
// serves bars (fill) and lines (stroke).
constexpr std::string_view kRules =
    ".tradeoff-chart{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "font-size:12px}\n"
    ".tradeoff-chart .bg{fill:var(--chart-bg)}\n"
    ".tradeoff-chart text{fill:var(--chart-fg)}\n"
    ".tradeoff-chart .title{font-size:16px;font-weight:600}\n"
    ".tradeoff-chart .label{font-size:12px}\n"
    ".tradeoff-chart .tick,.tradeoff-chart .value,.tradeoff-chart .muted,.tradeoff-chart .note,"
    ".tradeoff-chart .inside{font-size:11px;font-variant-numeric:tabular-nums}\n"
    ".tradeoff-chart .tick,.tradeoff-chart .muted,.tradeoff-chart .note{fill:var(--chart-muted)}\n"
    ".tradeoff-chart text.highlight{font-weight:700}\n"
    // A halo of the background keeps notes legible over gridlines, lines and hatching.
    ".tradeoff-chart .note{paint-order:stroke;stroke:var(--chart-bg);stroke-width:3px;"
    "stroke-linejoin:round}\n"
    ".tradeoff-chart text.inside.note{fill:var(--chart-fg)}\n"
    ".tradeoff-chart .grid{stroke:var(--chart-grid);stroke-width:1}\n"
    ".tradeoff-chart .grid.minor{stroke-dasharray:2 3}\n"
    ".tradeoff-chart .axis{stroke:var(--chart-axis);stroke-width:1}\n"
    ".tradeoff-chart .bar,.tradeoff-chart .seg,.tradeoff-chart .swatch,.tradeoff-chart .range,"
    ".tradeoff-chart .arrow,.tradeoff-chart .point{fill:currentColor}\n"
    ".tradeoff-chart .seg,.tradeoff-chart .excluded{stroke:var(--chart-bg);stroke-width:1}\n"
    ".tradeoff-chart .bar.highlight{stroke:var(--chart-fg);stroke-width:2}\n"
    ".tradeoff-chart .line{fill:none;stroke:currentColor;stroke-width:2;stroke-linejoin:round}\n"
    ".tradeoff-chart .current{stroke:var(--chart-fg);stroke-width:2.5}\n"
    ".tradeoff-chart .marker{stroke:var(--chart-muted);stroke-width:1;stroke-dasharray:4 3}\n"
    ".tradeoff-chart .hatch-bg{fill:var(--chart-bg)}\n"
    ".tradeoff-chart .hatch{stroke:var(--chart-muted);stroke-width:2}\n";

/// The custom properties of one colour scheme.
std::string scheme(std::string_view base, bool dark) {
  std::string s(base);
  for (size_t k = 0; k < 12; ++k) {
    const Colour& c = kPalette[k];
    s += fmt::format("--chart-s{0}:{1};--chart-on-s{0}:{2};", k, dark ? c.dark : c.light,
                     dark ? c.on_dark : c.on_light);
  }
  return s;
}

}  // namespace

std::string_view chart_css() {
  static const std::string css = [] {
    const std::string light = scheme(kLight, false);
    // Print comes last: paper takes the light colours even from a dark-mode screen.
    std::string s = fmt::format(
        ":root{{{}}}\n@media (prefers-color-scheme: dark){{:root{{{}}}}}\n"
        "@media print{{:root{{{}}}}}\n",
        light, scheme(kDark, true), light);
    for (size_t k = 0; k < 12; ++k) {
      s += fmt::format(
          ".tradeoff-chart .s{0}{{color:var(--chart-s{0})}}"
          ".tradeoff-chart text.inside.s{0}{{fill:var(--chart-on-s{0})}}\n",
          k);
    }
    return s + std::string(kRules);
  }();
  return css;
}

}  // namespace tradeoff::detail::svg
