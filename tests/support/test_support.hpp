// Test-only helpers: load and evaluate YAML from strings through an in-memory reader, load the
// built-in files, capture diagnostics, choose methods, and compare numbers. Decision problems
// and frameworks built from matrices are in frameworks.hpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::test {

/// Loads `yaml` as the file `path` (plus any `extra` files) through a MemoryReader.
Loaded load_text(const std::string& yaml, const std::string& path = "f.yaml",
                 const std::vector<std::pair<std::string, std::string>>& extra = {});
/// Loads the assessment "acme" (acme.yaml: "assessment: acme", "framework: f.yaml", then
/// `body` from line 3) over the framework `framework_yaml` (f.yaml).
Loaded load_assessment_text(const std::string& body, const std::string& framework_yaml);
/// Loads a built-in file, e.g. "frameworks/llm_build_vs_buy.yaml".
Loaded load_builtin(const std::string& path);
/// Loads a file of the source tree, e.g. "tests/calibration/low_volume.yaml", its built-in
/// framework and catalog criteria resolved as for a user's file.
Loaded load_source_file(const std::string& path);
/// Loads `yaml` (as f.yaml) and evaluates its framework.
Result evaluate_text(const std::string& yaml, const EvaluateOptions& options = {});

/// Runs `f`, expects it to throw tradeoff::Error, and returns all its diagnostics.
std::vector<Diagnostic> expect_errors(const std::function<void()>& f);
/// The first error diagnostic of expect_errors().
Diagnostic expect_error(const std::function<void()>& f);

/// Diagnostics of loading `yaml` (expects failure).
std::vector<Diagnostic> load_errors(const std::string& yaml, const std::string& path = "f.yaml");

/// "line:col: message" for compact comparisons.
std::string brief(const Diagnostic& d);

/// The JSON rendering of `r`, without colour.
std::string render_json(const Result& r);

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

/// Checks that `got` has the size of `expected` and each value is within `eps` of its own.
void check_values(const std::vector<double>& got, const std::vector<double>& expected,
                  double eps = 1e-12);
/// Checks that `got` is within `rel` of `expected`, or within `abs` of it near zero.
void check_close(double got, double expected, double rel = 1e-9, double abs = 1e-12);
/// check_close() on each value; the sizes must match.
void check_all(const std::vector<double>& got, const std::vector<double>& expected,
               double rel = 1e-9, double abs = 1e-12);

}  // namespace tradeoff::test
