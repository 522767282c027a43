// Benchmarks of the engine's hot paths. Run a Release build on one core, e.g.
//   taskset -c 0 build/release/bench/tradeoff_bench
#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include "analysis/compare.hpp"
#include "expr/ast.hpp"
#include "expr/check.hpp"
#include "load/yaml_tree.hpp"
#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "problem/problem.hpp"
#include "rank/rank.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"

namespace {

using tradeoff::detail::DecisionProblem;

DecisionProblem random_problem(size_t rows, size_t cols, unsigned seed) {
  DecisionProblem p;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> value(1.0, 100.0);
  for (size_t j = 0; j < cols; ++j) {
    tradeoff::detail::Column c;
    c.id = "c" + std::to_string(j);
    c.direction = j % 3 == 0 ? tradeoff::Direction::Cost : tradeoff::Direction::Benefit;
    p.criteria.push_back(c);
    p.weights.push_back(1.0 / static_cast<double>(cols));
  }
  for (size_t i = 0; i < rows; ++i) p.options.push_back("a" + std::to_string(i));
  p.values.resize(rows * cols);
  for (auto& v : p.values) v = value(rng);
  return p;
}

/// Loading (YAML parse, catalog `use:` resolution, validation) plus evaluation of the
/// built-in LLM framework, in-process.
void BM_LoadAndEvaluateBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    tradeoff::MemoryReader reader;
    const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
    auto result = tradeoff::evaluate(loaded.framework, nullptr);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_LoadAndEvaluateBuiltin)->Unit(benchmark::kMillisecond);

/// YAML parsing alone (the event-level reader) of the built-in framework's text.
void BM_ParseYamlBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const std::string text = reader.read("builtin:frameworks/llm_build_vs_buy.yaml");
  for (auto _ : state) {
    auto doc = tradeoff::yaml::parse("f.yaml", text);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseYamlBuiltin)->Unit(benchmark::kMillisecond);

/// Evaluation alone (inputs, derived values, formula scores, rules, normalisation, WSM,
/// ranking, explanation) of the loaded built-in framework on its defaults.
void BM_EvaluateBuiltin(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  for (auto _ : state) {
    auto result = tradeoff::evaluate(loaded.framework, nullptr);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_EvaluateBuiltin)->Unit(benchmark::kMicrosecond);

/// Re-evaluation of the built-in framework after one input changes: derived values, formula
/// scores, rules, weights, normalisation, the weighted sum and the ranking run again.
void BM_ReevaluateBuiltinAfterInput(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  tradeoff::Evaluator ev(loaded.framework, nullptr);
  const size_t input = *ev.input_index("requests_per_day");
  const double values[2] = {100000, 250000};
  size_t k = 0;
  ev.run();
  for (auto _ : state) {
    ev.set_input(input, values[k++ & 1]);
    ev.run();
    benchmark::DoNotOptimize(ev.winner());
  }
}
BENCHMARK(BM_ReevaluateBuiltinAfterInput)->Unit(benchmark::kMicrosecond);

/// Re-evaluation of the built-in framework after one weight changes: the weights, the weighted
/// sum and the ranking run again.
void BM_ReevaluateBuiltinAfterWeight(benchmark::State& state) {
  tradeoff::MemoryReader reader;
  const auto loaded = tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  tradeoff::Evaluator ev(loaded.framework, nullptr);
  const size_t criterion = *ev.criterion_index("moat");
  const double values[2] = {10, 13};
  size_t k = 0;
  ev.run();
  for (auto _ : state) {
    ev.set_weight(criterion, values[k++ & 1]);
    ev.run();
    benchmark::DoNotOptimize(ev.winner());
  }
}
BENCHMARK(BM_ReevaluateBuiltinAfterWeight)->Unit(benchmark::kMicrosecond);

/// A 10 x 8 problem of plain numbers (no formulas, no rules) re-ranked after a weight changes.
void BM_RerankAfterWeight10x8(benchmark::State& state) {
  std::string yaml = "framework: bench\ntitle: Bench\ncriteria:\n";
  for (int j = 0; j < 8; ++j) {
    yaml += "  - {id: c" + std::to_string(j) +
            ", name: C, direction: " + (j % 3 == 0 ? "cost" : "benefit") +
            ", scale: [0, 100], weight: 1}\n";
  }
  yaml += "options:\n";
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> value(0, 100);
  for (int i = 0; i < 10; ++i) {
    yaml += "  - {id: o" + std::to_string(i) + ", scores: {";
    for (int j = 0; j < 8; ++j) {
      yaml += (j > 0 ? ", c" : "c") + std::to_string(j) + ": " + std::to_string(value(rng));
    }
    yaml += "}}\n";
  }
  tradeoff::MemoryReader reader;
  reader.add("bench.yaml", yaml);
  const auto loaded = tradeoff::load(reader, "bench.yaml");
  tradeoff::Evaluator ev(loaded.framework, nullptr);
  const double weights[2] = {1, 3};
  size_t k = 0;
  ev.run();
  for (auto _ : state) {
    ev.set_weight(2, weights[k++ & 1]);
    ev.run();
    benchmark::DoNotOptimize(ev.winner());
  }
}
BENCHMARK(BM_RerankAfterWeight10x8)->Unit(benchmark::kNanosecond);

tradeoff::expr::Tree compiled(const std::string& text, tradeoff::expr::Type type) {
  using tradeoff::expr::Type;
  tradeoff::expr::Symbols symbols;
  symbols.domains.push_back({"ml_expertise", {"none", "basic", "solid", "expert"}, true});
  symbols.domains.push_back(
      {"data_sensitivity", {"public", "internal", "confidential", "regulated"}, false});
  const char* numbers[] = {"requests_per_day", "prompt_tokens", "completion_tokens",
                           "price_in",         "price_out",     "days"};
  int32_t slot = 0;
  for (const char* n : numbers) symbols.symbols.push_back({n, Type::Number, slot++, -1});
  symbols.symbols.push_back({"ml_expertise", Type::Level, slot++, 0});
  symbols.symbols.push_back({"data_sensitivity", Type::Choice, slot++, 1});
  symbols.symbols.push_back({"zero_retention", Type::Bool, slot++, -1});
  auto tree = tradeoff::expr::parse(text);
  if (!tradeoff::expr::check(tree, symbols, type).empty()) std::abort();
  return tree;
}

/// A compiled rule condition over a level, a choice and a boolean.
void BM_EvaluateCondition(benchmark::State& state) {
  const auto tree = compiled(
      "data_sensitivity in [\"confidential\", \"regulated\"] and not zero_retention or "
      "ml_expertise < \"solid\"",
      tradeoff::expr::Type::Bool);
  double slots[9] = {100000, 250, 250, 20, 20, 365, 1, 3, 0};
  for (auto _ : state) {
    benchmark::DoNotOptimize(slots);
    double v = tradeoff::expr::evaluate(tree, slots);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_EvaluateCondition);

/// A compiled six-variable cost formula.
void BM_EvaluateFormula(benchmark::State& state) {
  const auto tree = compiled(
      "days * requests_per_day * (prompt_tokens * price_in + completion_tokens * price_out) / 1e6",
      tradeoff::expr::Type::Number);
  double slots[9] = {100000, 250, 250, 20, 20, 365, 1, 3, 0};
  for (auto _ : state) {
    benchmark::DoNotOptimize(slots);
    double v = tradeoff::expr::evaluate(tree, slots);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_EvaluateFormula);

/// The weighted sum itself on an already normalised 100,000 x 20 matrix.
void BM_WeightedSum(benchmark::State& state) {
  const auto rows = static_cast<size_t>(state.range(0));
  const auto p = random_problem(rows, 20, 1);
  const auto normalized = tradeoff::detail::normalize(p, tradeoff::Normalization::MinMax);
  for (auto _ : state) {
    auto scores = tradeoff::detail::wsm_scores(p, normalized);
    benchmark::DoNotOptimize(scores.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_WeightedSum)->Arg(100000)->Unit(benchmark::kMillisecond);

/// Min-max normalisation plus the weighted sum, from raw values (the normalisation folded into
/// the product, no normalised copy).
void BM_NormalizeAndWeightedSum(benchmark::State& state) {
  const auto rows = static_cast<size_t>(state.range(0));
  const auto p = random_problem(rows, 20, 2);
  for (auto _ : state) {
    const auto normalized =
        tradeoff::detail::normalize(p, tradeoff::Normalization::MinMax, {}, true, false);
    auto scores = tradeoff::detail::wsm_scores(p, normalized);
    benchmark::DoNotOptimize(scores.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_NormalizeAndWeightedSum)->Arg(100000)->Unit(benchmark::kMillisecond);

/// A method from raw values: its normalisation (the column statistics and transforms), then the
/// aggregation with its intermediate figures (TOPSIS distances, VIKOR S/R/Q and conditions,
/// PROMETHEE flows). Per-criterion contributions, used only to explain a result, are left out.
void run_method(benchmark::State& state, tradeoff::Method id, tradeoff::Normalization normalization,
                bool oriented, tradeoff::detail::MethodParams params = {}) {
  const auto rows = static_cast<size_t>(state.range(0));
  const auto p = random_problem(rows, 20, 3);
  const auto* method = &tradeoff::detail::method_info(id);
  params.contributions = false;
  tradeoff::detail::NormalizedMatrix normalized;
  tradeoff::detail::MethodOutput out;
  tradeoff::detail::Workspace ws;
  for (auto _ : state) {
    tradeoff::detail::normalize_into(p, normalization, {}, oriented, false, normalized);
    out.details = {};
    method->run(p, normalized, params, out, ws);
    benchmark::DoNotOptimize(out.scores.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

void BM_Wsm(benchmark::State& state) {
  run_method(state, tradeoff::Method::Wsm, tradeoff::Normalization::MinMax, true);
}
void BM_Topsis(benchmark::State& state) {
  run_method(state, tradeoff::Method::Topsis, tradeoff::Normalization::Vector, false);
}
void BM_Vikor(benchmark::State& state) {
  run_method(state, tradeoff::Method::Vikor, tradeoff::Normalization::MinMax, true);
}
void BM_PrometheeLinear(benchmark::State& state) {
  tradeoff::detail::MethodParams params;
  params.preference.assign(20, {tradeoff::detail::Preference::Kind::Linear, 5, 20, 0});
  run_method(state, tradeoff::Method::Promethee2, tradeoff::Normalization::None, true, params);
}
BENCHMARK(BM_Wsm)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Topsis)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Vikor)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PrometheeLinear)->Arg(5000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// A random ranking of `n` options with ranks 1..levels (ties when levels < n), by rank.
std::vector<tradeoff::RankEntry> random_ranking(size_t n, int levels, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> rank(1, levels);
  std::vector<tradeoff::RankEntry> out;
  for (size_t i = 0; i < n; ++i) out.push_back({"o" + std::to_string(i), rank(rng), 0.0});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.rank < b.rank; });
  return out;
}

/// Ranking 100,000 scores (a tenth of them tied in pairs), ties broken by id.
void BM_RankInto(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> score(0, 1);
  std::vector<double> scores(n);
  for (size_t i = 0; i < n; ++i) scores[i] = i % 10 == 1 ? scores[i - 1] : score(rng);
  std::vector<uint32_t> by_id(n);
  for (size_t i = 0; i < n; ++i) by_id[i] = static_cast<uint32_t>(n - 1 - i);
  std::vector<size_t> order(n);
  std::vector<int> ranks(n);
  tradeoff::detail::RankScratch scratch;  // as the evaluator keeps it between runs
  for (auto _ : state) {
    tradeoff::detail::rank_into(scores.data(), by_id.data(), n, true, order.data(), ranks.data(),
                                scratch);
    benchmark::DoNotOptimize(order.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_RankInto)->Arg(100000)->Unit(benchmark::kMillisecond);

/// Kendall's tau-b between two rankings of 100,000 options with ties (O(N log N)).
void BM_KendallTau(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  const auto a = random_ranking(n, static_cast<int>(n / 10), 1);
  const auto b = random_ranking(n, static_cast<int>(n), 2);
  for (auto _ : state) {
    double tau = tradeoff::detail::kendall_tau(a, b);
    benchmark::DoNotOptimize(tau);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_KendallTau)->Arg(100000)->Unit(benchmark::kMillisecond);

/// A framework of `rows` options on `cols` criteria (a third of them costs), scores in [1, 100].
tradeoff::Framework random_framework(size_t rows, size_t cols, unsigned seed) {
  tradeoff::Framework fw;
  fw.id = "bench";
  fw.title = "Bench";
  fw.file = "bench.yaml";
  for (size_t j = 0; j < cols; ++j) {
    tradeoff::Criterion c;
    c.id = "c" + std::to_string(j);
    c.name = c.id;
    c.direction = j % 3 == 0 ? tradeoff::Direction::Cost : tradeoff::Direction::Benefit;
    c.weight = static_cast<double>(j % 7 + 1);
    fw.criteria.push_back(c);
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> value(1.0, 100.0);
  for (size_t i = 0; i < rows; ++i) {
    tradeoff::Alternative a;
    a.id = "o" + std::to_string(i);
    a.name = a.id;
    for (size_t j = 0; j < cols; ++j) {
      tradeoff::Score s;
      s.criterion = fw.criteria[j].id;
      s.value = value(rng);
      a.scores.push_back(s);
    }
    fw.options.push_back(a);
  }
  return fw;
}

/// `--method all` on 20,000 options x 20 criteria: every method evaluated, then Kendall's tau
/// between every pair of rankings and the options whose rank depends on the method.
void BM_CompareMethods(benchmark::State& state) {
  const auto fw = random_framework(static_cast<size_t>(state.range(0)), 20, 5);
  for (auto _ : state) {
    auto comparison = tradeoff::compare_methods(fw, nullptr, {});
    benchmark::DoNotOptimize(comparison);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_CompareMethods)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
