// Test-only: checks the real `tradeoff` binary against a published reference case.
// Builds a framework YAML from the case's JSON (tests/refcases/data/<id>.json), runs
// `tradeoff evaluate --format json`, and compares the numbers within the case's tolerance.
//   refcase_runner <refcases dir> <case id> <tradeoff binary>
// Exit codes: 0 all checks pass; 1 a check failed, the case file is missing, or no checks are
// written for the case; 2 wrong usage.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stdlib.h>
#include <unistd.h>

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
    throw std::runtime_error(
        fmt::format("`{}` failed ({}):\n{}\n--- yaml ---\n{}", command, status, output, yaml));
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

/// A framework whose criteria are `elements`, with one placeholder option, weighted by `weighting`
/// (a YAML flow mapping): for checking weights alone.
std::string weights_only_yaml(const std::vector<std::string>& elements,
                              const std::string& weighting) {
  std::string y = "framework: weights_case\ncriteria:\n";
  for (const auto& e : elements) y += fmt::format("  - {{id: {}, direction: benefit}}\n", e);
  y += "options:\n  - id: placeholder\n    scores: {";
  for (size_t k = 0; k < elements.size(); ++k)
    y += fmt::format("{}{}: 1", k ? ", " : "", elements[k]);
  return y + "}\nweighting: " + weighting + "\n";
}

std::string matrix_yaml(const Json& fractions) {
  std::string out = "[";
  for (size_t r = 0; r < fractions.size(); ++r) {
    out += r ? ", [" : "[";
    for (size_t c = 0; c < fractions[r].size(); ++c) {
      out += fmt::format("{}\"{}\"", c ? ", " : "", fractions[r][c].get<std::string>());
    }
    out += "]";
  }
  return out + "]";
}

std::vector<std::string> ids_of(const Json& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(id_of(n.get<std::string>()));
  return out;
}

std::map<std::string, double> weights_of(const Json& result) {
  std::map<std::string, double> out;
  for (const auto& c : result.at("criteria"))
    out[c.at("id")] = c.at("normalized_weight").get<double>();
  return out;
}

void ahp_saaty_drinks(Context& ctx, const Json& c) {
  const auto elements = ids_of(c.at("alternatives"));
  const Json& e = c.at("expected");
  const std::string matrix = matrix_yaml(c.at("matrix_fractions"));
  const Json result =
      run(ctx, weights_only_yaml(elements, "{method: ahp, matrix: " + matrix + "}"), "");
  const Json& ahp = result.at("weighting").at("ahp");
  for (size_t k = 0; k < elements.size(); ++k) {
    const double w = ahp.at("priorities").at(elements[k]).get<double>();
    check(ctx, "priority (3 dp) " + elements[k], w, e.at("weights_3dp")[k].get<double>(),
          tolerance_of(c, "weights_3dp"));
    check(ctx, "priority (4 dp) " + elements[k], w, e.at("weights_4dp")[k].get<double>(),
          tolerance_of(c, "weights_4dp"));
    check(ctx, "criterion weight " + elements[k], weights_of(result).at(elements[k]), w, 1e-12);
  }
  const Json& by_table = ahp.at("consistency_ratio_by_table");
  check(ctx, "CR with saaty_2005", by_table.at("saaty_2005").get<double>(),
        e.at("cr_saaty_2005").get<double>(), tolerance_of(c, "cr_saaty_2005"));
  check(ctx, "CR with donegan_dodd_1991", by_table.at("donegan_dodd_1991").get<double>(),
        e.at("cr_donegan_dodd_1991").get<double>(), tolerance_of(c, "cr_donegan_dodd_1991"));
  // Every table (computed values, given to 4-5 decimals).
  for (const auto& [table, cr] : c.at("derived").at("cr_by_table").items()) {
    check(ctx, "CR with " + table, by_table.at(table).get<double>(), cr.get<double>(), 5e-5);
  }
  check(ctx, "lambda max", ahp.at("lambda_max").get<double>(),
        c.at("derived").at("lambda_max").get<double>(), 5e-6);
  // The selected table is the one reported as the consistency ratio.
  const Json dd =
      run(ctx,
          weights_only_yaml(elements,
                            "{method: ahp, ri_table: donegan_dodd_1991, matrix: " + matrix + "}"),
          "");
  check(ctx, "CR (ri_table: donegan_dodd_1991)",
        dd.at("weighting").at("ahp").at("consistency_ratio").get<double>(),
        e.at("cr_donegan_dodd_1991").get<double>(), tolerance_of(c, "cr_donegan_dodd_1991"));
}

void ahp_consistency_ri_tables(Context& ctx, const Json& c) {
  const size_t n = c.at("matrix").size();
  std::vector<std::string> elements;
  for (size_t k = 0; k < n; ++k) elements.push_back(fmt::format("c{}", k + 1));
  const std::string matrix = matrix_yaml(c.at("matrix_fractions"));
  const Json& e = c.at("expected");
  const double tol = tolerance_of(c, "");
  // The published figures use the column-normalised row mean and the mean consistency vector.
  const Json approx = run(ctx,
                          weights_only_yaml(elements,
                                            "{method: ahp, priority: normalized_column_mean, "
                                            "ri_table: saaty_1980, matrix: " +
                                                matrix + "}"),
                          "");
  const Json& a = approx.at("weighting").at("ahp");
  check(ctx, "lambda max (approximate)", a.at("lambda_max").get<double>(),
        e.at("lambda_max_approx").get<double>(), tol);
  check(ctx, "CI (approximate)", a.at("consistency_index").get<double>(),
        e.at("ci_approx").get<double>(), tol);
  check(ctx, "CR saaty_1980 (approximate)", a.at("consistency_ratio").get<double>(),
        e.at("cr_approx_saaty_1980").get<double>(), tol);
  for (size_t k = 0; k < n; ++k) {
    check(ctx, "consistency vector " + elements[k],
          a.at("consistency_vector").at(elements[k]).get<double>(),
          e.at("consistency_vector")[k].get<double>(), tol);
  }
  check_equal(ctx, "consistent (CR <= 0.1)", a.at("consistent").dump(),
              e.at("is_consistent_cr_le_0_1").dump());
  // The exact eigenvector (computed values, 4-6 decimals).
  const Json exact =
      run(ctx, weights_only_yaml(elements, "{method: ahp, matrix: " + matrix + "}"), "");
  const Json& x = exact.at("weighting").at("ahp");
  const Json& d = c.at("derived");
  check(ctx, "lambda max (eigenvector)", x.at("lambda_max").get<double>(),
        d.at("lambda_max_eigen").get<double>(), 5e-6);
  check(ctx, "CR saaty_1980 (eigenvector)", x.at("consistency_ratio").get<double>(),
        d.at("cr_eigen_saaty_1980").get<double>(), 5e-6);
  for (size_t k = 0; k < n; ++k) {
    check(ctx, "eigenvector weight " + elements[k],
          x.at("priorities").at(elements[k]).get<double>(),
          d.at("weights_eigenvector")[k].get<double>(), 5e-5);
  }
  // Every random-index table of the case, n = 3..15: an inconsistent matrix's CI divided by its
  // CR under a table gives back that table's RI(n).
  for (size_t k = 3; k <= 15; ++k) {
    std::vector<std::string> els;
    std::string m = "[";
    for (size_t i = 0; i < k; ++i) {
      els.push_back(fmt::format("c{}", i + 1));
      m += i ? ", [" : "[";
      for (size_t j = 0; j < k; ++j) {
        const size_t gap = j > i ? j - i : i - j;
        const size_t v = std::min<size_t>(9, gap + 1);
        m += fmt::format("{}{}", j ? ", " : "",
                         j >= i ? fmt::format("{}", v) : fmt::format("\"1/{}\"", v));
      }
      m += "]";
    }
    m += "]";
    const Json r =
        run(ctx,
            weights_only_yaml(els, "{method: ahp, ri_table: donegan_dodd_1991, matrix: " + m + "}"),
            "");
    const Json& ahp = r.at("weighting").at("ahp");
    const double ci = ahp.at("consistency_index").get<double>();
    for (const auto& [table, spec] : c.at("params").at("ri_tables").items()) {
      const std::string size = std::to_string(k);
      if (!spec.at("values").contains(size)) continue;
      const double cr = ahp.at("consistency_ratio_by_table").at(table).get<double>();
      check(ctx, fmt::format("RI({}) of {}", k, table), ci / cr,
            spec.at("values").at(size).get<double>(), 1e-6);
    }
  }
}

void rank_order_weights(Context& ctx, const Json& c) {
  const Json& e = c.at("expected");
  for (const char* method : {"roc", "rank_sum", "rank_reciprocal"}) {
    const std::string key = std::string(method) == "roc"        ? "roc"
                            : std::string(method) == "rank_sum" ? "rs"
                                                                : "rr";
    for (const auto& [size, weights] : e.at(key).items()) {
      const size_t n = static_cast<size_t>(std::stoi(size));
      std::vector<std::string> elements;
      std::string order = "[";
      for (size_t k = 0; k < n; ++k) {
        elements.push_back(fmt::format("c{}", k + 1));
        order += fmt::format("{}c{}", k ? ", " : "", k + 1);
      }
      order += "]";
      const Json r = run(
          ctx, weights_only_yaml(elements, fmt::format("{{method: {}, order: {}}}", method, order)),
          "");
      const auto w = weights_of(r);
      for (size_t k = 0; k < n; ++k) {
        check(ctx, fmt::format("{} n={} position {}", method, n, k + 1), w.at(elements[k]),
              weights[k].get<double>(), tolerance_of(c, key));
        if (std::string(method) == "roc" && n == 4) {
          check(ctx, fmt::format("roc n=4 position {} (printed)", k + 1), w.at(elements[k]),
                e.at("roc_printed_4")[k].get<double>(), tolerance_of(c, "roc_printed_4"));
        }
      }
    }
  }
}

void entropy_weights(Context& ctx, const Json& c) {
  const size_t m = c.at("matrix").at(0).size();
  const std::string yaml =
      framework_yaml(c, std::vector<double>(m, 1.0)) + "weighting: {method: entropy}\n";
  // The criteria's own weights are not used by entropy weighting: drop them.
  std::string cleaned;
  for (size_t pos = 0; pos < yaml.size();) {
    const size_t at = yaml.find(", weight: 1}", pos);
    if (at == std::string::npos) {
      cleaned += yaml.substr(pos);
      break;
    }
    cleaned += yaml.substr(pos, at - pos) + "}";
    pos = at + std::string(", weight: 1}").size();
  }
  const auto w = weights_of(run(ctx, cleaned, ""));
  for (size_t k = 0; k < m; ++k) {
    const std::string id = fmt::format("c{}", k + 1);
    check(ctx, "entropy weight " + id, w.at(id), c.at("expected").at("weights")[k].get<double>(),
          tolerance_of(c, "weights"));
  }
}

void topsis_hwang_yoon_fighter(Context& ctx, const Json& c) {
  const auto weights = c.at("weights").get<std::vector<double>>();
  const Json r = run(ctx, framework_yaml(c, weights), "--method topsis --normalization vector");
  const Json& e = c.at("expected");
  const auto scores = scores_of(r);
  const auto ranks = ranks_of(r);
  const Json& d = r.at("details");
  for (size_t i = 0; i < 4; ++i) {
    const std::string id = fmt::format("a{}", i + 1);
    check(ctx, "closeness " + id, scores.at(id), e.at("closeness")[i].get<double>(),
          tolerance_of(c, "closeness"));
    check(ctx, "rank " + id, ranks.at(id), e.at("ranking")[i].get<double>(), 0);
    check(ctx, "d+ " + id, d.at("options").at(id).at("d_plus").get<double>(),
          e.at("d_plus_book")[i].get<double>(), tolerance_of(c, "d_plus_book"));
    check(ctx, "d- " + id, d.at("options").at(id).at("d_minus").get<double>(),
          e.at("d_minus_book")[i].get<double>(), tolerance_of(c, "d_minus_book"));
  }
  for (size_t j = 0; j < 6; ++j) {
    const std::string id = fmt::format("c{}", j + 1);
    check(ctx, "ideal " + id, d.at("ideal").at(id).get<double>(), e.at("pis_book")[j].get<double>(),
          tolerance_of(c, "pis_book"));
    check(ctx, "anti-ideal " + id, d.at("anti_ideal").at(id).get<double>(),
          e.at("nis_book")[j].get<double>(), tolerance_of(c, "nis_book"));
  }
  // The exact closeness (computed, six decimals).
  for (size_t i = 0; i < 4; ++i) {
    const std::string id = fmt::format("a{}", i + 1);
    check(ctx, "closeness (exact) " + id, scores.at(id),
          c.at("derived").at("closeness_exact")[i].get<double>(), 5e-7);
  }
}

void vikor_opricovic_tzeng_2007(Context& ctx, const Json& c) {
  const double tol = tolerance_of(c, "");
  for (const auto& [set, raw] : c.at("params").at("weight_sets_raw").items()) {
    const auto weights = raw.get<std::vector<double>>();
    const Json r = run(ctx, framework_yaml(c, weights, "method: {name: vikor, v: 0.5}\n"), "");
    const Json& e = c.at("expected").at(set);
    const Json& d = r.at("details");
    const auto ranks = ranks_of(r);
    for (size_t i = 0; i < 6; ++i) {
      const std::string id = fmt::format("a{}", i + 1);
      for (const char* key : {"S", "R", "Q"}) {
        check(ctx, fmt::format("{} {} {}", set, key, id),
              d.at("options").at(id).at(key).get<double>(), e.at(key)[i].get<double>(), tol);
      }
      check(ctx, fmt::format("{} rank by Q {}", set, id), ranks.at(id),
            e.at("ranking_by_Q")[i].get<double>(), 0);
    }
    check_equal(ctx, set + " acceptable advantage", d.at("acceptable_advantage").dump(),
                e.at("acceptable_advantage").dump());
    check_equal(ctx, set + " acceptable stability", d.at("acceptable_stability").dump(),
                e.at("acceptable_stability").dump());
    auto got = d.at("compromise_set").get<std::vector<std::string>>();
    std::sort(got.begin(), got.end());
    std::vector<std::string> want;
    for (const auto& a : e.at("compromise_set")) want.push_back(id_of(a.get<std::string>()));
    std::sort(want.begin(), want.end());
    check_equal(ctx, set + " compromise set", Json(got).dump(), Json(want).dump());
  }
}

void promethee2_papathanasiou_facility(Context& ctx, const Json& c) {
  const auto weights = c.at("weights").get<std::vector<double>>();
  const Json& params = c.at("params");
  const std::string method = fmt::format(
      "method:\n  name: promethee2\n  preference:\n    default: {{function: linear, q: {}, p: "
      "{}}}\n",
      params.at("q")[0].get<double>(), params.at("p")[0].get<double>());
  const Json r = run(ctx, framework_yaml(c, weights, method), "");
  const Json& e = c.at("expected");
  const auto scores = scores_of(r);
  const auto ranks = ranks_of(r);
  const Json& d = r.at("details");
  for (size_t i = 0; i < 6; ++i) {
    const std::string id = fmt::format("a{}", i + 1);
    check(ctx, "net flow " + id, scores.at(id), e.at("net_flows")[i].get<double>(),
          tolerance_of(c, "net_flows"));
    check(ctx, "phi = phi+ - phi- " + id, d.at("options").at(id).at("phi").get<double>(),
          d.at("options").at(id).at("phi_plus").get<double>() -
              d.at("options").at(id).at("phi_minus").get<double>(),
          1e-9);
    check(ctx, "rank " + id, ranks.at(id), e.at("ranking")[i].get<double>(), 0);
  }
}

const std::map<std::string, std::function<void(Context&, const Json&)>>& cases() {
  static const std::map<std::string, std::function<void(Context&, const Json&)>> all = {
      {"wsm_wpm_triantaphyllou", wsm_wpm_triantaphyllou},
      {"ahp_saaty_drinks", ahp_saaty_drinks},
      {"ahp_consistency_ri_tables", ahp_consistency_ri_tables},
      {"rank_order_weights", rank_order_weights},
      {"entropy_weights", entropy_weights},
      {"topsis_hwang_yoon_fighter", topsis_hwang_yoon_fighter},
      {"vikor_opricovic_tzeng_2007", vikor_opricovic_tzeng_2007},
      {"promethee2_papathanasiou_facility", promethee2_papathanasiou_facility},
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
    fmt::print(stderr, "FAIL reference case file {} not found\n", file);
    return 1;
  }
  const auto it = cases().find(argv[2]);
  if (it == cases().end()) {
    fmt::print(stderr, "no checks are written for reference case '{}'\n", argv[2]);
    return 1;
  }
  Context ctx;
  ctx.exe = argv[3];
  std::string scratch =
      (std::filesystem::temp_directory_path() / "tradeoff-refcase-XXXXXX").string();
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
