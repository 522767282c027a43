// Choosing the method: the command line over the assessment over the framework over the
// defaults, for the method, its normalisation and its parameters.
#pragma once

#include "methods/method.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::detail {

struct MethodChoice {
  const MethodInfo* info = nullptr;
  Normalization normalization = Normalization::Declared;
  bool normalization_chosen = false;  ///< by the files or the command line, not the method
  MethodParams params;                ///< VIKOR's v, WASPAS's lambda, PROMETHEE's functions
};

/// Throws Error when the normalisation chosen is one the method refuses: a usage error when the
/// command line chose either, else located at the file's normalisation.
MethodChoice choose_method(const Framework& fw, const Assessment& assessment,
                           const EvaluateOptions& options);

}  // namespace tradeoff::detail
