// `tradeoff batch` (tradeoff/batch.hpp): a portfolio of assessments over a pool of threads.
// Each worker takes the next file, loads it through its own reader with the framework from the
// shared cache, and fills the file's row; rows are kept in input order, so the output does not
// depend on which thread took which file.
#include "tradeoff/batch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "load/source_reader.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff {

std::vector<BatchInput> batch_inputs(SourceReader& reader, const std::vector<std::string>& args) {
  std::vector<BatchInput> inputs;
  for (const auto& arg : args) {
    if (!reader.is_directory(arg)) {
      inputs.push_back({arg, false});
      continue;
    }
    for (const auto& name : reader.list(arg)) inputs.push_back({loader::join(arg, name), true});
  }
  return inputs;
}

namespace {

/// One file's row, and the framework it used (whose warnings go with the first such row).
struct Work {
  BatchRow row;
  std::shared_ptr<const Loaded> framework;
  bool skipped = false;  ///< found in a folder, and not an assessment
};

/// Whether an evaluation of `fw` may warn: only effects of rules that set the same score or
/// weight differently (two `set` effects at least), and PROMETHEE II's Gaussian preference over
/// many options, do. Other rows need no trace.
bool may_warn(const Framework& fw, const Evaluator& ev) {
  if (ev.method() == Method::Promethee2) return true;
  size_t sets = 0;
  for (const auto& rule : fw.rules) {
    for (const auto& e : rule.effects) {
      sets += e.kind == Effect::Kind::ScoreSet || e.kind == Effect::Kind::WeightSet ? 1 : 0;
    }
  }
  return sets > 1;
}

/// The winner, the runner-up and the margin as the explanation gives them (JSON
/// `explanation.margin`), and the confidence when samples are asked for. Read off the
/// evaluator's untraced run: the traced result (a tenth of a millisecond more per file) is built
/// only for its warnings, and evaluate()'s search for the input changes that would admit an
/// option when none is eligible (a hundred evaluations) not at all: a row shows neither.
void evaluate_row(const Framework& fw, const Assessment& a, const BatchOptions& options,
                  BatchRow& row) {
  Evaluator ev(fw, &a, options.evaluate);
  ev.run();
  if (may_warn(fw, ev)) {
    const auto warnings = ev.result().warnings;
    row.diagnostics.insert(row.diagnostics.end(), warnings.begin(), warnings.end());
  }
  const auto& order = ev.order();
  if (!order.empty()) row.winner = ev.option_id(order[0]);
  if (order.size() > 1) {
    row.runner_up = ev.option_id(order[1]);
    row.tie = ev.rank(order[1]) == ev.rank(order[0]);
    row.margin = row.tie ? 0.0 : std::fabs(ev.score(order[0]) - ev.score(order[1]));
  }
  if (options.samples > 0 && !row.winner.empty()) {
    SmaaOptions s;
    s.samples = options.samples;
    s.seed = options.seed;
    s.threads = 1;  // the files are already spread over the threads
    row.confidence = smaa(fw, &a, options.evaluate, s).confidence;
  }
}

/// True when `path` is a framework or a criterion file (not an assessment): a folder's own
/// framework sits beside the assessments that use it.
bool other_kind(SourceReader& reader, const std::string& path) {
  try {
    return detect_kind(reader, path) != FileKind::Assessment;
  } catch (const Error&) {
    return false;
  }
}

Work run_one(const BatchInput& input, SourceReader& reader, FrameworkCache& cache,
             const BatchOptions& options) {
  Work work;
  BatchRow& row = work.row;
  row.file = input.path;
  try {
    const std::string path = resolve_path(reader, input.path);
    row.file = path;
    SharedAssessment loaded = load_assessment(reader, path, cache);
    work.framework = loaded.framework;
    const Framework& fw = loaded.framework->framework;
    row.assessment = loaded.assessment.id;
    row.framework = fw.id;
    for (const auto& f : fw.files) row.files.push_back(f.path);
    row.files.push_back(path);
    row.diagnostics = std::move(loaded.warnings);
    evaluate_row(fw, loaded.assessment, options, row);
    row.ok = true;
  } catch (const Error& e) {
    if (input.listed && other_kind(reader, row.file)) work.skipped = true;
    row.ok = false;
    row.diagnostics = e.diagnostics();
  }
  std::vector<std::string> read;
  for (auto& f : row.files) {
    if (!loader::is_builtin(f)) read.push_back(std::move(f));
  }
  row.files = std::move(read);
  return work;
}

/// The rows in input order, each framework's warnings with the first row that uses it.
std::vector<BatchRow> rows_of(std::vector<Work>& work) {
  std::vector<BatchRow> rows;
  rows.reserve(work.size());
  std::set<const Loaded*> seen;
  for (auto& w : work) {
    if (w.skipped) continue;
    if (w.framework && seen.insert(w.framework.get()).second) {
      const auto& own = w.framework->warnings;
      w.row.diagnostics.insert(w.row.diagnostics.begin(), own.begin(), own.end());
    }
    rows.push_back(std::move(w.row));
  }
  return rows;
}

/// Waits for the workers, calling `progress` now and then and once at the end.
void report_progress(const BatchOptions& options, const std::atomic<size_t>& done,
                     const std::atomic<bool>& stop, size_t total, std::mutex& mutex,
                     std::condition_variable& changed) {
  std::unique_lock<std::mutex> lock(mutex);
  while (done.load() < total && !stop) {
    changed.wait_for(lock, std::chrono::milliseconds(100));
    lock.unlock();
    options.progress(std::min(done.load(), total), total);
    lock.lock();
  }
}

}  // namespace

std::vector<BatchRow> run_batch(const std::vector<BatchInput>& inputs,
                                const ReaderFactory& make_reader, const BatchOptions& options) {
  std::vector<Work> work(inputs.size());
  FrameworkCache cache;
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;  // a bug, not bad input: rethrown once every thread has ended
  std::mutex mutex;
  std::condition_variable changed;
  const auto worker = [&] {
    for (size_t k = next++; k < inputs.size() && !stop; k = next++) {
      try {
        const std::unique_ptr<SourceReader> reader = make_reader();
        work[k] = run_one(inputs[k], *reader, cache, options);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      // The progress is polled; only the last file, or a failure, wakes the caller early.
      if (++done == inputs.size() || stop) changed.notify_one();
    }
  };
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const size_t jobs = std::min<size_t>(options.jobs > 0 ? options.jobs : hardware,
                                       std::max<size_t>(1, inputs.size()));
  std::vector<std::thread> threads;
  for (size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
  if (options.progress) {
    threads.emplace_back(worker);
    report_progress(options, done, stop, inputs.size(), mutex, changed);
  } else {
    worker();  // the caller's thread is one of the workers
  }
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return rows_of(work);
}

}  // namespace tradeoff
