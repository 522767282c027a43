// Charts drawn as SVG for the HTML report, with no dependency beyond fmt. Each function returns
// one <svg> element to inline in an HTML5 page: 720 user units wide (viewBox), as tall as its
// rows need, width="100%" so that it scales. Colours come from the classes that chart_css()
// styles, never from the drawing, so that one stylesheet serves light, dark and print.
//
// Numbers: value labels have `digits` significant digits, trailing zeros dropped, thousands
// grouped ("0.712", "0.5", "365,000"). Tick labels take the decimals their step needs and a
// suffix from 1,000 up ("0.25", "500", "1.5k", "250k", "2M", "1B", "3T"). Non-finite figures
// count as missing: the bar or segment is left out, the line is broken; "nan" and "inf" are
// never written.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::detail::svg {

// Trailing members have default initialisers so that braced initialisers may stop before them
// (-Wmissing-field-initializers).

struct Series {
  std::string label;
  std::vector<double> values;
};

/// Horizontal stacked bars, one bar per category (e.g. option), one segment per series (e.g.
/// criterion): segments[s].values[c] is series s in category c. Negative segments stack leftwards
/// from 0. The total of each bar is written after its right end; the legend lists the series.
struct StackedBars {
  std::string title;
  std::string axis_label;
  std::vector<std::string> categories;
  std::vector<Series> segments;
  int digits = 3;
};
std::string stacked_bars(const StackedBars& chart);

/// Horizontal bars, one per category (e.g. criterion weights), the value at each bar's end;
/// the bar at `highlight` (and its label) also carries the class `highlight`.
struct Bars {
  std::string title;
  std::string axis_label;
  std::vector<std::string> categories;
  std::vector<double> values;
  int digits = 3;
  std::optional<size_t> highlight{};
};
std::string bars(const Bars& chart);

/// One row of a tornado: a bar from `low` to `high`, a tick at `current`, and the text under
/// each end. No `high` (or +inf) is an open end: an arrow to the end of the axis, labelled
/// "no limit" unless `high_label` says otherwise. A NaN low or high leaves the bar out.
struct TornadoRow {
  std::string label;
  double low = 0;
  std::optional<double> high{};
  double current = 0;
  std::string low_label{};
  std::string high_label{};
};
/// Rows in the order given, on a shared axis from axis_min to axis_max (ticks inside it; an
/// empty range is widened). Bars beyond the axis are clipped to it.
struct Tornado {
  std::string title;
  std::string axis_label;
  double axis_min = 0;
  double axis_max = 1;
  std::vector<TornadoRow> rows;
  int digits = 3;
};
std::string tornado(const Tornado& chart);

/// A vertical dashed line across a line chart, with its label above the plot.
struct Marker {
  double x = 0;
  std::string label;
};
/// Lines over shared x values, one per series (lines[s].values[i] is at x[i]). A NaN value (or
/// x) breaks the line; points alone between breaks are drawn as dots. `log_x` takes effect only
/// when every finite x is positive: decades, with 2 and 5 between them (labelled up to three
/// decades). Markers outside the x axis are left out.
struct Lines {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<double> x;
  std::vector<Series> lines;
  std::vector<Marker> markers{};
  bool log_x = false;
  int digits = 3;
};
std::string lines(const Lines& chart);

/// Rank acceptability: one 100% bar per option, shares[option][rank] (in [0, 1]) the share of
/// samples that put the option at that rank. What is left up to 100% (samples that excluded
/// the option) is a hatched segment, "excluded" in the legend.
struct Acceptability {
  std::string title;
  std::vector<std::string> options;
  std::vector<std::vector<double>> shares;
};
std::string acceptability(const Acceptability& chart);

/// The stylesheet for the classes the charts use, to include once in the page: a 12-colour
/// palette safe for colour-blind readers (series k is class s{k % 12}) as custom properties
/// --chart-s0 .. --chart-s11, --chart-bg, --chart-fg, --chart-muted, --chart-grid and
/// --chart-axis on :root, with dark-mode colours, and light ones for print.
std::string_view chart_css();

/// `text` escaped for element content and attribute values (& < > " '): the one HTML escape of
/// the records, charts and page alike. Control characters pass; the record's output guard
/// (tradeoff::render_report) shows them as visible escapes, as every other output does.
std::string escape(std::string_view text);

/// A figure to `digits` significant digits, trailing zeros dropped, thousands grouped:
/// "0.712", "0.5", "365,000"; "n/a" when not finite.
std::string value_label(double value, int digits);

// The pieces below are exposed for the tests.

/// Tick values at multiples of a 1, 2 or 5 x 10^k step inside [lo, hi], about five of them:
/// 0..0.37 gives 0, 0.1, 0.2, 0.3. An empty or non-finite range is widened first.
std::vector<double> nice_ticks(double lo, double hi);
/// The label of a tick on an axis whose ticks are `step` apart: 0.3 -> "0.3", 500 -> "500",
/// 2,500 -> "2.5k", 1,000,000 -> "1M" (a suffix from 1,000 up, while the step stays above a
/// hundredth of it: 1,000.5 on a 0.1 step reads "1,000.5").
std::string tick_label(double value, double step);
/// `text` cut to `max_chars` characters (UTF-8 code points, never inside one), the last one
/// an ellipsis "…", when it is longer.
std::string truncate(std::string_view text, size_t max_chars);

}  // namespace tradeoff::detail::svg
