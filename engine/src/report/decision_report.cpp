// `tradeoff report`: the analyses a filed record needs, and the record in Markdown or HTML.
#include <ostream>

#include "report/record.hpp"
#include "tradeoff/report.hpp"

namespace tradeoff {

DecisionReport build_report(const Framework& fw, const Assessment* assessment,
                            const EvaluateOptions& options, const SensitivityOptions& sensitivity,
                            const std::string& date) {
  DecisionReport out;
  out.sensitivity = analyze_sensitivity(fw, assessment, options, sensitivity);
  add_robustness(out.sensitivity, fw, assessment);
  out.methods = compare_methods(fw, assessment, options);
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
  detail::RecordInput in{report.sensitivity.result, &report.sensitivity, &report.methods,
                         report.date, format == ReportFormat::Html};
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
