// Test-only: checks the real `tradeoff` binary against a published reference case.
// Builds a framework YAML from the case's JSON (../shared/refcases/<id>.json), runs
// `tradeoff evaluate --format json`, and compares the numbers within the case's tolerance.
//   refcase_runner <refcases dir> <case id> <tradeoff binary>
// Exit codes: 0 all checks pass, 1 a check failed, 77 the case file is missing (skipped).
#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::json;

struct Context {
  std::string exe;
  std::string dir;  // scratch folder for the generated YAML
  int checks = 0;
  int failures = 0;
};

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

Json run(Context& ctx, const std::string& yaml, const std::string& args) {
  const std::string path = ctx.dir + "/case.yaml";
  std::ofstream(path) << yaml;
  const std::string command =
      fmt::format("{} evaluate {} --format json {} 2>&1", quote(ctx.exe), quote(path), args);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string output;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) {
    throw std::runtime_error(fmt::format("`{}` failed ({}):\n{}\n--- yaml ---\n{}", command,
                                         status, output, yaml));
  }
  return Json::parse(output);
}

void check(Context& ctx, const std::string& what, double got, double expected, double tolerance) {
  ++ctx.checks;
  const double error = std::fabs(got - expected);
  const bool ok = error <= tolerance + 1e-12;
  if (!ok) ++ctx.failures;
  fmt::print("{} {}: got {:.10g}, expected {:.10g} (error {:.3g}, tolerance {:.3g})\n",
             ok ? "ok  " : "FAIL", what, got, expected, error, tolerance);
}

void check_equal(Context& ctx, const std::string& what, const std::string& got,
                 const std::string& expected) {
  ++ctx.checks;
  const bool ok = got == expected;
  if (!ok) ++ctx.failures;
  fmt::print("{} {}: got {}, expected {}\n", ok ? "ok  " : "FAIL", what, got, expected);
}

double tolerance_of(const Json& refcase, const std::string& key) {
  const Json& t = refcase.at("tolerance");
  if (t.is_number()) return t.get<double>();
  return t.at(key).get<double>();
}

std::string id_of(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out = "x" + out;
  return out;
}

/// A framework YAML with the case's matrix, directions and weights, and no declared scales.
std::string framework_yaml(const Json& c, const std::vector<double>& weights,
                           const std::string& extra = "") {
  const Json& m = c.at("matrix");
  const size_t rows = m.size();
  const size_t cols = m.at(0).size();
  std::vector<std::string> options;
  std::vector<std::string> criteria;
  for (size_t i = 0; i < rows; ++i) {
    options.push_back(c.contains("alternatives") && c["alternatives"].is_array()
                          ? id_of(c["alternatives"][i].get<std::string>())
                          : fmt::format("a{}", i + 1));
  }
  for (size_t j = 0; j < cols; ++j) criteria.push_back(fmt::format("c{}", j + 1));
  std::string y = fmt::format("framework: {}\ntitle: reference case\ncriteria:\n",
                              id_of(c.at("id").get<std::string>()));
  for (size_t j = 0; j < cols; ++j) {
    const int type = c.contains("criteria_types") && c["criteria_types"].is_array()
                         ? c["criteria_types"][j].get<int>()
                         : 1;
    y += fmt::format("  - {{id: {}, direction: {}, weight: {:.17g}}}\n", criteria[j],
                     type < 0 ? "cost" : "benefit", weights[j]);
  }
  y += "options:\n";
  for (size_t i = 0; i < rows; ++i) {
    y += fmt::format("  - id: {}\n    scores: {{", options[i]);
    for (size_t j = 0; j < cols; ++j) {
      y += fmt::format("{}{}: {:.17g}", j ? ", " : "", criteria[j], m[i][j].get<double>());
    }
    y += "}\n";
  }
  return y + extra;
}

std::map<std::string, double> scores_of(const Json& result) {
  std::map<std::string, double> out;
  for (const auto& e : result.at("ranking")) out[e.at("option")] = e.at("score").get<double>();
  return out;
}

std::map<std::string, int> ranks_of(const Json& result) {
  std::map<std::string, int> out;
  for (const auto& e : result.at("ranking")) out[e.at("option")] = e.at("rank").get<int>();
  return out;
}

// --- the cases ----------------------------------------------------------------------------------

void wsm_wpm_triantaphyllou(Context& ctx, const Json& c) {
  const auto weights = c.at("weights").get<std::vector<double>>();
  const std::string yaml = framework_yaml(c, weights);
  const Json& e = c.at("expected");

  // Weighted sum on raw values, with the published tie between A2 and A3.
  const Json wsm = run(ctx, yaml, "--method wsm --normalization none");
  auto scores = scores_of(wsm);
  auto ranks = ranks_of(wsm);
  for (size_t i = 0; i < 3; ++i) {
    const std::string id = fmt::format("a{}", i + 1);
    check(ctx, "wsm score " + id, scores.at(id), e.at("wsm_scores")[i].get<double>(),
          tolerance_of(c, "wsm_scores"));
  }
  check_equal(ctx, "wsm ranks (a1, a2, a3)",
              fmt::format("{}, {}, {}", ranks.at("a1"), ranks.at("a2"), ranks.at("a3")), "3, 1, 1");
  check_equal(ctx, "wsm winner listed first", wsm.at("ranking")[0].at("option"), "a2");
  check_equal(ctx, "wsm explanation reports the tie", wsm.at("explanation").at("tie").dump(),
              "true");

  // Weighted product: the ratios of raw products.
  const Json wpm = run(ctx, yaml, "--method wpm --normalization none");
  scores = scores_of(wpm);
  ranks = ranks_of(wpm);
  check(ctx, "wpm ratio A1/A2", scores.at("a1") / scores.at("a2"),
        e.at("wpm_ratio_A1_A2").get<double>(), tolerance_of(c, "wpm_ratio_A1_A2"));
  check(ctx, "wpm ratio A1/A3", scores.at("a1") / scores.at("a3"),
        e.at("wpm_ratio_A1_A3").get<double>(), tolerance_of(c, "wpm_ratio_A1_A3"));
  check(ctx, "wpm ratio A2/A3", scores.at("a2") / scores.at("a3"),
        e.at("wpm_ratio_A2_A3").get<double>(), tolerance_of(c, "wpm_ratio_A2_A3"));
  for (size_t i = 0; i < 3; ++i) {
    const std::string id = fmt::format("a{}", i + 1);
    check(ctx, "wpm rank " + id, ranks.at(id), e.at("wpm_ranking")[i].get<double>(), 0);
  }

  // The log variant: sum-normalised columns, log10 of the product.
  const Json wpm_sum = run(ctx, yaml, "--method wpm --normalization sum");
  scores = scores_of(wpm_sum);
  for (size_t i = 0; i < 3; ++i) {
    const std::string id = fmt::format("a{}", i + 1);
    check(ctx, "wpm log10 score (sum-normalised) " + id, std::log10(scores.at(id)),
          e.at("wpm_log10_scores_sum_normalised")[i].get<double>(),
          tolerance_of(c, "wpm_log10_scores_sum_normalised"));
  }
}

const std::map<std::string, std::function<void(Context&, const Json&)>>& cases() {
  static const std::map<std::string, std::function<void(Context&, const Json&)>> all = {
      {"wsm_wpm_triantaphyllou", wsm_wpm_triantaphyllou},
  };
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: refcase_runner <refcases dir> <case id> <tradeoff binary>\n");
    return 2;
  }
  const std::string file = std::string(argv[1]) + "/" + argv[2] + ".json";
  if (!std::filesystem::exists(file)) {
    fmt::print("SKIPPED: reference case {} not found\n", file);
    return 77;
  }
  const auto it = cases().find(argv[2]);
  if (it == cases().end()) {
    fmt::print(stderr, "no checks are written for reference case '{}'\n", argv[2]);
    return 1;
  }
  Context ctx;
  ctx.exe = argv[3];
  std::string scratch = (std::filesystem::temp_directory_path() / "tradeoff-refcase-XXXXXX").string();
  if (mkdtemp(scratch.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  ctx.dir = scratch;
  int code = 0;
  try {
    std::ifstream in(file);
    const Json refcase = Json::parse(in);
    it->second(ctx, refcase);
    fmt::print("{}: {} checks, {} failed\n", argv[2], ctx.checks, ctx.failures);
    code = ctx.failures == 0 && ctx.checks > 0 ? 0 : 1;
  } catch (const std::exception& e) {
    fmt::print("FAIL {}\n", e.what());
    code = 1;
  }
  std::filesystem::remove_all(scratch);
  return code;
}
