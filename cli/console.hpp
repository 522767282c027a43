// The standard streams: every byte for stdout and stderr goes through here, and every write is
// checked. A failed write to stderr is dropped (a diagnostic must never abort a run); a failed
// write to stdout is remembered, and finish_standard_output() turns it into exit code 1.
#pragma once

#include <cstdio>
#include <ostream>
#include <string_view>

namespace tradeoff::cli {

/// Occupies a closed descriptor 0, 1 or 2 with /dev/null opened read-only: no file opened later
/// takes its number (and receives the report or a diagnostic), and writes to it still fail.
void guard_standard_descriptors();

/// Buffered, checked standard output. Failures surface in finish_standard_output().
std::ostream& standard_output();

/// Writes `text` to `stream` (stdout or stderr). Stderr is written at once, after whatever
/// stdout still holds, so that the two stay in order on a terminal.
void write_to(std::FILE* stream, std::string_view text);

/// The errno of the first failed write to stdout, or 0.
int standard_output_error();

/// Flushes and closes stdout. Returns `code` when all of it was written; otherwise reports why
/// on stderr (quietly for a broken pipe: the reader has gone) and returns a failing code.
int finish_standard_output(int code);

}  // namespace tradeoff::cli
