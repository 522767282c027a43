// Diagnostics beside results (see diagnostic_json.hpp).
#include "report/diagnostic_json.hpp"

#include <fmt/format.h>

#include "support/printable.hpp"

namespace tradeoff::detail {

void write_diagnostic(JsonWriter& w, const Diagnostic& d) {
  w.begin_object();
  w.key("severity").string(to_string(d.severity));
  w.key("file").text_or_null(d.where.file);
  if (d.where.line > 0) {
    w.key("line").integer(d.where.line);
  } else {
    w.key("line").null();
  }
  if (d.where.column > 0) {
    w.key("column").integer(d.where.column);
  } else {
    w.key("column").null();
  }
  w.key("code").string(to_string(d.code));
  w.key("message").string(d.message);
  w.key("hint").text_or_null(d.hint);
  w.end_object();
}

void write_diagnostics(JsonWriter& w, const std::vector<Diagnostic>& diagnostics) {
  w.begin_array();
  for (const auto& d : diagnostics) write_diagnostic(w, d);
  w.end_array();
}

std::string diagnostic_line(const Diagnostic& d) {
  const std::string where = format_location(d.where);
  return one_line(
      fmt::format("{}{}{} [{}]", where, where.empty() ? "" : ": ", d.message, to_string(d.code)));
}

}  // namespace tradeoff::detail
