// The parts of the `weighting:` reader, shared by weighting_loader.cpp (the block, direct, swing
// and rank-order weights), ahp_loader.cpp and groups_loader.cpp (groups and stakeholders, which
// nest weighting blocks). The entry point, read_weighting(), is declared in readers.hpp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "load/fields.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// Element ids as written, with their nodes (for positions).
using ElementRefs = std::vector<std::pair<std::string, const yaml::Node*>>;

/// Reads one weighting block over `scope` (the elements weighed: criteria, or group ids);
/// `what` names the block; depth 0 is the framework's own block.
std::optional<WeightingSpec> read_weighting_block(Context& ctx, const yaml::Node& node,
                                                  const std::vector<std::string>& scope,
                                                  const std::string& what, int depth);

/// Checks that `ids` name each element of `scope` exactly once; `owner` says which group each
/// mention belongs to, when there are groups.
bool check_cover(Context& ctx, const ElementRefs& ids, const std::vector<std::string>& scope,
                 const yaml::Node& at, const std::string& what,
                 const std::vector<std::string>& owner = {});

/// Direct weights (`swing` false) or swing points, by element.
bool read_weights(Context& ctx, const yaml::Node& node, const std::vector<std::string>& scope,
                  const std::string& what, std::vector<std::pair<std::string, double>>& out,
                  bool swing);

/// AHP: the row order, priority method, random-index table and the judgement matrix.
bool read_ahp(Context& ctx, Fields& f, const std::vector<std::string>& scope,
              const std::string& what, PairwiseJudgements& ahp);

/// Groups of criteria, each weighted within, and the groups weighted among themselves.
bool read_groups(Context& ctx, Fields& f, const std::vector<std::string>& scope,
                 const std::string& what, WeightingSpec& spec);
/// Stakeholders, each with their own weighting, and how they are combined.
bool read_stakeholders(Context& ctx, Fields& f, const std::vector<std::string>& scope,
                       const std::string& what, WeightingSpec& spec);

}  // namespace tradeoff::loader
