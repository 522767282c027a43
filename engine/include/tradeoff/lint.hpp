// Lint: warnings about a framework or an assessment that loads and evaluates, but holds a likely
// mistake: an input nothing reads, a rule that can never fire, a criterion that does not set the
// options apart, a zero weight, judged scores with no reason, stale dates, inconsistent AHP
// judgements, a reason that names an id the framework does not have.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff {

struct LintOptions {
  /// The day dates are judged on (YYYY-MM-DD); "" leaves the age check out.
  std::string today;
  /// A source's `date` or an input's `as_of` older than this many days gets a warning.
  int max_age_days = 365;
  /// Ids removed through `extends:` besides those the loaded file removed itself (which lint
  /// reads from Loaded::removed).
  std::vector<RemovedId> removed;
};

/// The number of days from 1970-01-01 to a real calendar date written YYYY-MM-DD; nullopt for
/// anything else.
std::optional<long> day_number(std::string_view date);

/// The lint warnings of a loaded file, sorted by source. A framework is linted whole. An
/// assessment is linted for what its own file says (its answers' dates and reasons, its weights,
/// scores and weighting), against its framework; the framework's own warnings are reported when
/// the framework file is linted. `evaluated` is the result of evaluating `loaded` as it stands
/// (at the framework's defaults, or the assessment's answers), when the caller has one; lint
/// evaluates otherwise. `reader` supplies the text of the files, to place carets inside reasons.
std::vector<Diagnostic> lint(SourceReader& reader, const Loaded& loaded, const LintOptions& options,
                             const Result* evaluated = nullptr);

}  // namespace tradeoff
