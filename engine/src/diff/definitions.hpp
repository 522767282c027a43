// The sections of a definition compared one by one (definitions.cpp: the framework's parts;
// answers.cpp: what an assessment adds to them). Each appends its section's changes.
#pragma once

#include <vector>

#include "tradeoff/catalog.hpp"
#include "tradeoff/diff.hpp"

namespace tradeoff::detail {

void diff_framework_header(const Framework& before, const Framework& after,
                           std::vector<Change>& out);
void diff_inputs(const Framework& before, const Framework& after, std::vector<Change>& out);
void diff_derived(const Framework& before, const Framework& after, std::vector<Change>& out);
void diff_criteria(const Framework& before, const Framework& after, std::vector<Change>& out);
void diff_options(const Framework& before, const Framework& after, std::vector<Change>& out);
void diff_rules(const Framework& before, const Framework& after, std::vector<Change>& out);

/// An empty assessment stands for none: a framework on its own.
void diff_assessment_header(const Assessment& before, const Assessment& after,
                            std::vector<Change>& out);
void diff_answers(const Loaded& before, const Loaded& after, std::vector<Change>& out);
/// The scores each side evaluates: the assessment's where it sets one, else the framework's.
void diff_scores(const Loaded& before, const Loaded& after, std::vector<Change>& out);
/// The method as the files choose it: the assessment's over the framework's.
void diff_method(const Loaded& before, const Loaded& after, std::vector<Change>& out);
void diff_weighting(const Loaded& before, const Loaded& after, std::vector<Change>& out);
/// The framework's sources, then the assessment's.
void diff_sources(const Loaded& before, const Loaded& after, std::vector<Change>& out);

}  // namespace tradeoff::detail
