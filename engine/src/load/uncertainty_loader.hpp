// The uncertainty Monte-Carlo analysis samples, as written in YAML: ranges `[low, high]` and
// triangles `{low, mode, high}` where a score or an input's answer goes, and the top-level
// `uncertainty:` block that says how uncertain the weights are. Every problem is reported,
// located, into the Context.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "load/fields.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// True when `node` is written as a range or a triangle: a sequence, or a mapping.
bool is_distribution(const yaml::Node& node);

/// True when a mapping is a triangle (it names `low`, `mode` or `high`) rather than the
/// annotated form `{value, because, ...}` (it names `value`, or none of those).
bool is_triangle(const yaml::Node& node);

/// A range or a triangle at `node`; `what` names the value in messages ("the score of 'a' on
/// 'b'"). Checks that low <= mode <= high; bounds of a scale or an input's range are checked
/// by the caller.
std::optional<Distribution> read_distribution(Context& ctx, const yaml::Node& node,
                                              std::string_view what);

/// The `uncertainty:` block of a framework or an assessment; ranges name criteria among
/// `criteria` (ids in `ignored` have errors of their own and are skipped silently).
std::optional<Uncertainty> read_uncertainty(Context& ctx, const yaml::Node& node,
                                            const std::vector<std::string>& criteria,
                                            const std::vector<std::string>& ignored = {});

}  // namespace tradeoff::loader
