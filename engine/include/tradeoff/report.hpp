// Rendering a Result: an aligned text table for terminals, JSON (the stable contract documented
// in the README), a Markdown decision record, and CSV for spreadsheets.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tradeoff/evaluate.hpp"
#include "tradeoff/result.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff {

enum class Format { Text, Json, Markdown, Csv };
std::optional<Format> parse_format(std::string_view name);
const std::vector<std::string>& format_names();

struct RenderOptions {
  Format format = Format::Text;
  bool color = false;    ///< ANSI colour in text output (the CLI enables it only on a TTY)
  bool details = false;  ///< text: the inputs, derived values, matrix and contributions too
};

void render(const Result& result, const RenderOptions& options, std::ostream& out);
std::string render(const Result& result, const RenderOptions& options);

/// A comparison of methods (`--method all`): ranks side by side, Kendall's tau, agreement.
void render(const MethodComparison& comparison, const RenderOptions& options, std::ostream& out);
std::string render(const MethodComparison& comparison, const RenderOptions& options);

/// The weights alone (`tradeoff weights`): criteria, shares, and the weighting's diagnostics.
void render_weights(const Result& result, const RenderOptions& options, std::ostream& out);
std::string render_weights(const Result& result, const RenderOptions& options);

/// `tradeoff sensitivity`: weight stability, break-even points, Monte-Carlo acceptability; CSV
/// holds the sweeps; Markdown is refused (the report command writes the decision record).
void render(const Sensitivity& sensitivity, const RenderOptions& options, std::ostream& out);

/// A decision record to file (`tradeoff report`): the evaluation with its robustness block,
/// the whole sensitivity analysis, and the same decision under every method.
struct DecisionReport {
  Sensitivity sensitivity;   ///< `sensitivity.result` is the evaluation
  MethodComparison methods;  ///< every method, for their agreement
  /// The input the record charts scores against (the one along which they move most), swept
  /// geometrically when its range spans two decades or more; none when no input is swept.
  std::optional<Sweep> chart_sweep;
  /// The record's date (YYYY-MM-DD): sources and figures older than a year before it are
  /// flagged. The assessment's date unless given; "" when neither is (ages are then not judged).
  std::string date;
};

/// Runs the evaluation, the sensitivity analysis (Monte-Carlo as `sensitivity` says) and every
/// method. Throws Error when the evaluation does.
DecisionReport build_report(const Framework& fw, const Assessment* assessment,
                            const EvaluateOptions& options, const SensitivityOptions& sensitivity,
                            const std::string& date = "");

enum class ReportFormat { Markdown, Html };
/// "markdown" or "md", "html" or "htm".
std::optional<ReportFormat> parse_report_format(std::string_view name);

/// The record as Markdown (after MADR, readable on a code-hosting site) or as one HTML page that
/// opens offline (inline CSS and SVG charts, a what-if panel, a print stylesheet).
void render_report(const DecisionReport& report, ReportFormat format, std::ostream& out);

}  // namespace tradeoff
