// When every option is excluded: the smallest change of one input that admits an option again.
// Takes an evaluator whose options are all vetoed or beyond a limit; gives, for each input the
// exclusions read (the conditions of the vetoing rules, the limits, and what the limited scores
// are computed from), the nearest value that leaves some option eligible, and which options it
// admits.
#pragma once

#include <vector>

#include "tradeoff/evaluator.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// At most `limit` relaxations, the smallest first (a change measured as a share of the
/// input's declared range, or of its levels). The evaluator is reset afterwards.
std::vector<Relaxation> find_relaxations(const Framework& fw, Evaluator& ev, const Result& result,
                                         size_t limit = 5);

/// "Setting deadline_weeks to 9 weeks (now 6) would admit host_open."
std::string describe(const Relaxation& relaxation);

}  // namespace tradeoff::detail
