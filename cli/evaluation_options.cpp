// The options every evaluating command shares: see evaluation_options.hpp.
#include "evaluation_options.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

#include "console.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/report.hpp"

namespace tradeoff::cli {

namespace {

/// "name=value" as a pair; a usage error names the flag when there is no '=' or no name.
std::pair<std::string, std::string> assignment(const std::string& flag, const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    fail(ErrorCode::Usage, {"tradeoff", 0, 0},
         fmt::format("{} expects {}, got '{}'", flag,
                     flag == "--set" ? "name=value" : "criterion=weight", text));
  }
  return {text.substr(0, eq), text.substr(eq + 1)};
}

}  // namespace

void add_evaluation_options(CLI::App* sub, EvaluationOptions& opt, bool with_method, bool with_all,
                            const std::vector<std::string>& formats) {
  sub->add_option("file", opt.file,
                  "Framework or assessment YAML, or the id of a built-in framework or example")
      ->required();
  if (with_method) {
    std::vector<std::string> methods = method_names();
    if (with_all) methods.push_back("all");
    sub->add_option("-m,--method", opt.method,
                    with_all ? "Aggregation method, or 'all' to compare them (default: the file's, "
                               "else wsm)"
                             : "Aggregation method (default: the file's, else wsm)")
        ->check(CLI::IsMember(methods));
    sub->add_option("-n,--normalization", opt.normalization,
                    "Normalisation for every criterion (default: the method's)")
        ->check(CLI::IsMember(normalization_names()));
  }
  sub->add_option("-s,--set", opt.set, "Answer an input: name=value (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  sub->add_option("-w,--weight", opt.weights,
                  "Set a criterion's direct weight: id=value (repeatable)")
      ->type_name("ID=VALUE")
      ->allow_extra_args(false);
  sub->add_option("-f,--format", opt.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  sub->add_option("-o,--output", opt.output,
                  "Write to this file (replaced atomically; a FIFO or device is written through)");
}

tradeoff::EvaluateOptions engine_options(const EvaluationOptions& opt) {
  tradeoff::EvaluateOptions eval;
  if (!opt.method.empty() && opt.method != "all") eval.method = parse_method(opt.method);
  eval.normalization = parse_normalization(opt.normalization);
  for (const auto& text : opt.set) eval.set.push_back(assignment("--set", text));
  for (const auto& text : opt.weights) eval.weights.push_back(assignment("--weight", text));
  return eval;
}

void add_sampling_options(CLI::App* sub, SamplingOptions& opt) {
  sub->add_option("--samples", opt.samples, "Monte-Carlo samples (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{0}, size_t{100000000}));
  sub->add_option("--seed", opt.seed, "Seed of the Monte-Carlo sampler")->capture_default_str();
  sub->add_option("--threads", opt.threads,
                  "Threads (0: every core); the numbers do not depend on it")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1024u));
}

namespace {

/// Below this many samples a run is short: no progress bar.
constexpr size_t kProgressFrom = 200000;

/// A progress bar on stderr, redrawn in place, when stderr is a terminal and the run is long.
std::function<void(double)> progress_bar(size_t samples) {
  if (samples < kProgressFrom || isatty(STDERR_FILENO) == 0) return {};
  return [](double done) {
    const size_t width = 30;
    const size_t filled = std::min(width, static_cast<size_t>(done * static_cast<double>(width)));
    write_to(stderr,
             fmt::format("\rMonte-Carlo [{}{}] {:3.0f}%{}", std::string(filled, '#'),
                         std::string(width - filled, ' '), done * 100, done >= 1 ? "\n" : ""));
  };
}

}  // namespace

tradeoff::SmaaOptions smaa_options(const SamplingOptions& opt) {
  tradeoff::SmaaOptions s;
  s.samples = opt.samples;
  s.seed = opt.seed;
  s.threads = opt.threads;
  s.progress = progress_bar(opt.samples);
  return s;
}

}  // namespace tradeoff::cli
