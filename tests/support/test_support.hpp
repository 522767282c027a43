// Test-only helpers: load YAML from strings through an in-memory reader, capture diagnostics,
// and build decision problems by hand.
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::test {

/// Loads `yaml` as the file `path` (plus any `extra` files) through a MemoryReader.
Loaded load_text(const std::string& yaml, const std::string& path = "f.yaml",
                 const std::vector<std::pair<std::string, std::string>>& extra = {});

/// Runs `f`, expects it to throw tradeoff::Error, and returns all its diagnostics.
std::vector<Diagnostic> expect_errors(const std::function<void()>& f);
/// The first error diagnostic of expect_errors().
Diagnostic expect_error(const std::function<void()>& f);

/// Diagnostics of loading `yaml` (expects failure).
std::vector<Diagnostic> load_errors(const std::string& yaml, const std::string& path = "f.yaml");

/// "line:col: message" for compact comparisons.
std::string brief(const Diagnostic& d);

/// A decision problem from rows of raw values; all criteria benefit unless `cost` lists them.
detail::DecisionProblem make_problem(const std::vector<std::vector<double>>& rows,
                                     const std::vector<double>& weights,
                                     const std::vector<size_t>& cost = {});

/// Every (method, normalisation) pair the engine offers, "" (the method's default) included.
std::vector<EvaluateOptions> all_choices();
/// Options naming a method and a normalisation ("" = not given); fails the test for a bad name.
EvaluateOptions choose(std::string_view method, std::string_view normalization = "");
/// "wpm/minmax", "-/-": the choices of `o`, for CAPTURE.
std::string choices_of(const EvaluateOptions& o);
/// evaluate(), or nullopt when it refuses the input with a tradeoff::Error.
std::optional<Result> try_evaluate(const Framework& fw, const EvaluateOptions& options);
/// Checks that no figure of `r` (scores, normalised values, contributions, details, weights,
/// margin) is NaN or infinite.
void check_finite(const Result& r);

}  // namespace tradeoff::test
