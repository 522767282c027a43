// The section readers of a framework, one file each (criteria, inputs and derived values, rules,
// options and scores, method, weighting), for framework_loader.cpp to run in file order and the
// assessment loader to reuse. Each reports every problem into the Context and reads what it can.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expr/check.hpp"
#include "load/fields.hpp"
#include "load/framework_loader.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// A framework being read: what it holds so far, and what later sections must know about
/// earlier ones so that each problem is reported once.
struct FrameworkDraft {
  Framework fw;
  std::vector<std::string> criterion_ids;  ///< criteria read without error, in file order
  std::vector<std::string> broken_ids;     ///< ids of criteria with errors of their own
  std::vector<std::string> broken_names;   ///< inputs with errors of their own
  bool criteria_ok = true;                 ///< false when the criteria list is unusable
  bool weighting_failed = false;
  /// Source ids cited by inputs, criteria, scores and rules; checked once sources are known.
  std::vector<std::pair<std::string, const yaml::Node*>> cited_sources;

  void cite(const std::string& source, const yaml::Node& at) {
    cited_sources.emplace_back(source, &at);
  }
};

// criteria_loader.cpp
/// The `criteria:` list; `use:` entries are resolved through `resolve`.
void read_criteria(Context& ctx, const yaml::Node& node, const CriterionResolver& resolve,
                   FrameworkDraft& draft);

// inputs_loader.cpp
void read_inputs(Context& ctx, const yaml::Node& node, FrameworkDraft& draft);
void read_derived(Context& ctx, const yaml::Node& node, FrameworkDraft& draft);
/// The value of an input written at `node` (a default, or an assessment's answer).
std::optional<double> read_input_value(Context& ctx, const Input& input, const yaml::Node& node,
                                       std::string_view what);
/// Checks the derived values in dependency order (a cycle is reported with its path), sets
/// the framework's derived_order, and gives each derived symbol its type; a broken one gets
/// slot -1 so that names reading it are not reported again.
void order_derived(DiagnosticSink& sink, FrameworkDraft& draft, expr::Symbols& symbols);

// rules_loader.cpp
void read_rules(Context& ctx, const yaml::Node& node, FrameworkDraft& draft);

// options_loader.cpp
void read_options(Context& ctx, const yaml::Node& node, FrameworkDraft& draft);
/// One score of `option`, keyed by its criterion: a number, a formula, or {value, because,
/// source}.
std::optional<Score> read_score(Context& ctx, const yaml::Node& key, const yaml::Node& value,
                                const std::string& option);
/// A judged score outside its criterion's declared scale is an error.
void check_scale(DiagnosticSink& sink, const Criterion& criterion, const Score& score,
                 const std::string& option);

// method_loader.cpp
/// A `method:` block; preference functions are checked against `criteria`.
MethodSpec read_method(Context& ctx, const yaml::Node& node,
                       const std::vector<std::string>& criteria);

// weighting_loader.cpp (with ahp_loader.cpp and groups_loader.cpp)
/// A `weighting:` block over `criteria` (ids in framework order).
std::optional<WeightingSpec> read_weighting(Context& ctx, const yaml::Node& node,
                                            const std::vector<std::string>& criteria);
/// The criteria whose own `weight:` the weighting uses (all of them for direct weighting).
/// True when a weighting block (null: none) weighs by the criteria's own weights.
bool uses_criterion_weights(const WeightingSpec* spec);
std::vector<std::string> criteria_needing_weights(const std::optional<WeightingSpec>& spec,
                                                  const std::vector<std::string>& criteria);

// framework_loader.cpp
/// A `sources:` block (framework or assessment).
void read_sources(Context& ctx, const yaml::Node& node, std::vector<Source>& out);

}  // namespace tradeoff::loader
