// Test-only: decision problems and frameworks built in code from a matrix of raw values, for the
// unit, oracle and property tests that need no YAML.
#pragma once

#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::test {

/// A decision problem from rows of raw values (options a1, a2, ...; criteria c1, c2, ...),
/// with the weights normalised to sum to 1; all criteria benefit unless `cost` lists them.
detail::DecisionProblem make_problem(const std::vector<std::vector<double>>& rows,
                                     const std::vector<double>& weights,
                                     const std::vector<size_t>& cost = {});

/// A framework "random" with the raw matrix `x` (rows = options named by `ids`, columns =
/// criteria c0, c1, ...), each criterion a cost where `cost` says so, weighted as given.
Framework framework_of(const std::vector<std::vector<double>>& x, const std::vector<bool>& cost,
                       const std::vector<double>& weights, const std::vector<std::string>& ids);

}  // namespace tradeoff::test
