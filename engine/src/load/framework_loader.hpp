// Readers from YAML trees to the model (see tradeoff/catalog.hpp for the public entry points).
// They report every problem into the Context's sink and return what they could read.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "load/schema.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// Looks up a catalog criterion for `use: id`; reports into ctx (at `at`) when it cannot.
using CriterionResolver =
    std::function<std::optional<CatalogCriterion>(const std::string& id, const yaml::Node& at,
                                                   Context& ctx)>;

CatalogCriterion read_catalog_criterion(Context& ctx, std::string_view expected_id);
Framework read_framework(Context& ctx, const CriterionResolver& resolve);

/// The id and framework reference of an assessment, read before its framework is loaded.
Assessment read_assessment_header(Context& ctx);
/// The rest of an assessment, checked against its framework.
void read_assessment_body(Context& ctx, Assessment& a, const Framework& fw);

/// The value of an input written at `node` (a default, or an assessment's answer).
std::optional<double> read_input_value(Context& ctx, const Input& input, const yaml::Node& node,
                                       std::string_view what);
/// A `sources:` block (framework or assessment).
void read_sources(Context& ctx, const yaml::Node& node, std::vector<Source>& out);
/// A `method:` block; preference functions are checked against `criteria`.
MethodSpec read_method(Context& ctx, const yaml::Node& node, const std::vector<std::string>& criteria);
void read_preferences(Context& ctx, const yaml::Node& node, const std::vector<std::string>& criteria,
                      std::vector<PreferenceFunction>& out);
std::optional<Score> read_score(Context& ctx, const yaml::Node& key, const yaml::Node& value,
                                const std::string& option);
void check_scale(DiagnosticSink& sink, const Criterion& criterion, const Score& score,
                 const std::string& option);

}  // namespace tradeoff::loader
