// Prints diagnostics compiler-style: "file:line:col: error: message [code]", the source line,
// a caret under the problem, and a hint. Colour only on a TTY and never with NO_COLOR.
#pragma once

#include <cstdio>
#include <vector>

#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::cli {

/// The reader that loaded the files; excerpts are taken from it. Set once by each command.
SourceReader& source_reader();

/// True when `stream` is a terminal and NO_COLOR is not set.
bool use_color(std::FILE* stream);

void print_diagnostics(std::FILE* stream, std::vector<Diagnostic> diagnostics);

}  // namespace tradeoff::cli
