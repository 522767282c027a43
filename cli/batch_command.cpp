// `tradeoff batch`: a portfolio of assessments, one row each (winner, runner-up, margin,
// confidence, or the error), as CSV or JSON. Frameworks are loaded once; files run in parallel;
// the rows keep the order given.
#include <memory>
#include <set>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "output.hpp"
#include "tradeoff/batch.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::cli {

namespace {

struct BatchOptions {
  std::vector<std::string> files;
  std::string format = "csv";
  std::string output;
  unsigned jobs = 0;
  size_t samples = 0;
  uint64_t seed = 1;
};

/// A progress bar on stderr, redrawn in place when it moves, when stderr is a terminal.
std::function<void(size_t, size_t)> progress_bar() {
  if (isatty(STDERR_FILENO) == 0) return {};
  auto shown = std::make_shared<size_t>(static_cast<size_t>(-1));
  return [shown](size_t done, size_t total) {
    if (done == *shown) return;
    *shown = done;
    const size_t width = 30;
    const size_t filled = total == 0 ? width : done * width / total;
    write_to(stderr,
             fmt::format("\rBatch [{}{}] {}/{}{}", std::string(filled, '#'),
                         std::string(width - filled, ' '), done, total, done >= total ? "\n" : ""));
  };
}

/// Every row's diagnostics in input order; a problem shared by many rows (a framework that does
/// not load) is printed once.
void print_row_diagnostics(const std::vector<BatchRow>& rows) {
  std::set<std::string> printed;
  for (const auto& row : rows) {
    std::vector<Diagnostic> fresh;
    for (const auto& d : row.diagnostics) {
      const std::string key =
          fmt::format("{}\n{}\n{}", format_location(d.where), d.message, to_string(d.code));
      if (printed.insert(key).second) fresh.push_back(d);
    }
    if (!fresh.empty()) print_diagnostics(stderr, fresh);
  }
}

int run_batch_command(const BatchOptions& opt) {
  tradeoff::BatchOptions options;
  options.jobs = opt.jobs;
  options.samples = opt.samples;
  options.seed = opt.seed;
  options.progress = progress_bar();
  const auto inputs = batch_inputs(source_reader(), opt.files);
  const auto rows = run_batch(
      inputs, [] { return std::make_unique<FileReader>(); }, options);
  print_row_diagnostics(rows);
  std::vector<std::string> read;
  bool failed = false;
  for (const auto& row : rows) {
    read.insert(read.end(), row.files.begin(), row.files.end());
    failed |= !row.ok;
  }
  const Format format = *parse_format(opt.format);
  write_output(
      opt.output, [&](std::ostream& out) { render_batch(rows, format, out); }, read);
  return failed ? kExitInputError : kExitOk;
}

}  // namespace

void add_batch_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<BatchOptions>();
  CLI::App* sub = app.add_subcommand(
      "batch", "Evaluate a portfolio of assessments: one row each, as CSV or JSON");
  sub->add_option("files", opt->files,
                  "Assessment files, built-in example ids, or folders (their *.yaml files)")
      ->required();
  sub->add_option("-f,--format", opt->format, "Output format")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  sub->add_option("-o,--output", opt->output,
                  "Write to this file (replaced atomically; a FIFO or device is written through)");
  sub->add_option("-j,--jobs", opt->jobs, "Files evaluated at once (0: one per core)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1024u));
  sub->add_option("--samples", opt->samples,
                  "Monte-Carlo samples per file for the confidence column (0: no confidence)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{0}, size_t{100000000}));
  sub->add_option("--seed", opt->seed, "Seed of the Monte-Carlo sampler")->capture_default_str();
  sub->callback([opt, &selected] { selected = [opt] { return run_batch_command(*opt); }; });
}

}  // namespace tradeoff::cli
