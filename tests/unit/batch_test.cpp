// `tradeoff batch`: rows in input order whatever the number of threads, each framework loaded
// once, a bad file reported in its row while the others run, folders expanded, CSV and JSON.
#include "tradeoff/batch.hpp"

#include <atomic>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/sensitivity.hpp"

using tradeoff::BatchInput;
using tradeoff::BatchOptions;
using tradeoff::BatchRow;

namespace {

// a = 0.8, b = 0.77333, c = 0.2 (see check_test.cpp); `cheap` makes c the cheapest and best,
// (1 + 2 x 0.9) / 3 = 0.93333, ahead of a by 0.13333.
const std::string kFramework = R"yaml(framework: f
inputs:
  cheap: {type: boolean, default: false}
criteria:
  - {id: price, direction: cost, scale: [0, 10], weight: 1}
  - {id: quality, direction: benefit, scale: [0, 10], weight: 2}
options:
  - {id: a, scores: {price: 2, quality: 8}}
  - {id: b, scores: {price: 4, quality: 8.6}}
  - {id: c, scores: {price: "if(cheap, 0, 9)", quality: "if(cheap, 9, 3)"}}
)yaml";

/// Files shared by every thread's reader (read-only once the test starts), counting how often
/// the framework is read.
struct Files {
  std::map<std::string, std::string> text;
  std::atomic<int> framework_reads{0};
};

class SharedReader : public tradeoff::SourceReader {
 public:
  explicit SharedReader(Files& files) : files_(files) {}
  std::string read(const std::string& path) override {
    if (path == "f.yaml") ++files_.framework_reads;
    if (path.rfind("builtin:", 0) == 0) return builtin_.read(path);
    const auto it = files_.text.find(path);
    if (it == files_.text.end()) {
      tradeoff::fail(tradeoff::ErrorCode::Io, {path, 0, 0}, "no such file");
    }
    return it->second;
  }
  bool exists(const std::string& path) override {
    return path.rfind("builtin:", 0) == 0 ? builtin_.exists(path) : files_.text.count(path) > 0;
  }
  std::vector<std::string> list(const std::string& dir) override {
    std::vector<std::string> out;
    for (const auto& [path, text] : files_.text) {
      const bool yaml = path.size() > 5 && path.compare(path.size() - 5, 5, ".yaml") == 0;
      if (yaml && path.rfind(dir + "/", 0) == 0) out.push_back(path.substr(dir.size() + 1));
    }
    return out;
  }
  bool is_directory(const std::string& path) override { return path == "folder"; }

 private:
  Files& files_;
  tradeoff::MemoryReader builtin_;
};

std::string assessment(const std::string& id, bool cheap) {
  return "assessment: " + id +
         "\nframework: f.yaml\ninputs: {cheap: " + (cheap ? "true" : "false") + "}\n";
}

std::vector<BatchRow> run(Files& files, const std::vector<std::string>& args,
                          BatchOptions options = {}) {
  SharedReader lister(files);
  const auto inputs = tradeoff::batch_inputs(lister, args);
  return tradeoff::run_batch(
      inputs, [&files] { return std::make_unique<SharedReader>(files); }, options);
}

std::string render(const std::vector<BatchRow>& rows, tradeoff::Format format) {
  std::ostringstream out;
  tradeoff::render_batch(rows, format, out);
  return out.str();
}

/// Twelve assessments, every third one where c wins, and one broken file among them.
void portfolio(Files& files) {
  files.text["f.yaml"] = kFramework;
  for (int k = 0; k < 12; ++k) {
    files.text["a" + std::to_string(k) + ".yaml"] =
        assessment("case_" + std::to_string(k), k % 3 == 0);
  }
  files.text["a5.yaml"] = "assessment: broken\nframework: f.yaml\ninputs: {cheep: true}\n";
}

std::vector<std::string> names() {
  std::vector<std::string> out;
  for (int k = 0; k < 12; ++k) out.push_back("a" + std::to_string(k) + ".yaml");
  return out;
}

}  // namespace

TEST_CASE("batch: one row per file in input order, as evaluate() ranks it", "[batch]") {
  Files files;
  portfolio(files);
  const auto rows = run(files, names());
  REQUIRE(rows.size() == 12);
  tradeoff::MemoryReader reader;
  for (const auto& [path, text] : files.text) reader.add(path, text);
  for (size_t k = 0; k < rows.size(); ++k) {
    CAPTURE(k);
    CHECK(rows[k].file == names()[k]);
    if (k == 5) continue;
    const auto loaded = tradeoff::load(reader, rows[k].file);
    const auto r = tradeoff::evaluate(loaded.framework, &*loaded.assessment);
    CHECK(rows[k].ok);
    CHECK(rows[k].assessment == "case_" + std::to_string(k));
    CHECK(rows[k].framework == "f");
    CHECK(rows[k].winner == r.explanation.winner);
    CHECK(rows[k].runner_up == r.explanation.runner_up);
    CHECK(*rows[k].margin == r.explanation.margin);
    CHECK_FALSE(rows[k].confidence);
    CHECK(rows[k].files == std::vector<std::string>{"f.yaml", rows[k].file});
  }
  CHECK(rows[0].winner == "c");
  CHECK(rows[1].winner == "a");
  CHECK(rows[1].runner_up == "b");
  tradeoff::test::check_close(*rows[1].margin, 0.8 - 2.32 / 3);
}

TEST_CASE("batch: a bad file is reported in its row and the others still run", "[batch]") {
  Files files;
  portfolio(files);
  const auto rows = run(files, names());
  const BatchRow& bad = rows[5];
  CHECK_FALSE(bad.ok);
  CHECK(bad.assessment.empty());
  CHECK(bad.winner.empty());
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(tradeoff::test::brief(bad.diagnostics[0]) ==
        "3:10: unknown input 'cheep'; framework 'f' has no such input");
  int ok = 0;
  for (const auto& r : rows) ok += r.ok ? 1 : 0;
  CHECK(ok == 11);
  const std::string csv = render(rows, tradeoff::Format::Csv);
  CHECK(csv.substr(0, csv.find("a6.yaml")) ==
        "file,assessment,framework,winner,runner_up,margin,confidence,status,error\r\n"
        "a0.yaml,case_0,f,c,a,0.133333333333,,ok,\r\n"
        "a1.yaml,case_1,f,a,b,0.0266666666667,,ok,\r\n"
        "a2.yaml,case_2,f,a,b,0.0266666666667,,ok,\r\n"
        "a3.yaml,case_3,f,c,a,0.133333333333,,ok,\r\n"
        "a4.yaml,case_4,f,a,b,0.0266666666667,,ok,\r\n"
        "a5.yaml,,,,,,,error,\"a5.yaml:3:10: unknown input 'cheep'; framework 'f' has no such "
        "input [unknown-reference]\"\r\n");
}

TEST_CASE("batch: each framework is loaded once, however many files use it", "[batch]") {
  Files once;
  once.text["f.yaml"] = kFramework;
  SharedReader reader(once);
  tradeoff::load_framework(reader, "f.yaml");
  const int one_load = once.framework_reads;
  REQUIRE(one_load > 0);
  Files files;
  portfolio(files);
  BatchOptions options;
  options.jobs = 2;
  run(files, names(), options);
  CHECK(files.framework_reads == one_load);
}

TEST_CASE("batch: the same bytes on one thread and on several", "[batch]") {
  Files files;
  portfolio(files);
  BatchOptions one;
  one.jobs = 1;
  one.samples = 300;
  BatchOptions three = one;
  three.jobs = 3;
  const auto a = run(files, names(), one);
  const auto b = run(files, names(), three);
  CHECK(render(a, tradeoff::Format::Csv) == render(b, tradeoff::Format::Csv));
  CHECK(render(a, tradeoff::Format::Json) == render(b, tradeoff::Format::Json));
}

TEST_CASE("batch: the confidence column samples as sensitivity does", "[batch]") {
  Files files;
  portfolio(files);
  BatchOptions options;
  options.samples = 500;
  options.seed = 9;
  const auto rows = run(files, {"a1.yaml"}, options);
  REQUIRE(rows.size() == 1);
  tradeoff::MemoryReader reader;
  for (const auto& [path, text] : files.text) reader.add(path, text);
  const auto loaded = tradeoff::load(reader, "a1.yaml");
  tradeoff::SmaaOptions s;
  s.samples = 500;
  s.seed = 9;
  const auto smaa = tradeoff::smaa(loaded.framework, &*loaded.assessment, {}, s);
  REQUIRE(rows[0].confidence);
  CHECK(*rows[0].confidence == smaa.confidence);
  CHECK(smaa.confidence > 0.5);
  CHECK(smaa.confidence < 1);
}

TEST_CASE("batch: a folder's assessments in name order; its framework is no row", "[batch]") {
  Files files;
  files.text["folder/f.yaml"] = kFramework;
  files.text["folder/b.yaml"] = "assessment: second\nframework: f.yaml\n";
  files.text["folder/a.yaml"] = "assessment: first\nframework: f.yaml\n";
  files.text["folder/notes.txt"] = "not YAML";
  files.text["folder/bad.yaml"] = "assessment: [\n";
  files.text["f.yaml"] = kFramework;
  const auto rows = run(files, {"folder", "f.yaml"});
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].file == "folder/a.yaml");
  CHECK(rows[0].assessment == "first");
  CHECK(rows[0].files == std::vector<std::string>{"folder/f.yaml", "folder/a.yaml"});
  CHECK(rows[1].file == "folder/b.yaml");
  CHECK(rows[2].file == "folder/bad.yaml");  // not YAML: reported, not skipped
  CHECK_FALSE(rows[2].ok);
  CHECK(rows[3].file == "f.yaml");  // named on its own: a framework is an error
  CHECK(tradeoff::test::brief(rows[3].diagnostics.at(0)) ==
        "1:1: expected an assessment file, got a framework file");
}

TEST_CASE("batch: CSV quotes what needs quoting and keeps formulas inert", "[batch]") {
  BatchRow row;
  row.file = "a, \"b\".yaml";
  row.assessment = "x";
  row.framework = "=cmd";
  row.winner = "w";
  row.ok = true;
  row.margin = 0.5;
  row.confidence = 1;
  CHECK(render({row}, tradeoff::Format::Csv) ==
        "file,assessment,framework,winner,runner_up,margin,confidence,status,error\r\n"
        "\"a, \"\"b\"\".yaml\",x,'=cmd,w,,0.5,1,ok,\r\n");
  CHECK(render({row}, tradeoff::Format::Json) == R"([
  {
    "file": "a, \"b\".yaml",
    "assessment": "x",
    "framework": "=cmd",
    "winner": "w",
    "runner_up": null,
    "margin": 0.5,
    "confidence": 1,
    "status": "ok",
    "error": null,
    "diagnostics": []
  }
]
)");
}

TEST_CASE("batch: a row keeps the evaluation's warnings, and the framework's go once", "[batch]") {
  // Two rules set b's price differently: evaluate() warns, and so does the row.
  Files files;
  files.text["f.yaml"] = kFramework + R"(rules:
  - {id: first, when: cheap, adjust: [{option: b, criterion: price, set: 1}], because: one}
  - {id: second, when: cheap, adjust: [{option: b, criterion: price, set: 2}], because: two}
)";
  files.text["a.yaml"] = assessment("a", true);
  files.text["b.yaml"] = assessment("b", true);
  const auto rows = run(files, {"a.yaml", "b.yaml"});
  tradeoff::MemoryReader reader;
  for (const auto& [path, text] : files.text) reader.add(path, text);
  const auto loaded = tradeoff::load(reader, "a.yaml");
  const auto r = tradeoff::evaluate(loaded.framework, &*loaded.assessment);
  REQUIRE(r.warnings.size() == 1);
  for (const auto& row : rows) {
    REQUIRE(row.diagnostics.size() == 1);
    CHECK(row.diagnostics[0].message == r.warnings[0].message);
    CHECK(tradeoff::test::brief(row.diagnostics[0]) ==
          "13:40: rules 'first' and 'second' set the score of 'b' on 'price' differently (1 and "
          "2); the later rule, 'second', wins");
  }
  // A framework's own warnings come with the first row that uses it, not with every row.
  files.text["f.yaml"] = R"(framework: f
criteria:
  - {id: cost, direction: cost, weight: 1,
     value_function: {points: [[0, 0], [10, 1]]}}
  - {id: quality, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {cost: 2, quality: 8}}
  - {id: b, scores: {cost: 4, quality: 9}}
)";
  files.text["a.yaml"] = "assessment: a\nframework: f.yaml\n";
  files.text["b.yaml"] = "assessment: b\nframework: f.yaml\n";
  const auto warned = run(files, {"a.yaml", "b.yaml"});
  REQUIRE(warned[0].diagnostics.size() == 1);
  CHECK(warned[0].diagnostics[0].severity == tradeoff::Severity::Warning);
  CHECK(warned[0].diagnostics[0].where.file == "f.yaml");
  CHECK(warned[1].diagnostics.empty());
}
