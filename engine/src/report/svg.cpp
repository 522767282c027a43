// SVG charts for the HTML report (see svg.hpp): layout in user units on a 720-wide viewBox,
// every figure through fixed-precision fmt calls (never the locale), every caller text escaped.
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff::detail::svg {

namespace {

constexpr double kWidth = 720;
constexpr double kPad = 12;
constexpr double kLabelEnd = 212;   // category labels end here, right-aligned (28 bold fit)
constexpr double kPlotStart = 222;  // horizontal bars start here
constexpr double kValueRoom = 76;   // right of the bars: the value labels
constexpr double kRow = 28;
constexpr double kBar = 18;
constexpr double kLegendTop = 40;
constexpr size_t kMaxLabel = 28;
constexpr size_t kMaxTitle = 70;
constexpr size_t kMaxEndLabel = 40;  // a tornado's end labels, each on a line of its own
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Stands for the chart's id until the chart is hashed; escape() drops it from caller text.
constexpr std::string_view kId = "\x01";

/// A coordinate: one decimal, no "-0" or ".0"; a non-finite one (never expected) as 0.
std::string num(double v) {
  std::string s = fmt::format("{:.1f}", std::isfinite(v) ? v : 0.0);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

double at(const std::vector<double>& values, size_t i) {
  return i < values.size() && std::isfinite(values[i]) ? values[i] : kNaN;
}

std::string series_class(size_t k) { return fmt::format("s{}", k % 12); }

/// Estimated width: a generous average glyph for sans-serif, so that estimates err wide.
double text_width(std::string_view text, double font_px) {
  return static_cast<double>(display_width(text)) * font_px * 0.6;
}

std::string tooltip(std::string_view text) { return "<title>" + escape(text) + "</title>"; }

/// A <text> of caller text cut to `max_chars`, the whole text kept as its tooltip.
std::string text(double x, double y, std::string_view cls, std::string_view anchor,
                 std::string_view content, size_t max_chars = kMaxLabel) {
  const std::string shown = truncate(content, max_chars);
  std::string out = fmt::format(R"(<text class="{}" x="{}" y="{}")", cls, num(x), num(y));
  if (anchor != "start") out += fmt::format(R"( text-anchor="{}")", anchor);
  out += '>' + escape(shown);
  if (shown.size() != content.size()) out += tooltip(content);
  return out + "</text>";
}

std::string rect(std::string_view cls, double x0, double x1, double y, double height,
                 std::string_view tip) {
  return fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}">{}</rect>)", cls,
                     num(std::min(x0, x1)), num(y), num(std::fabs(x1 - x0)), num(height),
                     tooltip(tip));
}

std::string line(std::string_view cls, double x1, double y1, double x2, double y2) {
  return fmt::format(R"(<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}"/>)", cls, num(x1), num(y1),
                     num(x2), num(y2));
}

/// Maps figures on [lo, hi] (log10 of them on a log axis) to [px0, px1], clamped to it.
struct Scale {
  double lo, hi, px0, px1;
  bool log = false;
  double at(double v) const {
    double t = log ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo))
                   : (v - lo) / (hi - lo);
    if (!std::isfinite(t)) t = v > lo ? 1 : 0;
    return px0 + std::clamp(t, 0.0, 1.0) * (px1 - px0);
  }
};

struct Axis {
  double lo = 0, hi = 1, step = 1;
  std::vector<double> ticks, minor;
  bool log = false;
  bool label_minor = false;
};

/// A range with room in it: non-finite ends as 0..1, reversed ends swapped, an empty range
/// widened around its value, ends kept where their difference stays finite.
std::pair<double, double> widen(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
  if (hi < lo) std::swap(lo, hi);
  lo = std::max(lo, -1e300);
  hi = std::min(hi, 1e300);
  if (hi - lo > 1e-12 * std::max(std::fabs(lo), std::fabs(hi))) return {lo, hi};
  const double d = lo == 0 ? 1 : std::fabs(lo) * 0.5;
  return {lo - d, hi + d};
}

/// About five ticks at multiples of 1, 2 or 5 x 10^k; `expand` moves the ends out to ticks.
Axis linear_axis(double lo, double hi, bool expand) {
  std::tie(lo, hi) = widen(lo, hi);
  Axis a;
  const double raw = (hi - lo) / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / magnitude;
  a.step = (r <= 1 + 1e-9 ? 1 : r <= 2 + 1e-9 ? 2 : r <= 5 + 1e-9 ? 5 : 10) * magnitude;
  a.lo = expand ? std::floor(lo / a.step + 1e-9) * a.step : lo;
  a.hi = expand ? std::ceil(hi / a.step - 1e-9) * a.step : hi;
  for (double i = std::ceil(a.lo / a.step - 1e-9); a.ticks.size() < 50; i += 1) {
    const double v = i * a.step;
    if (v > a.hi + a.step * 1e-9) break;
    a.ticks.push_back(std::fabs(v) < a.step * 1e-9 ? 0.0 : v);
  }
  return a;
}

/// Whole decades around [lo, hi] (both > 0), with 2 and 5 between them.
Axis log_axis(double lo, double hi) {
  Axis a;
  a.log = true;
  const double first = std::floor(std::log10(lo) + 1e-9);
  const double last = std::max(std::ceil(std::log10(hi) - 1e-9), first + 1);
  a.lo = std::pow(10.0, first);
  a.hi = std::pow(10.0, last);
  a.label_minor = last - first <= 3;
  // Beyond ten decades, every few: labels stay apart.
  const double every = std::ceil((last - first) / 10);
  for (double d = first; d <= last; d += 1) {
    const double decade = std::pow(10.0, d);
    if (std::fmod(d - first, every) == 0) a.ticks.push_back(decade);
    if (d < last && every == 1) a.minor.insert(a.minor.end(), {2 * decade, 5 * decade});
  }
  return a;
}

std::vector<std::string> tick_labels(const Axis& a, const std::vector<double>& ticks) {
  std::vector<std::string> labels;
  for (double t : ticks) labels.push_back(tick_label(t, a.log ? t : a.step));
  return labels;
}

/// Gridlines at the ticks from `top` to `bottom`, tick labels under the axis, its label below.
void value_axis(std::string& out, const Scale& sx, const Axis& a,
                const std::vector<std::string>& labels, double top, double bottom,
                std::string_view title) {
  out += R"(<g class="x-axis">)";
  const std::vector<std::string> minor_labels = tick_labels(a, a.minor);
  for (size_t i = 0; i < a.minor.size(); ++i) {
    const double x = sx.at(a.minor[i]);
    out += line("grid minor", x, top, x, bottom);
    if (a.label_minor) out += text(x, bottom + 16, "tick", "middle", minor_labels[i]);
  }
  for (size_t i = 0; i < a.ticks.size(); ++i) {
    const double x = sx.at(a.ticks[i]);
    out += line("grid", x, top, x, bottom);
    out += text(x, bottom + 16, "tick", "middle", labels[i]);
  }
  out += line("axis", sx.px0, bottom, sx.px1, bottom);
  out += text((sx.px0 + sx.px1) / 2, bottom + 36, "label", "middle", title, kMaxTitle);
  out += "</g>";
}

struct Key {
  std::string label;
  std::string cls;
  bool line = false;
  bool hatched = false;  // the pattern of excluded samples
};

/// Legend entries left to right, wrapping before the right margin; returns the y below it.
double legend(std::string& out, const std::vector<Key>& keys, double y) {
  if (keys.empty()) return y;
  out += R"(<g class="legend">)";
  double x = kPad;
  for (const Key& key : keys) {
    const double width = 18 + text_width(truncate(key.label, kMaxLabel), 12) + 16;
    if (x > kPad && x + width > kWidth - kPad) {
      x = kPad;
      y += 20;
    }
    if (key.line) {
      out += line("line " + key.cls, x, y + 9, x + 13, y + 9);
    } else {
      out += fmt::format(R"(<rect class="{}" x="{}" y="{}" width="12" height="12"{}/>)",
                         key.hatched ? key.cls : "swatch " + key.cls, num(x), num(y + 3),
                         key.hatched ? fmt::format(R"svg( fill="url(#{}-hatch)")svg", kId) : "");
    }
    out += text(x + 18, y + 13, "label", "start", key.label);
    x += width;
  }
  out += "</g>";
  return y + 20;
}

/// The category label of row `i` (rows start at `top`), and its vertical centre.
double row_label(std::string& out, const std::vector<std::string>& names, size_t i, double top,
                 bool highlight = false) {
  const double yc = top + kRow * (static_cast<double>(i) + 0.5);
  out += text(kLabelEnd, yc + 4, highlight ? "label highlight" : "label", "end", names[i]);
  return yc;
}

double rows_bottom(double top, size_t rows) {
  return top + kRow * static_cast<double>(std::max<size_t>(rows, 1));
}

std::string no_data(double top) {
  return text((kPlotStart + kWidth) / 2, top + kRow / 2 + 4, "muted", "middle", "no data");
}

/// The <svg> around `body`: title for assistive technology and on the chart, background. The
/// id is a hash of the chart, so that charts on one page differ and a chart keeps its bytes.
std::string finish(std::string_view kind, std::string_view title, double height,
                   const std::string& body) {
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="tradeoff-chart {}" viewBox="0 0 {} {}" )"
      R"(width="100%" role="img" aria-labelledby="{}-title"><title id="{}-title">{}</title>)",
      kind, num(kWidth), num(height), kId, kId, escape(title));
  out += fmt::format(R"(<rect class="bg" width="{}" height="{}"/>)", num(kWidth), num(height));
  out += text(kPad, 26, "title", "start", title, kMaxTitle) + body + "</svg>";
  uint64_t hash = 14695981039346656037ULL;  // FNV-1a
  for (char c : out) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  const std::string id = fmt::format("chart-{:016x}", hash);
  for (size_t at = out.find(kId); at != std::string::npos; at = out.find(kId, at)) {
    out.replace(at, kId.size(), id);
  }
  return out;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi) { return linear_axis(lo, hi, false).ticks; }

std::string stacked_bars(const StackedBars& chart) {
  const size_t n = chart.categories.size();
  std::vector<double> pos(n, 0.0), neg(n, 0.0);
  for (const Series& s : chart.segments) {
    for (size_t c = 0; c < n; ++c) {
      const double v = at(s.values, c);
      if (v > 0) pos[c] += v;
      if (v < 0) neg[c] += v;
    }
  }
  double lo = 0, hi = 0;
  for (size_t c = 0; c < n; ++c) {
    lo = std::min(lo, neg[c]);
    hi = std::max(hi, pos[c]);
  }
  const Axis axis = linear_axis(lo, lo == hi ? 1 : hi, true);
  std::string body;
  std::vector<Key> keys;
  for (size_t k = 0; k < chart.segments.size(); ++k) {
    keys.push_back({chart.segments[k].label, series_class(k)});
  }
  const double top = legend(body, keys, kLegendTop) + 8;
  const double bottom = rows_bottom(top, n);
  const Scale sx{axis.lo, axis.hi, kPlotStart, kWidth - kValueRoom};
  value_axis(body, sx, axis, tick_labels(axis, axis.ticks), top, bottom, chart.axis_label);
  if (n == 0) body += no_data(top);
  for (size_t c = 0; c < n; ++c) {
    const double yc = row_label(body, chart.categories, c, top);
    double right = 0, left = 0;  // the ends of the bar so far, either side of 0
    for (size_t k = 0; k < chart.segments.size(); ++k) {
      const double v = at(chart.segments[k].values, c);
      if (std::isnan(v) || v == 0) continue;
      const double from = v > 0 ? right : left + v;
      (v > 0 ? right : left) += v;
      body += rect("seg " + series_class(k), sx.at(from), sx.at(from + std::fabs(v)), yc - kBar / 2,
                   kBar,
                   fmt::format("{}, {}: {}", chart.categories[c], chart.segments[k].label,
                               value_label(v, chart.digits)));
    }
    body +=
        text(sx.at(right) + 5, yc + 4, "value", "start", value_label(right + left, chart.digits));
  }
  body += line("axis", sx.at(0), top, sx.at(0), bottom);
  return finish("stacked-bars", chart.title, bottom + 48, body);
}

std::string bars(const Bars& chart) {
  const size_t n = chart.categories.size();
  double lo = 0, hi = 0;
  for (size_t i = 0; i < n; ++i) {
    const double v = at(chart.values, i);
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  const Axis axis = linear_axis(lo, lo == hi ? 1 : hi, true);
  // Negative bars write their value left of their end: room for it before the plot.
  const Scale sx{axis.lo, axis.hi, kPlotStart + (lo < 0 ? 56 : 0), kWidth - kValueRoom};
  std::string body;
  const double top = kLegendTop + 4;
  const double bottom = rows_bottom(top, n);
  value_axis(body, sx, axis, tick_labels(axis, axis.ticks), top, bottom, chart.axis_label);
  if (n == 0) body += no_data(top);
  for (size_t i = 0; i < n; ++i) {
    const bool highlight = chart.highlight == i;
    const double yc = row_label(body, chart.categories, i, top, highlight);
    const double v = at(chart.values, i);
    if (std::isnan(v)) {
      body += text(sx.at(0) + 5, yc + 4, "muted", "start", "n/a");
      continue;
    }
    const std::string figure = value_label(v, chart.digits);
    if (v != 0) {
      body += rect(highlight ? "bar s0 highlight" : "bar s0", sx.at(0), sx.at(v), yc - kBar / 2,
                   kBar, chart.categories[i] + ": " + figure);
    }
    body += text(sx.at(v) + (v < 0 ? -5 : 5), yc + 4, "value", v < 0 ? "end" : "start", figure);
  }
  body += line("axis", sx.at(0), top, sx.at(0), bottom);
  return finish("bars", chart.title, bottom + 48, body);
}

namespace {

/// One tornado row from `y`: label, range bar (an arrow when open), the current value's tick,
/// and the end labels on a line below; returns the row's height.
double tornado_row(std::string& out, const TornadoRow& row, const Scale& sx, double y, int digits) {
  const double yc = y + 12;
  out += text(kLabelEnd, yc + 4, "label", "end", row.label);
  const bool open = !row.high || *row.high == kInf;
  const double low = row.low == -kInf ? sx.lo : row.low;
  const double high = open ? sx.hi : *row.high;
  if (std::isnan(low) || std::isnan(high)) {
    out += text(sx.px0 + 5, yc + 4, "muted", "start", "n/a");
    return kRow;
  }
  const double x0 = sx.at(std::min(low, high));
  const double x1 = sx.at(std::max(low, high));
  std::string tip = fmt::format("{}: {} to {}", row.label, value_label(low, digits),
                                open ? "no limit" : value_label(high, digits));
  if (std::isfinite(row.current)) tip += ", current " + value_label(row.current, digits);
  // A range of one point stays visible.
  out += rect("range s0", std::min(x0, x1 - 3), open ? std::max(x0, x1 - 9) : std::max(x1, x0 + 3),
              yc - 7, 14, tip);
  if (open) {
    out += fmt::format(R"(<path class="arrow s0" d="M{} {}L{} {}L{} {}Z"/>)", num(x1 - 10),
                       num(yc - 10), num(x1), num(yc), num(x1 - 10), num(yc + 10));
  }
  if (std::isfinite(row.current)) {
    const double xc = sx.at(row.current);
    out += fmt::format(R"(<line class="current" x1="{}" y1="{}" x2="{}" y2="{}">{}</line>)",
                       num(xc), num(yc - 11), num(xc), num(yc + 11),
                       tooltip("current " + value_label(row.current, digits)));
  }
  // Each end label beside its end when it fits, else against the edge; the high one drops a
  // line when the two would meet.
  const std::string high_label = row.high_label.empty() && open ? "no limit" : row.high_label;
  const double low_width = text_width(truncate(row.low_label, kMaxEndLabel), 11);
  const double high_width = text_width(truncate(high_label, kMaxEndLabel), 11);
  const double low_start = std::max(kPad, x0 - 4 - low_width);
  const double high_start = std::min(x1 + 4, kWidth - kPad - high_width);
  double lines = 0;
  if (!row.low_label.empty()) {
    out += text(low_start, yc + 26, "note", "start", row.low_label, kMaxEndLabel);
    lines = 1;
  }
  if (!high_label.empty()) {
    const bool clash = lines == 1 && high_start < low_start + low_width + 10;
    out += text(high_start, yc + 26 + (clash ? 14 : 0), "note", "start", high_label, kMaxEndLabel);
    lines = clash ? 2 : 1;
  }
  return 26 + 14 * lines + 12;  // a gap that keeps each row's labels with its bar
}

}  // namespace

std::string tornado(const Tornado& chart) {
  const Axis axis = linear_axis(chart.axis_min, chart.axis_max, false);
  const Scale sx{axis.lo, axis.hi, kPlotStart, kWidth - 24};
  std::string body;
  const double top =
      legend(body, {{"range", "range s0"}, {"current value", "current", true}}, kLegendTop) + 8;
  std::string rows;
  double y = top;
  for (const TornadoRow& row : chart.rows) y += tornado_row(rows, row, sx, y, chart.digits);
  const double bottom = std::max(y, top + kRow);
  value_axis(body, sx, axis, tick_labels(axis, axis.ticks), top, bottom, chart.axis_label);
  if (chart.rows.empty()) body += no_data(top);
  return finish("tornado", chart.title, bottom + 48, body + rows);
}

namespace {

constexpr double kLinesLeft = 76;
constexpr double kLinesRight = kWidth - 28;
constexpr double kLinesHeight = 280;

/// A line chart's point i is drawn when its x fits the axis and its value is finite.
bool drawn(const Lines& chart, const std::vector<double>& values, size_t i, bool log) {
  return std::isfinite(chart.x[i]) && (!log || chart.x[i] > 0) && std::isfinite(at(values, i));
}

/// One series as a path broken at missing points, and dots where a point stands alone (at
/// every point when there are few).
void series_line(std::string& out, const Lines& chart, size_t k, const Scale& sx, const Scale& sy) {
  const Series& s = chart.lines[k];
  const size_t n = chart.x.size();
  std::string path, dots;
  double lo = kInf, hi = -kInf;
  for (size_t i = 0; i < n; ++i) {
    if (!drawn(chart, s.values, i, sx.log)) continue;
    const bool after = i > 0 && drawn(chart, s.values, i - 1, sx.log);
    const bool before = i + 1 < n && drawn(chart, s.values, i + 1, sx.log);
    const double x = sx.at(chart.x[i]), y = sy.at(s.values[i]);
    path += fmt::format("{}{} {}", after ? "L" : "M", num(x), num(y));
    lo = std::min(lo, s.values[i]);
    hi = std::max(hi, s.values[i]);
    if (n > 24 && (after || before)) continue;
    dots += fmt::format(
        R"(<circle class="point {}" cx="{}" cy="{}" r="3">{}</circle>)", series_class(k), num(x),
        num(y),
        tooltip(fmt::format("{}: {} at {}", s.label, value_label(s.values[i], chart.digits),
                            value_label(chart.x[i], chart.digits))));
  }
  if (path.empty()) return;
  out += R"(<g class="series">)";
  out += fmt::format(R"(<path class="line {}" d="{}">{}</path>)", series_class(k), path,
                     tooltip(fmt::format("{}: {} to {}", s.label, value_label(lo, chart.digits),
                                         value_label(hi, chart.digits))));
  out += dots + "</g>";
}

/// Horizontal gridlines and tick labels left of the plot, the axis label turned upright.
void y_axis(std::string& out, const Scale& sy, const Axis& a, std::string_view title) {
  out += R"(<g class="y-axis">)";
  const std::vector<std::string> labels = tick_labels(a, a.ticks);
  for (size_t i = 0; i < a.ticks.size(); ++i) {
    const double y = sy.at(a.ticks[i]);
    out += line("grid", kLinesLeft, y, kLinesRight, y);
    out += text(kLinesLeft - 6, y + 4, "tick", "end", labels[i]);
  }
  out += line("axis", kLinesLeft, sy.px0, kLinesLeft, sy.px1);
  out += R"svg(<g transform="rotate(-90)">)svg";
  out += text(-(sy.px0 + sy.px1) / 2, 16, "label", "middle", title, kMaxTitle / 2);
  out += "</g></g>";
}

struct Placed {
  double x = 0, start = 0;
  size_t level = 0;
};

/// Marker labels right of their line (left near the edge), stacked into levels (at most four)
/// so that none overlaps; `levels` is set to how many there are.
std::vector<Placed> place_markers(const std::vector<Marker>& markers, const Scale& sx,
                                  size_t& levels) {
  std::vector<Placed> placed(markers.size());
  std::vector<double> ends;
  for (size_t m = 0; m < markers.size(); ++m) {
    Placed& p = placed[m];
    p.x = sx.at(markers[m].x);
    const double width = text_width(truncate(markers[m].label, kMaxLabel), 11);
    p.start = p.x + 3 + width > kWidth - kPad ? p.x - 3 - width : p.x + 3;
    while (p.level < ends.size() && ends[p.level] + 8 > p.start && p.level < 3) ++p.level;
    if (p.level == ends.size()) ends.push_back(0);
    ends[p.level] = std::max(ends[p.level], p.start + width);
  }
  levels = ends.size();
  return placed;
}

}  // namespace

std::string lines(const Lines& chart) {
  double x_lo = kInf, x_hi = -kInf, y_lo = kInf, y_hi = -kInf;
  bool positive = true;
  for (double x : chart.x) {
    if (!std::isfinite(x)) continue;
    x_lo = std::min(x_lo, x);
    x_hi = std::max(x_hi, x);
    positive = positive && x > 0;
  }
  const bool log = chart.log_x && positive && x_lo <= x_hi;
  for (const Series& s : chart.lines) {
    for (size_t i = 0; i < chart.x.size(); ++i) {
      if (!drawn(chart, s.values, i, log)) continue;
      y_lo = std::min(y_lo, s.values[i]);
      y_hi = std::max(y_hi, s.values[i]);
    }
  }
  const Axis ax = log ? log_axis(x_lo, x_hi) : linear_axis(x_lo, x_hi, true);
  const Axis ay = linear_axis(y_lo, y_hi, true);
  const Scale sx{ax.lo, ax.hi, kLinesLeft, kLinesRight, log};
  std::vector<Marker> shown;
  for (const Marker& m : chart.markers) {
    if (std::isfinite(m.x) && m.x >= ax.lo && m.x <= ax.hi) shown.push_back(m);
  }
  std::string body;
  std::vector<Key> keys;
  for (size_t k = 0; k < chart.lines.size(); ++k) {
    keys.push_back({chart.lines[k].label, series_class(k), true});
  }
  size_t levels = 0;
  const std::vector<Placed> placed = place_markers(shown, sx, levels);
  const double top = legend(body, keys, kLegendTop) + 8 + 14 * static_cast<double>(levels);
  const double bottom = top + kLinesHeight;
  const Scale sy{ay.lo, ay.hi, bottom, top};
  y_axis(body, sy, ay, chart.y_label);
  value_axis(body, sx, ax, tick_labels(ax, ax.ticks), top, bottom, chart.x_label);
  std::string labels;
  for (size_t m = 0; m < shown.size(); ++m) {
    const Placed& p = placed[m];
    // The line reaches up to its label; labels drawn later mask the lines they cross.
    const double label_y = top - 6 - 14 * static_cast<double>(p.level);
    body += fmt::format(R"(<line class="marker" x1="{}" y1="{}" x2="{}" y2="{}">{}</line>)",
                        num(p.x), num(label_y - 8), num(p.x), num(bottom),
                        tooltip(shown[m].label + ": " + value_label(shown[m].x, chart.digits)));
    labels += text(p.start, label_y, "note", "start", shown[m].label);
  }
  for (size_t k = 0; k < chart.lines.size(); ++k) series_line(body, chart, k, sx, sy);
  return finish("lines", chart.title, bottom + 48, body + labels);
}

namespace {

/// What is left of an option's 100% once its shares (each cut to what remains) are taken.
double unranked_share(const std::vector<double>& shares) {
  double taken = 0;
  for (size_t r = 0; r < shares.size(); ++r) {
    const double v = std::min(at(shares, r), 1 - taken);
    if (v > 0) taken += v;
  }
  return 1 - taken;
}

}  // namespace

std::string acceptability(const Acceptability& chart) {
  static const std::vector<double> kNone;
  const size_t n = chart.options.size();
  const auto shares = [&](size_t i) -> const std::vector<double>& {
    return i < chart.shares.size() ? chart.shares[i] : kNone;
  };
  size_t ranks = 0;
  bool excluded = false;
  for (size_t i = 0; i < n; ++i) {
    ranks = std::max(ranks, shares(i).size());
    excluded = excluded || unranked_share(shares(i)) > 5e-4;
  }
  std::string body = fmt::format(
      R"(<defs><pattern id="{}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" )"
      R"svg(patternTransform="rotate(45)"><rect class="hatch-bg" width="6" height="6"/>)svg"
      R"(<line class="hatch" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>)",
      kId);
  std::vector<Key> keys;
  for (size_t r = 0; r < ranks; ++r)
    keys.push_back({fmt::format("rank {}", r + 1), series_class(r)});
  if (excluded) keys.push_back({"excluded", "excluded", false, true});
  const double top = legend(body, keys, kLegendTop) + 8;
  const double bottom = rows_bottom(top, n);
  const Axis axis = linear_axis(0, 1, false);
  std::vector<std::string> labels;
  for (double t : axis.ticks) labels.push_back(fmt::format("{:.0f}%", t * 100));
  const Scale sx{0, 1, kPlotStart, kWidth - 24};
  value_axis(body, sx, axis, labels, top, bottom, "share of samples");
  if (n == 0) body += no_data(top);
  for (size_t i = 0; i < n; ++i) {
    const double yc = row_label(body, chart.options, i, top);
    double taken = 0;
    for (size_t r = 0; r <= shares(i).size(); ++r) {
      const bool rest = r == shares(i).size();  // after the ranks: the excluded samples
      const double v = rest ? unranked_share(shares(i)) : std::min(at(shares(i), r), 1 - taken);
      if (!(v > (rest ? 5e-4 : 0))) continue;
      const double x0 = sx.at(taken), x1 = sx.at(taken + v);
      const std::string what = rest ? "excluded" : fmt::format("rank {}", r + 1);
      body += fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}"{}>{}</rect>)",
                          rest ? "excluded" : "seg " + series_class(r), num(x0), num(yc - kBar / 2),
                          num(x1 - x0), num(kBar),
                          rest ? fmt::format(R"svg( fill="url(#{}-hatch)")svg", kId) : "",
                          tooltip(fmt::format("{}, {}: {:.1f}%", chart.options[i], what, v * 100)));
      if (x1 - x0 >= 30) {
        body += text((x0 + x1) / 2, yc + 4, rest ? "inside note" : "inside " + series_class(r),
                     "middle", fmt::format("{:.0f}%", v * 100));
      }
      taken += v;
    }
  }
  return finish("acceptability", chart.title, bottom + 48, body);
}

}  // namespace tradeoff::detail::svg
