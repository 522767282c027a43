// Test-only helpers (see test_support.hpp).
#include "test_support.hpp"

#include <cmath>

#include <fmt/format.h>

#include "tradeoff/report.hpp"

namespace tradeoff::test {

Loaded load_text(const std::string& yaml, const std::string& path,
                 const std::vector<std::pair<std::string, std::string>>& extra) {
  MemoryReader reader;
  reader.add(path, yaml);
  for (const auto& [p, text] : extra) reader.add(p, text);
  return load(reader, path);
}

Loaded load_assessment_text(const std::string& body, const std::string& framework_yaml) {
  return load_text("assessment: acme\nframework: f.yaml\n" + body, "acme.yaml",
                   {{"f.yaml", framework_yaml}});
}

Loaded load_builtin(const std::string& path) {
  MemoryReader reader;
  return load(reader, "builtin:" + path);
}

Loaded load_source_file(const std::string& path) {
  FileReader reader;
  return load(reader, std::string(TRADEOFF_SOURCE_DIR) + "/" + path);
}

Result evaluate_text(const std::string& yaml, const EvaluateOptions& options) {
  const auto loaded = load_text(yaml);
  return evaluate(loaded.framework, nullptr, options);
}

std::vector<Diagnostic> expect_errors(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.diagnostics();
  }
  FAIL("expected a tradeoff::Error, but nothing was thrown");
  return {};
}

Diagnostic expect_error(const std::function<void()>& f) {
  for (const auto& d : expect_errors(f)) {
    if (d.severity == Severity::Error) return d;
  }
  FAIL("the tradeoff::Error held no error diagnostic");
  return {};
}

std::vector<Diagnostic> load_errors(const std::string& yaml, const std::string& path) {
  return expect_errors([&] { load_text(yaml, path); });
}

std::string brief(const Diagnostic& d) {
  return fmt::format("{}:{}: {}", d.where.line, d.where.column, d.message);
}

std::string render_json(const Result& r) { return render(r, {Format::Json, false}); }

std::vector<EvaluateOptions> all_choices() {
  std::vector<EvaluateOptions> out;
  for (const auto& method : method_names()) {
    out.push_back(choose(method, ""));
    for (const auto& norm : normalization_names()) out.push_back(choose(method, norm));
  }
  return out;
}

EvaluateOptions choose(std::string_view method, std::string_view normalization) {
  EvaluateOptions o;
  if (!method.empty()) {
    o.method = parse_method(method);
    REQUIRE(o.method);
  }
  if (!normalization.empty()) {
    o.normalization = parse_normalization(normalization);
    REQUIRE(o.normalization);
  }
  return o;
}

std::string choices_of(const EvaluateOptions& o) {
  return fmt::format("{}/{}", o.method ? to_string(*o.method) : "-",
                     o.normalization ? to_string(*o.normalization) : "-");
}

std::optional<Result> try_evaluate(const Framework& fw, const EvaluateOptions& options) {
  try {
    return evaluate(fw, nullptr, options);
  } catch (const Error&) {
    return std::nullopt;
  }
}

void check_finite(const Result& r) {
  for (const auto& o : r.options) {
    CAPTURE(o.id);
    CHECK(std::isfinite(o.score));
    for (double v : o.normalized) CHECK(std::isfinite(v));
    for (double v : o.contribution) CHECK(std::isfinite(v));
  }
  for (const auto& [name, values] : r.details.per_option) {
    CAPTURE(name);
    for (double v : values) CHECK(std::isfinite(v));
  }
  for (const auto& [name, values] : r.details.per_criterion) {
    CAPTURE(name);
    for (double v : values) CHECK(std::isfinite(v));
  }
  for (const auto& [name, value] : r.details.figures) {
    CAPTURE(name);
    CHECK(std::isfinite(value));
  }
  for (const auto& cr : r.criteria) CHECK(std::isfinite(cr.normalized_weight));
  CHECK(std::isfinite(r.explanation.margin));
  CHECK(r.explanation.margin >= 0);
}

void check_values(const std::vector<double>& got, const std::vector<double>& expected, double eps) {
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK_THAT(got[i], Catch::Matchers::WithinAbs(expected[i], eps));
  }
}

void check_close(double got, double expected, double rel, double abs) {
  CHECK_THAT(
      got, Catch::Matchers::WithinRel(expected, rel) || Catch::Matchers::WithinAbs(expected, abs));
}

void check_all(const std::vector<double>& got, const std::vector<double>& expected, double rel,
               double abs) {
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    check_close(got[i], expected[i], rel, abs);
  }
}

}  // namespace tradeoff::test
