// The decision record (after MADR), built as a document (report/document.hpp) from an evaluation
// and, for `tradeoff report`, its sensitivity analysis and the methods compared. The Markdown of
// `evaluate --format markdown` is the same record without those analyses.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "report/document.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/result.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff::detail {

/// What the record is built from: the evaluation, and what else there is.
struct RecordInput {
  const Result& r;
  const Sensitivity* sensitivity = nullptr;  ///< weight stability, break-even, Monte-Carlo
  const MethodComparison* methods = nullptr;
  std::string date;                    ///< the record's date, for the age of sources; "" when none
  bool charts = false;                 ///< add SVG charts (HTML)
  const Sweep* chart_sweep = nullptr;  ///< the scores against an input; none: not drawn
};

doc::Document decision_record(const RecordInput& in);
/// The record as one HTML page (html_report.cpp).
void render_html_record(const RecordInput& in, std::ostream& out);

// The sections, in the record's order (record_*.cpp).
void record_header(const RecordInput& in, doc::Document& d);
void record_context(const RecordInput& in, doc::Document& d);
void record_drivers(const RecordInput& in, doc::Document& d);
void record_options(const RecordInput& in, doc::Document& d);
void record_outcome(const RecordInput& in, doc::Document& d);
void record_consequences(const RecordInput& in, doc::Document& d);
void record_pros_cons(const RecordInput& in, doc::Document& d);
void record_rules(const RecordInput& in, doc::Document& d);
void record_robustness(const RecordInput& in, doc::Document& d);
void record_sources(const RecordInput& in, doc::Document& d);
void record_appendix(const RecordInput& in, doc::Document& d);

// Charts (record_charts.cpp): SVG, or "" when there is nothing to draw.
std::string contributions_chart(const Result& r);
std::string weights_chart(const Result& r);
std::string stability_chart(const Sensitivity& s);
std::string break_even_chart(const Sensitivity& s, const Sweep& sweep);
/// The input sweep worth drawing: the one along which the options' scores move most (the first
/// such in framework order); nullptr when no input is swept.
const Sweep* sweep_to_draw(const Sensitivity& s);
std::string acceptability_chart(const Sensitivity& s);

/// The HTML what-if panel: a slider per weight and the weighted sum of the normalised values,
/// recomputed in the browser (html_report.cpp); "" when no option is ranked.
std::string what_if_panel(const Result& r);

/// The option's name, or its id when it has none.
std::string option_name(const Result& r, const std::string& id);
/// The criterion's name with its unit: "Annual cost (USD/year)".
std::string criterion_label(const CriterionResult& c);
/// A number with its unit: "365,000 USD/year".
std::string with_unit(double value, const std::string& unit);
/// Days between two YYYY-MM-DD dates (to - from), or nothing when either is not such a date.
std::optional<long> days_between(const std::string& from, const std::string& to);

}  // namespace tradeoff::detail
