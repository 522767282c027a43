// The two files of a scaffold (see tradeoff/scaffold.hpp), one writer each.
#pragma once

#include <string>

#include "tradeoff/model.hpp"
#include "tradeoff/scaffold.hpp"

namespace tradeoff::scaffold {

/// framework.yaml: `framework:` and `extends:`, then every place to tailor, commented out.
std::string framework_file(const Framework& base, const ScaffoldOptions& options);

/// assessment.yaml: `assessment:` and `framework: framework.yaml`, then every input of the base
/// with its default and what it takes, commented out, and an `expect:` example.
std::string assessment_file(const Framework& base, const ScaffoldOptions& options);

}  // namespace tradeoff::scaffold
