// Score tables (`scores_from: scores.csv` or `.tsv`): option scores read from a spreadsheet, as
// one dense matrix. The file streams through a fixed buffer, whatever its size; numbers are read
// with a real number parser; every problem is reported at its row (line) and column.
//
// The format (RFC 4180: quoted cells, "" inside quotes, CRLF or LF, a UTF-8 byte order mark):
//   - the first row is the header: a column headed `option` holds the option ids (without one,
//     the first column does); every other column is a criterion of the framework, by id;
//     `name` and `description` columns name new options; the columns `--format csv` writes
//     besides the scores (`rank`, `score`, `vetoed_by`, `ID.contribution`) are skipped, so
//     that a result reads back in;
//   - each further row is an option: its id, then its scores as plain numbers; an empty cell
//     gives no score (in an assessment's table: leaves the framework's); blank lines are skipped.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "load/fields.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// How many problems a table reports before it stops reading.
inline constexpr size_t kMaxTableErrors = 20;
/// A table holds at most this many cells (800 MB of scores) and this many columns.
inline constexpr size_t kMaxTableCells = size_t{100} << 20;
inline constexpr size_t kMaxTableColumns = 100000;
/// A row longer than this is refused (it is not a table of scores).
inline constexpr size_t kMaxRowBytes = size_t{1} << 20;

/// What a table is read against.
struct TableSpec {
  std::string file;  ///< the path, as messages name it
  const Framework* framework = nullptr;
  bool assessment = false;  ///< rows must be the framework's options; empty cells leave scores
  size_t size_hint = 0;     ///< the file's size, when known: the matrix is reserved from it
  /// A table whose size_hint is at least this is split into records on a second thread while
  /// this one parses them (load/csv_pipeline.hpp); the outcome is the same either way.
  size_t second_thread_from = size_t{8} << 20;
};

/// Feeds the table's bytes to `sink` in pieces, in order (a file as it streams).
using ByteSource = std::function<void(const std::function<void(std::string_view)>& sink)>;

/// The table's columns for names and descriptions of new options, when it has them; kept
/// apart from ScoreTable, which holds only what evaluation reads.
struct TableText {
  std::vector<std::string> names;         ///< per row; empty without a `name` column
  std::vector<std::string> descriptions;  ///< per row; empty without a `description` column
};

/// Reads a table: every problem goes to `diagnostics` (at most kMaxTableErrors, then one
/// saying it stopped). `sha256`, when given, receives the digest of the bytes read; `text`,
/// when given, the name and description columns.
ScoreTable read_score_table(const TableSpec& spec, const ByteSource& bytes,
                            DiagnosticSink& diagnostics, std::string* sha256 = nullptr,
                            TableText* text = nullptr);

/// The table a `scores_from:` value names, not read yet: its path (relative to the file that
/// names it) and where it is named. Null, after reporting why, for a value that is not the
/// path of a .csv or .tsv file.
std::shared_ptr<ScoreTable> table_reference(Context& ctx, const yaml::Node& node);

/// Reads the table `fw.table` names and attaches it: its rows the framework does not list
/// become options (named by the `name` column, else by their id); every option must then have
/// a score on every criterion. Problems go to `sink`; returns the table file's digest.
FileDigest attach_framework_table(SourceReader& reader, Framework& fw, DiagnosticSink& sink);
/// Reads the table `a.table` names, against the framework: its rows are options of the
/// framework, its cells override their scores.
FileDigest attach_assessment_table(SourceReader& reader, const Framework& fw, Assessment& a,
                                   DiagnosticSink& sink);

}  // namespace tradeoff::loader
