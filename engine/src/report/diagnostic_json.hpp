// A diagnostic as a JSON object, for the outputs that carry problems beside results (`check`,
// `batch`): {severity, file, line, column, code, message, hint}.
#pragma once

#include <vector>

#include "report/json_writer.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::detail {

/// One diagnostic; `line` and `column` are null when unknown, `hint` null when there is none.
void write_diagnostic(JsonWriter& w, const Diagnostic& d);
/// `diagnostics` as an array of those objects.
void write_diagnostics(JsonWriter& w, const std::vector<Diagnostic>& diagnostics);

/// "file:line:col: message [code]" on one line, every unsafe character escaped: how a list of
/// results (a CSV cell, a line of `check`) quotes the problem that stopped a file.
std::string diagnostic_line(const Diagnostic& d);

}  // namespace tradeoff::detail
