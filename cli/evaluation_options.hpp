// The options every evaluating command shares (`evaluate`, `weights`, `sensitivity`, `report`):
// the file, the method and normalisation, `--set` answers and `--weight` overrides, the format
// and `-o`; and the Monte-Carlo sampler's, which `sensitivity` and `report` share.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tradeoff/evaluate.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff::cli {

struct EvaluationOptions {
  std::string file;
  std::string method;
  std::string normalization;
  std::string format = "text";
  std::string output;
  std::vector<std::string> set;
  std::vector<std::string> weights;
};

/// Adds the shared options to `sub`; `with_method`: --method and --normalization too, with
/// `all` among the methods when `with_all`. `formats` are the accepted --format values.
void add_evaluation_options(CLI::App* sub, EvaluationOptions& opt, bool with_method, bool with_all,
                            const std::vector<std::string>& formats);

/// The engine's options: the method (none for "all"), the normalisation, and `--set` and
/// `--weight` split at '='. Throws a usage Error for an assignment without '='.
tradeoff::EvaluateOptions engine_options(const EvaluationOptions& opt);

/// `--samples`, `--seed` and `--threads`.
struct SamplingOptions {
  size_t samples = 10000;
  uint64_t seed = 1;
  unsigned threads = 0;
};

void add_sampling_options(CLI::App* sub, SamplingOptions& opt);

/// The sampler's options, with a progress bar on stderr when stderr is a terminal and the run
/// is long (200,000 samples or more).
tradeoff::SmaaOptions smaa_options(const SamplingOptions& opt);

}  // namespace tradeoff::cli
