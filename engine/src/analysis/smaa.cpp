// Monte-Carlo acceptability analysis (SMAA-2): smaa() of tradeoff/sensitivity.hpp. Each sample
// draws the weights, scores and inputs the files declare uncertain (analysis/uncertainty.hpp),
// ranks the options, and counts each option's rank and, where it ranks first, the weights.
// Samples are cut into blocks with a stream of their own and added up in block order (see
// analysis/smaa.hpp), so that the same seed gives the same numbers on any number of threads.
#include "analysis/smaa.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "analysis/uncertainty.hpp"
#include "rank/rank.hpp"
#include "tradeoff/sensitivity.hpp"

namespace tradeoff {

namespace detail {

void SmaaTally::add(const SmaaTally& other) {
  for (size_t k = 0; k < ranks.size(); ++k) ranks[k] += other.ranks[k];
  for (size_t k = 0; k < central.size(); ++k) central[k] += other.central[k];
  failed += other.failed;
}

namespace {

/// The blocks done so far, added up in block order however they finish.
class OrderedSum {
 public:
  OrderedSum(size_t options, size_t criteria) : total_(options, criteria) {}

  void put(size_t block, SmaaTally tally) {
    const std::lock_guard<std::mutex> lock(mutex_);
    pending_.emplace(block, std::move(tally));
    while (!pending_.empty() && pending_.begin()->first == next_) {
      total_.add(pending_.begin()->second);
      pending_.erase(pending_.begin());
      ++next_;
    }
  }
  SmaaTally take() { return std::move(total_); }

 private:
  std::mutex mutex_;
  std::map<size_t, SmaaTally> pending_;
  size_t next_ = 0;
  SmaaTally total_;
};

}  // namespace

size_t block_count(size_t samples) {
  return samples / kSmaaBlock + (samples % kSmaaBlock != 0 ? 1 : 0);  // no overflow near 2^64
}

SmaaTally run_smaa_blocks(size_t samples, uint64_t seed,
                          std::vector<std::unique_ptr<SmaaWorker>>& workers, size_t options,
                          size_t criteria, const std::function<void(double)>& progress) {
  const size_t blocks = block_count(samples);
  OrderedSum sum(options, criteria);
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex error_mutex;
  std::exception_ptr error;
  double reported = 0;
  const auto work = [&](size_t w) {
    try {
      for (size_t b = next++; b < blocks; b = next++) {
        SmaaTally tally(options, criteria);
        Random rng(seed, b);
        workers[w]->run(rng, std::min(kSmaaBlock, samples - b * kSmaaBlock), tally);
        sum.put(b, std::move(tally));
        const double share = static_cast<double>(++done) / static_cast<double>(blocks);
        // Only the caller's thread reports, and only every percent or so.
        if (w == 0 && progress && (share - reported >= 0.01 || share == 1)) {
          reported = share;
          progress(share);
        }
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      next = blocks;  // the others stop after their current block
    }
  };
  std::vector<std::thread> threads;
  const size_t count = std::max<size_t>(1, std::min(workers.size(), blocks));
  threads.reserve(count - 1);
  for (size_t w = 1; w < count; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  if (progress && reported < 1) progress(1.0);
  return sum.take();
}

namespace {

/// The weighted sum with only the weights uncertain: the signed normalised matrix of the
/// eligible options does not change, so a sample is a matrix-vector product and a ranking.
struct WsmKernel {
  const WeightModel* weights = nullptr;
  size_t criteria = 0;
  std::vector<size_t> rows;     ///< eligible options
  std::vector<double> matrix;   ///< criteria x rows: a column of the problem per criterion
  std::vector<uint32_t> by_id;  ///< each row's position among the rows' ids, for ties
};

/// rank_into() for the few options of one sample: the same order and the same ranks (best
/// first; scores within kTieTolerance of the group's first share its rank, ordered by id), in
/// a fraction of the time on ten options, which matters a million times over. Each option's
/// place is the number of higher scores, counted without a branch to mispredict; equal scores
/// would collide, and are left to rank_into().
void rank_few(const double* __restrict score, const uint32_t* by_id, size_t k,
              double* __restrict places, size_t* order, int* rank) {
  std::fill(places, places + k, 0.0);
  for (size_t s = 0; s < k; ++s) {
    const double theirs = score[s];
    // Over every option at once: a comparison and an addition that vectorise (counted in
    // doubles, which SSE2 adds as they are compared).
    for (size_t r = 0; r < k; ++r) places[r] += theirs > score[r] ? 1.0 : 0.0;
  }
  std::fill(order, order + k, k);
  bool collided = false;
  for (size_t r = 0; r < k; ++r) {
    const auto place = static_cast<size_t>(places[r]);
    collided |= order[place] != k;
    order[place] = r;
  }
  if (collided) {
    rank_into(score, by_id, k, true, order, rank);
    return;
  }
  size_t start = 0;
  for (size_t g = 1; g <= k; ++g) {
    // same_score(), inline: it is asked once per option and sample.
    if (g < k) {
      const double a = score[order[start]];
      const double b = score[order[g]];
      if (std::fabs(a - b) <= kTieTolerance * std::max(std::fabs(a), std::fabs(b)) + kTieFloor) {
        continue;
      }
    }
    for (size_t x = start + 1; x < g; ++x) {  // a tie within the tolerance: by id (rare)
      const size_t v = order[x];
      size_t y = x;
      for (; y > start && by_id[v] < by_id[order[y - 1]]; --y) order[y] = order[y - 1];
      order[y] = v;
    }
    for (size_t x = start; x < g; ++x) rank[order[x]] = static_cast<int>(start) + 1;
    start = g;
  }
}

class WsmWorker : public SmaaWorker {
 public:
  explicit WsmWorker(const WsmKernel& k)
      : k_(k),
        weights_(k.criteria),
        score_(k.rows.size()),
        places_(k.rows.size()),
        order_(k.rows.size()),
        rank_(k.rows.size()) {}

  void run(Random& rng, size_t count, SmaaTally& tally) override {
    const size_t m = k_.criteria;
    const size_t rows = k_.rows.size();
    for (size_t s = 0; s < count; ++s) {
      if (!k_.weights->draw_shares(rng, weights_.data())) {
        ++tally.failed;  // as the evaluator refuses weights that are all zero
        continue;
      }
      // Column by column: independent sums over the options, which vectorise.
      std::fill(score_.begin(), score_.end(), 0.0);
      for (size_t j = 0; j < m; ++j) {
        const double* column = k_.matrix.data() + j * rows;
        const double w = weights_[j];
        for (size_t r = 0; r < rows; ++r) score_[r] += column[r] * w;
      }
      rank_few(score_.data(), k_.by_id.data(), rows, places_.data(), order_.data(), rank_.data());
      for (size_t r = 0; r < rows; ++r) tally.count(k_.rows[r], rank_[r], weights_.data());
    }
  }

 private:
  const WsmKernel& k_;
  std::vector<double> weights_;
  std::vector<double> score_;
  std::vector<double> places_;
  std::vector<size_t> order_;
  std::vector<int> rank_;
};

/// Anything else: every sample through an Evaluator of its own (derived values, rules,
/// normalisation, the method and the ranking).
class EvaluatorWorker : public SmaaWorker {
 public:
  EvaluatorWorker(Evaluator ev, const SamplingPlan& plan)
      : ev_(std::move(ev)),
        plan_(plan),
        weights_(ev_.criterion_count()),
        used_(ev_.criterion_count()),
        inputs_(plan.inputs.size()) {}

  void run(Random& rng, size_t count, SmaaTally& tally) override {
    for (size_t s = 0; s < count; ++s) {
      // Every value is drawn before anything can fail, so that a failure never shifts the
      // stream of the samples after it.
      if (plan_.weights.varies()) {
        plan_.weights.draw(rng, weights_.data());
        for (size_t j = 0; j < weights_.size(); ++j) ev_.set_weight(j, weights_[j]);
      }
      for (const auto& u : plan_.scores) ev_.set_score(u.option, u.criterion, draw(u.value, rng));
      for (size_t k = 0; k < inputs_.size(); ++k) inputs_[k] = draw(plan_.inputs[k].value, rng);
      try {
        for (size_t k = 0; k < inputs_.size(); ++k)
          ev_.set_input(plan_.inputs[k].input, inputs_[k]);
        ev_.run();
      } catch (const Error&) {
        ++tally.failed;
        continue;
      }
      for (size_t j = 0; j < used_.size(); ++j) used_[j] = ev_.weight(j);
      for (size_t i = 0; i < ev_.option_count(); ++i) {
        if (const int rank = ev_.rank(i); rank > 0) tally.count(i, rank, used_.data());
      }
    }
  }

 private:
  Evaluator ev_;
  const SamplingPlan& plan_;
  std::vector<double> weights_;
  std::vector<double> used_;
  std::vector<double> inputs_;
};

/// The weighted sum, weights alone uncertain, and no rule that changes a weight (its effect
/// could depend on the weights drawn): the case a matrix-vector product decides.
bool kernel_applies(const Framework& fw, const Evaluator& ev, const SamplingPlan& plan) {
  if (ev.method() != Method::Wsm || !plan.scores.empty() || !plan.inputs.empty()) return false;
  for (const auto& rule : fw.rules) {
    for (const auto& e : rule.effects) {
      if (e.kind == Effect::Kind::WeightMultiply || e.kind == Effect::Kind::WeightSet) {
        return false;
      }
    }
  }
  return true;
}

WsmKernel make_kernel(const Evaluator& ev, const SamplingPlan& plan) {
  WsmKernel k;
  k.weights = &plan.weights;
  k.criteria = ev.criterion_count();
  std::vector<std::string> ids;
  for (size_t i = 0; i < ev.option_count(); ++i) {
    if (!ev.eligible(i)) continue;
    k.rows.push_back(i);
    ids.push_back(ev.option_id(i));
  }
  for (size_t j = 0; j < k.criteria; ++j) {
    for (size_t i : k.rows) k.matrix.push_back(ev.signed_normalized(i, j));
  }
  k.by_id = id_order(ids);
  return k;
}

unsigned thread_count(unsigned asked) {
  if (asked > 0) return asked;
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Shares of the samples evaluated, and the winner's confidence with its standard error.
void fill_shares(const SmaaTally& t, uint64_t evaluated, Smaa& out) {
  const size_t n = t.options;
  const double total = static_cast<double>(evaluated);
  for (size_t i = 0; i < n; ++i) {
    SmaaOption& o = out.options[i];
    o.rank_acceptability.assign(n, 0.0);
    for (size_t r = 0; r < n && evaluated > 0; ++r) {
      o.rank_acceptability[r] = static_cast<double>(t.ranks[i * n + r]) / total;
    }
    o.confidence = o.rank_acceptability[0];
    const uint64_t firsts = t.ranks[i * n];
    if (firsts == 0) continue;
    o.central_weights.resize(t.criteria);
    for (size_t j = 0; j < t.criteria; ++j) {
      o.central_weights[j] = t.central[i * t.criteria + j] / static_cast<double>(firsts);
    }
  }
  for (const auto& o : out.options) {
    if (o.option != out.winner) continue;
    out.confidence = o.confidence;
    if (evaluated > 0) out.confidence_error = std::sqrt(o.confidence * (1 - o.confidence) / total);
  }
}

}  // namespace

}  // namespace detail

Smaa smaa(const Framework& fw, const Assessment* assessment, const EvaluateOptions& options,
          const SmaaOptions& smaa_options) {
  Evaluator ev(fw, assessment, options);
  ev.run();  // the deterministic evaluation: its errors are the caller's
  const detail::SamplingPlan plan = detail::plan_sampling(fw, assessment, options, ev);
  Smaa out;
  out.samples = smaa_options.samples;
  out.seed = smaa_options.seed;
  out.weights_model = plan.weights.description;
  out.uncertain = plan.uncertain;
  for (size_t j = 0; j < ev.criterion_count(); ++j) out.criteria.push_back(ev.criterion_id(j));
  for (size_t i = 0; i < ev.option_count(); ++i) {
    out.options.push_back({ev.option_id(i), {}, {}, 0});
  }
  if (ev.winner() != Evaluator::npos) out.winner = ev.option_id(ev.winner());

  const size_t workers_wanted =
      std::min<size_t>(detail::thread_count(smaa_options.threads),
                       std::max<size_t>(1, detail::block_count(smaa_options.samples)));
  std::vector<std::unique_ptr<detail::SmaaWorker>> workers;
  detail::WsmKernel kernel;
  if (detail::kernel_applies(fw, ev, plan)) {
    kernel = detail::make_kernel(ev, plan);
    for (size_t w = 0; w < workers_wanted; ++w) {
      workers.push_back(std::make_unique<detail::WsmWorker>(kernel));
    }
  } else {
    for (size_t w = 0; w < workers_wanted; ++w) {
      workers.push_back(
          std::make_unique<detail::EvaluatorWorker>(Evaluator(fw, assessment, options), plan));
    }
  }
  const detail::SmaaTally tally =
      detail::run_smaa_blocks(smaa_options.samples, smaa_options.seed, workers, ev.option_count(),
                              ev.criterion_count(), smaa_options.progress);
  out.failed = tally.failed;
  detail::fill_shares(tally, smaa_options.samples - tally.failed, out);
  return out;
}

}  // namespace tradeoff
