// Reading `weighting:` blocks (see README, "Weighting methods").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/schema.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// Reads a weighting block over `criteria` (ids in framework order); every problem reported.
std::optional<WeightingSpec> read_weighting(Context& ctx, const yaml::Node& node,
                                            const std::vector<std::string>& criteria);

/// The criteria whose own `weight:` the weighting uses (all of them for direct weighting).
std::vector<std::string> criteria_needing_weights(const std::optional<WeightingSpec>& spec,
                                                  const std::vector<std::string>& criteria);

}  // namespace tradeoff::loader
