// An assessment's `expect:` block: the winners it accepts, the margin and the Monte-Carlo
// confidence its decision must keep, for `tradeoff check`. Every problem is reported, located,
// into the Context.
#pragma once

#include <optional>

#include "load/fields.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// `expect: {winner: ID | [ID, ...], min_margin: NUMBER, min_confidence: NUMBER}`; winners are
/// options of `fw` (not checked when the framework could not be found: `fw` has no id).
std::optional<Expectation> read_expectation(Context& ctx, const yaml::Node& node,
                                            const Framework& fw);

}  // namespace tradeoff::loader
