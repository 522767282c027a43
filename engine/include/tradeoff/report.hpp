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

}  // namespace tradeoff
