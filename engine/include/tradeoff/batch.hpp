// A portfolio of assessments evaluated at once (`tradeoff batch`): each framework loaded once and
// shared, the assessments spread over threads, one row per assessment in the order given (the
// same rows, byte for byte, whatever the number of threads).
//
//   tradeoff::FileReader reader;
//   const auto inputs = tradeoff::batch_inputs(reader, {"decisions/"});
//   const auto rows = tradeoff::run_batch(inputs, [] { return std::make_unique<FileReader>(); },
//   {}); tradeoff::render_batch(rows, tradeoff::Format::Csv, std::cout);
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"

namespace tradeoff {

/// One file to evaluate.
struct BatchInput {
  std::string path;     ///< a path, or the id of a built-in example
  bool listed = false;  ///< found in a folder: skipped when it is not an assessment
};

/// The assessments `args` name: a file or a built-in example's id as it is; a folder, the
/// `.yaml` files directly in it (not in its subfolders), sorted by name. Names that exist as
/// neither are kept, to be reported in their row.
std::vector<BatchInput> batch_inputs(SourceReader& reader, const std::vector<std::string>& args);

struct BatchOptions {
  EvaluateOptions evaluate;
  unsigned jobs = 0;  ///< threads; 0: one per hardware thread
  /// Monte-Carlo samples per assessment for the confidence column (SMAA, as `sensitivity`);
  /// 0: no confidence (the column stays empty).
  size_t samples = 0;
  uint64_t seed = 1;
  /// Called from the caller's thread now and then with the number of files done (of the total),
  /// ending with all of them.
  std::function<void(size_t done, size_t total)> progress;
};

/// One assessment's row.
struct BatchRow {
  std::string file;
  std::string assessment;  ///< "" when the file could not be read as one
  std::string framework;
  std::string winner;                ///< "" when every option is excluded
  std::string runner_up;             ///< "" when fewer than two options are ranked
  bool tie = false;                  ///< winner and runner-up share rank 1 (the margin is then 0)
  std::optional<double> margin;      ///< as JSON `explanation.margin`; none without a runner-up
  std::optional<double> confidence;  ///< the winner's first-rank acceptability, when sampled
  bool ok = false;                   ///< false: `diagnostics` holds why
  /// The errors that stopped it, or its warnings; a framework's own warnings come with the
  /// first row (in input order) that uses the framework.
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files;  ///< the files read for it: the assessment, its framework
                                   ///< and the catalog criteria that uses (not the built-ins)
};

/// Creates a reader for one file's loading (each thread reads through its own).
using ReaderFactory = std::function<std::unique_ptr<SourceReader>()>;

/// Evaluates every input over `options.jobs` threads, each framework loaded once. A file that
/// cannot be loaded or evaluated gets a row that says why; the others still run. A file found in
/// a folder that is a framework or a criterion gets no row.
std::vector<BatchRow> run_batch(const std::vector<BatchInput>& inputs,
                                const ReaderFactory& make_reader, const BatchOptions& options);

/// CSV (RFC 4180, CRLF line ends; columns file, assessment, framework, winner, runner_up,
/// margin, confidence, status, error) or JSON (an array of objects with those fields and every
/// diagnostic). Other formats are refused.
void render_batch(const std::vector<BatchRow>& rows, Format format, std::ostream& out);

}  // namespace tradeoff
