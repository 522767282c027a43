// Rendering `tradeoff batch`: CSV for spreadsheets, JSON for programs (see tradeoff/batch.hpp).
#include <ostream>

#include "report/diagnostic_json.hpp"
#include "report/json_writer.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"
#include "tradeoff/batch.hpp"

namespace tradeoff {

namespace {

/// The first error of a row that failed, on one line; "" for a row that ran.
std::string error_of(const BatchRow& row) {
  if (row.ok) return {};
  for (const auto& d : row.diagnostics) {
    if (d.severity == Severity::Error) return detail::diagnostic_line(d);
  }
  return "could not be evaluated";
}

std::string optional_number(const std::optional<double>& v) {
  return v ? detail::plain_number(*v) : std::string();
}

void render_csv(const std::vector<BatchRow>& rows, std::ostream& out) {
  out << "file,assessment,framework,winner,runner_up,margin,confidence,status,error\r\n";
  for (const auto& r : rows) {
    out << detail::csv_text(r.file) << ',' << detail::csv_text(r.assessment) << ','
        << detail::csv_text(r.framework) << ',' << detail::csv_text(r.winner) << ','
        << detail::csv_text(r.runner_up) << ',' << optional_number(r.margin) << ','
        << optional_number(r.confidence) << ',' << (r.ok ? "ok" : "error") << ','
        << detail::csv_text(error_of(r)) << "\r\n";
  }
}

void number_or_null(detail::JsonWriter& w, const char* key, const std::optional<double>& v) {
  if (v) {
    w.key(key).number(*v);
  } else {
    w.key(key).null();
  }
}

void render_json(const std::vector<BatchRow>& rows, std::ostream& out) {
  detail::JsonWriter w(out);
  w.begin_array();
  for (const auto& r : rows) {
    w.begin_object();
    w.key("file").string(r.file);
    w.key("assessment").text_or_null(r.assessment);
    w.key("framework").text_or_null(r.framework);
    w.key("winner").text_or_null(r.winner);
    w.key("runner_up").text_or_null(r.runner_up);
    number_or_null(w, "margin", r.margin);
    number_or_null(w, "confidence", r.confidence);
    w.key("status").string(r.ok ? "ok" : "error");
    w.key("error").text_or_null(error_of(r));
    w.key("diagnostics");
    detail::write_diagnostics(w, r.diagnostics);
    w.end_object();
  }
  w.end_array();
  w.finish();
}

}  // namespace

void render_batch(const std::vector<BatchRow>& rows, Format format, std::ostream& out) {
  if (format == Format::Csv) return render_csv(rows, out);
  if (format == Format::Json) return render_json(rows, out);
  usage_error("tradeoff batch writes csv or json");
}

}  // namespace tradeoff
