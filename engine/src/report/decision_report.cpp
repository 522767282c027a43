// `tradeoff report`: the analyses a filed record needs, and the record in Markdown or HTML.
#include <ostream>

#include "report/record.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/report.hpp"

namespace tradeoff {

namespace {

/// The sweep the record's line chart draws: the input along which the scores move most, swept
/// again geometrically when its range spans two decades or more (request volume from 0 to 10M
/// puts a break-even at 2,500 where the eye can see it), else as the analysis swept it.
std::optional<Sweep> chart_sweep(const Framework& fw, const Assessment* assessment,
                                 const EvaluateOptions& options, const Sensitivity& s) {
  const Sweep* linear = detail::sweep_to_draw(s);
  if (linear == nullptr || linear->at.size() < 2) return std::nullopt;
  const double low = linear->at.front();
  const double high = linear->at.back();
  if (!(high > 0) || (low > 0 && high / low < 100)) return *linear;
  Evaluator ev(fw, assessment, options);
  for (size_t k = 0; k < ev.input_count(); ++k) {
    if (ev.input_definition(k).name == linear->id) return sweep_input_log(ev, k, 41);
  }
  return *linear;
}

}  // namespace

DecisionReport build_report(const Framework& fw, const Assessment* assessment,
                            const EvaluateOptions& options, const SensitivityOptions& sensitivity,
                            const std::string& date) {
  DecisionReport out;
  out.sensitivity = analyze_sensitivity(fw, assessment, options, sensitivity);
  add_robustness(out.sensitivity, fw, assessment);
  if (out.sensitivity.result.ranking.empty()) {
    // The analyses evaluate through an Evaluator; evaluate() also searches for the smallest
    // change of one input that would admit an option again, which the record then names.
    const Result full = evaluate(fw, assessment, options);
    out.sensitivity.result.relaxations = full.relaxations;
    out.sensitivity.result.explanation.summary = full.explanation.summary;
  }
  out.methods = compare_methods(fw, assessment, options);
  out.chart_sweep = chart_sweep(fw, assessment, options, out.sensitivity);
  out.date = !date.empty() ? date : out.sensitivity.result.assessment_date;
  return out;
}

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "markdown" || name == "md") return ReportFormat::Markdown;
  if (name == "html" || name == "htm") return ReportFormat::Html;
  return std::nullopt;
}

namespace detail {

void render_record(const DecisionReport& report, ReportFormat format, std::ostream& out) {
  detail::RecordInput in{report.sensitivity.result,
                         &report.sensitivity,
                         &report.methods,
                         report.date,
                         format == ReportFormat::Html,
                         report.chart_sweep ? &*report.chart_sweep : nullptr};
  if (format == ReportFormat::Html) {
    detail::render_html_record(in, out);
  } else {
    detail::doc::write_markdown(detail::decision_record(in), out);
  }
}

void render_markdown(const Result& r, std::ostream& out) {
  doc::write_markdown(decision_record({r, nullptr, nullptr, r.assessment_date, false}), out);
}

}  // namespace detail

}  // namespace tradeoff
