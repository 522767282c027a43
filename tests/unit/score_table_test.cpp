// Tables of scores (`scores_from:`): splitting RFC 4180 text as it streams, reading a table
// against a framework, and what a table becomes once loaded and evaluated. Every message a table
// can give is in the golden cases (tests/golden/scores_from/).
#include "load/score_table.hpp"

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "load/csv_records.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::DiagnosticSink;
using tradeoff::Error;
using tradeoff::MemoryReader;
using tradeoff::loader::CsvRecord;
using tradeoff::loader::CsvSplitter;

namespace {

/// A field as the tests compare it: "line:column:text".
struct Split {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> errors;
};

/// Splits `text` fed in pieces of `piece` bytes (0: whole).
Split split(const std::string& text, size_t piece = 0, char delimiter = ',') {
  Split out;
  CsvSplitter splitter(
      delimiter, 1 << 20,
      [&](const CsvRecord& r) {
        std::vector<std::string> fields;
        for (const auto& f : r.fields) {
          fields.push_back(std::to_string(f.line) + ":" + std::to_string(f.column) + ":" +
                           std::string(f.text));
        }
        out.records.push_back(std::move(fields));
        return true;
      },
      [&](uint32_t line, uint32_t column, const std::string& message, std::string_view) {
        out.errors.push_back(std::to_string(line) + ":" + std::to_string(column) + ": " + message);
      });
  if (piece == 0) {
    splitter.feed(text);
  } else {
    for (size_t at = 0; at < text.size(); at += piece) splitter.feed(text.substr(at, piece));
  }
  splitter.finish();
  return out;
}

const std::string kFramework = R"(framework: vendors
scores_from: scores.csv
criteria:
  - {id: price, name: Price, direction: cost, weight: 3}
  - {id: quality, name: Quality, direction: benefit, scale: [1, 5], weight: 2}
options:
  - {id: acme, name: ACME Corp, scores: {quality: 4}}
rules:
  - id: promo
    when: "true"
    adjust: [{option: beta, criterion: quality, add: 1}]
    because: Beta's promotion adds a support engineer.
)";

}  // namespace

TEST_CASE("records split by RFC 4180: quotes, doubled quotes, CRLF, a BOM, line breaks in cells",
          "[table]") {
  const std::string text =
      "\xEF\xBB\xBFoption,name\r\n"
      "a,\"x, y\"\r\n"
      "b,\"say \"\"hi\"\"\"\n"
      "c,\"two\nlines\",z\n"
      "d,";
  const Split s = split(text);
  CHECK(s.errors.empty());
  REQUIRE(s.records.size() == 5);
  CHECK(s.records[0] == std::vector<std::string>{"1:1:option", "1:8:name"});
  CHECK(s.records[1] == std::vector<std::string>{"2:1:a", "2:3:x, y"});
  CHECK(s.records[2] == std::vector<std::string>{"3:1:b", "3:3:say \"hi\""});
  // The field after a line break inside quotes is on the next line, at its own column.
  CHECK(s.records[3] == std::vector<std::string>{"4:1:c", "4:3:two\nlines", "5:8:z"});
  CHECK(s.records[4] == std::vector<std::string>{"6:1:d", "6:3:"});
  // Whatever pieces the text streams in, the records are the same.
  for (size_t piece = 1; piece <= text.size(); ++piece) {
    INFO("piece " << piece);
    const Split p = split(text, piece);
    CHECK(p.records == s.records);
    CHECK(p.errors.empty());
  }
}

TEST_CASE("malformed records are refused at their line and column", "[table]") {
  CHECK(split("a,\"open\nb,c\n").errors ==
        std::vector<std::string>{"1:3: a quoted cell is not closed: the file ends inside it"});
  CHECK(split("a,\"x\"y\n").errors ==
        std::vector<std::string>{"1:6: text after a closing quote; a quote inside a quoted cell "
                                 "is written twice (\"\")"});
  CHECK(split("a,b\"c\n").errors ==
        std::vector<std::string>{"1:4: a quote inside an unquoted cell; quote the whole cell and "
                                 "write the quote twice"});
  // Tabs split a TSV; commas are then text.
  const Split tsv = split("a\tb,c\n", 0, '\t');
  REQUIRE(tsv.records.size() == 1);
  CHECK(tsv.records[0] == std::vector<std::string>{"1:1:a", "1:3:b,c"});
}

TEST_CASE("a malformed record quotes its whole line, whatever the pieces it came in", "[table]") {
  const std::string text = "h,i\nq,\"a\"b,2,long tail\r\nnext,1\n";
  for (size_t piece : {size_t{1}, size_t{5}, size_t{9}, text.size()}) {
    CAPTURE(piece);
    std::vector<std::string> excerpts;
    CsvSplitter splitter(
        ',', 1 << 20, [](const CsvRecord&) { return true; },
        [&](uint32_t line, uint32_t column, const std::string&, std::string_view excerpt) {
          excerpts.push_back(std::to_string(line) + ":" + std::to_string(column) + " " +
                             std::string(excerpt));
        });
    for (size_t at = 0; at < text.size(); at += piece) splitter.feed(text.substr(at, piece));
    splitter.finish();
    CHECK(excerpts == std::vector<std::string>{"2:6 q,\"a\"b,2,long tail"});
  }
  // A quote left open: the excerpt is what there is, once the text has ended.
  std::vector<std::string> open_excerpts;
  CsvSplitter open(
      ',', 1 << 20, [](const CsvRecord&) { return true; },
      [&](uint32_t, uint32_t, const std::string&, std::string_view excerpt) {
        open_excerpts.emplace_back(excerpt);
      });
  open.feed("a,\"op");
  open.feed("en");
  open.finish();
  CHECK(open_excerpts == std::vector<std::string>{"a,\"open"});
}

TEST_CASE("a framework's table: its rows become options, its cells scores", "[table]") {
  MemoryReader reader;
  reader.add("f.yaml", kFramework);
  reader.add("scores.csv",
             "option,name,price,quality,rank,quality.contribution\n"
             "acme,,100,,1,0.5\n"
             "\n"
             "beta,Beta Inc,+80,3,2,0.2\n"
             "gamma,,1.2e2,5,,\n");
  const auto loaded = tradeoff::load(reader, "f.yaml");
  const auto& fw = loaded.framework;
  REQUIRE(fw.options.size() == 3);
  CHECK(fw.options[0].name == "ACME Corp");
  CHECK(fw.options[1].id == "beta");
  CHECK(fw.options[1].name == "Beta Inc");
  CHECK(fw.options[2].name == "gamma");  // no name given: its id
  REQUIRE(fw.table != nullptr);
  CHECK(fw.table->criteria == std::vector<std::string>{"price", "quality"});
  CHECK(fw.table->value(0, 0) == 100);
  CHECK(std::isnan(fw.table->value(0, 1)));  // acme's quality is in YAML
  CHECK(fw.table->value(1, 0) == 80);
  CHECK(fw.table->value(2, 0) == 120);
  CHECK(fw.table->location(2, 1).line == 5);
  CHECK(fw.table->location(2, 1).column == 14);
  // The table is a file of the framework, with its digest.
  REQUIRE(fw.files.size() == 2);
  CHECK(fw.files[1].path == "scores.csv");
  CHECK(fw.files[1].sha256.size() == 64);
  // Complete rows: acme's quality is in YAML, not in the table.
  CHECK_FALSE(fw.table->complete_row(0));
  CHECK(fw.table->complete_row(1));
  CHECK(fw.table->complete_row(2));
  CHECK_FALSE(fw.table->complete_row(3));  // no such option
  // An option a row adds is at its row, with no file of its own: the table's.
  CHECK(fw.options[0].where.file == "f.yaml");
  CHECK(fw.options[2].where.file.empty());
  CHECK(fw.options[2].where.line == 5);
  CHECK(fw.options[2].where.column == 1);

  const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
  // Price (weight 3/5) min-max: acme 0.5, beta 1, gamma 0; quality on [1, 5]: acme 0.75,
  // beta 0.75 (3 + 1 by the rule), gamma 1.
  REQUIRE(r.ranking.size() == 3);
  CHECK(r.ranking[0].option == "beta");
  CHECK(r.ranking[0].score == Approx(0.6 * 1 + 0.4 * 0.75));
  CHECK(r.ranking[1].option == "acme");
  CHECK(r.ranking[1].score == Approx(0.6 * 0.5 + 0.4 * 0.75));
  CHECK(r.ranking[2].score == Approx(0.4));
  CHECK(r.options[1].raw == std::vector<double>{80, 4});
  // No reasons anywhere: none are kept per cell.
  CHECK(r.options[1].because.empty());
}

TEST_CASE("an assessment's table overrides scores; the rules leave them; YAML overrides it",
          "[table]") {
  MemoryReader reader;
  reader.add("f.yaml", kFramework);
  reader.add("scores.csv", "option,price,quality\nacme,100,\nbeta,80,3\ngamma,120,5\n");
  reader.add("a.yaml",
             "assessment: a\nframework: f.yaml\nscores_from: quotes.tsv\n"
             "scores: {gamma: {price: {value: 95, because: quoted}}}\n");
  reader.add("quotes.tsv", "option\tprice\tquality\nbeta\t\t2\ngamma\t90\t\n");
  const auto loaded = tradeoff::load(reader, "a.yaml");
  REQUIRE(loaded.assessment.has_value());
  const tradeoff::Result r = tradeoff::evaluate(loaded.framework, &*loaded.assessment);
  const auto* beta = r.option("beta");
  const auto* gamma = r.option("gamma");
  REQUIRE(beta != nullptr);
  REQUIRE(gamma != nullptr);
  CHECK(beta->raw == std::vector<double>{80, 2});  // the rule's +1 is not applied
  CHECK(beta->overridden == std::vector<bool>{false, true});
  CHECK(gamma->raw == std::vector<double>{95, 5});  // YAML over the table
  CHECK(gamma->because == std::vector<std::string>{"quoted", ""});
  REQUIRE(r.rules.size() == 1);
  REQUIRE(r.rules[0].effects.size() == 1);
  CHECK_FALSE(r.rules[0].effects[0].applied);
  CHECK(loaded.assessment->files.back().path == "quotes.tsv");
}

TEST_CASE("a table stops after twenty problems", "[table]") {
  std::string csv = "option,price,quality\n";
  for (int i = 0; i < 30; ++i) csv += "o" + std::to_string(i) + ",x,1\n";
  MemoryReader reader;
  reader.add("f.yaml", kFramework);
  reader.add("scores.csv", csv);
  try {
    (void)tradeoff::load(reader, "f.yaml");
    FAIL("loaded");
  } catch (const Error& e) {
    // Twenty problems and the note, plus the rule's reference to beta, which no longer loads.
    REQUIRE(e.diagnostics().size() == 22);
    CHECK(e.diagnostics()[0].message == "the score of 'o0' on 'price' is not a number: 'x'");
    CHECK(e.diagnostics()[0].where.line == 2);
    CHECK(e.diagnostics()[0].where.column == 4);
    CHECK(e.diagnostics()[20].message == "too many problems in this table; stopped after 20");
    CHECK(e.diagnostics()[21].message == "unknown option 'beta' in 'adjust' of rule 'promo'");
  }
}

TEST_CASE("the table's digest is the SHA-256 of its bytes, whatever pieces they stream in",
          "[table]") {
  tradeoff::Framework fw;
  fw.id = "f";
  fw.criteria.push_back({});
  fw.criteria.back().id = "c";
  tradeoff::loader::TableSpec spec;
  spec.file = "t.csv";
  spec.framework = &fw;
  const std::string text = "option,c\na,1\nb,2\n";
  std::string whole;
  std::string pieces;
  DiagnosticSink sink;
  const auto one = tradeoff::loader::read_score_table(
      spec, [&](const auto& sink_piece) { sink_piece(text); }, sink, &whole);
  const auto two = tradeoff::loader::read_score_table(
      spec,
      [&](const auto& sink_piece) {
        for (char c : text) sink_piece(std::string_view(&c, 1));
      },
      sink, &pieces);
  CHECK_FALSE(sink.has_errors());
  // printf 'option,c\na,1\nb,2\n' | sha256sum
  CHECK(whole == "d91236d3f2bf6b7f738de6085ec7409deaacea43545ce19608b0677e8a434cb8");
  CHECK(pieces == whole);
  CHECK(one.values == std::vector<double>{1, 2});
  CHECK(two.values == one.values);
  CHECK(one.options == std::vector<std::string>{"a", "b"});
}

TEST_CASE("cells keep their place in both forms: a column, or lines below and a column",
          "[table]") {
  const auto located = [](const std::string& table) {
    MemoryReader reader;
    reader.add("f.yaml",
               "framework: vendors\nscores_from: scores.csv\ncriteria:\n"
               "  - {id: price, name: Price, direction: cost, weight: 3}\n"
               "  - {id: quality, name: Quality, direction: benefit, weight: 2}\n");
    reader.add("scores.csv", table);
    const tradeoff::Framework fw = tradeoff::load(reader, "f.yaml").framework;
    REQUIRE(fw.table != nullptr);
    std::vector<std::string> out;
    for (size_t i = 0; i < fw.options.size(); ++i) {
      for (size_t j = 0; j < fw.criteria.size(); ++j) {
        const tradeoff::SourceLocation at = fw.table->location(i, j);
        out.push_back(std::to_string(at.line) + ":" + std::to_string(at.column));
      }
    }
    return std::make_pair(out, fw.table->positions.empty());
  };
  // Plain rows: a 16-bit column per cell.
  const auto plain = located("option,name,price,quality\nacme,,100,3\nbeta,,80,4\ngamma,,120,5\n");
  CHECK(plain.first == std::vector<std::string>{"2:7", "2:11", "3:7", "3:10", "4:8", "4:12"});
  CHECK(plain.second);
  // A name broken over two lines moves acme's scores to line 3: every cell is widened.
  const auto broken =
      located("option,name,price,quality\nacme,\"Acme\nCorp\",100,3\nbeta,,80,4\ngamma,,120,5\n");
  CHECK(broken.first == std::vector<std::string>{"3:7", "3:11", "4:7", "4:10", "5:8", "5:12"});
  CHECK_FALSE(broken.second);
}

TEST_CASE("a table of many options ranks its ties by id", "[table][rank]") {
  // 2,000 options (ranked by radix) on 50 levels: 40 options tie on each, listed in reverse
  // order of their ids; each tie is ranked by id and shares the rank of its first.
  std::string csv = "option,price,quality\n";
  for (int i = 1999; i >= 0; --i) {
    csv += fmt::format("o{:04},{},3\n", i, 100 + i % 50);
  }
  MemoryReader reader;
  reader.add("f.yaml", R"(framework: many
scores_from: scores.csv
criteria:
  - {id: price, name: Price, direction: cost, weight: 3}
  - {id: quality, name: Quality, direction: benefit, weight: 2}
)");
  reader.add("scores.csv", csv);
  const auto loaded = tradeoff::load(reader, "f.yaml");
  const tradeoff::Result r = tradeoff::evaluate(loaded.framework, nullptr);
  REQUIRE(r.ranking.size() == 2000);
  // Price is a cost: the cheapest level (100: i % 50 == 0) first, o0000, o0050, ... by id.
  CHECK(r.ranking[0].option == "o0000");
  CHECK(r.ranking[1].option == "o0050");
  CHECK(r.ranking[39].option == "o1950");
  CHECK(r.ranking[40].option == "o0001");
  CHECK(r.ranking[40].rank == 41);
  CHECK(r.ranking[1999].option == "o1999");
  for (size_t x = 0; x < r.ranking.size(); ++x) {
    CAPTURE(x);
    CHECK(r.ranking[x].rank == static_cast<int>(x / 40 * 40 + 1));
    if (x % 40 != 0) CHECK(r.ranking[x - 1].option < r.ranking[x].option);
  }
}

TEST_CASE("a memory reader streams a table in 1 MiB pieces and knows its size", "[table][reader]") {
  // Its size lets a large table reserve its matrix and split on a second thread, as a file's
  // does; its pieces are views of the text, not a copy of it.
  MemoryReader reader;
  const std::string text(2'500'000, 'x');
  reader.add("big.csv", text);
  CHECK(reader.size("big.csv") == std::optional<std::size_t>(2'500'000));
  CHECK_FALSE(reader.size("none.csv").has_value());
  std::vector<std::size_t> pieces;
  std::string joined;
  reader.stream("big.csv", [&](std::string_view piece) {
    pieces.push_back(piece.size());
    joined.append(piece);
  });
  CHECK(pieces == std::vector<std::size_t>{1 << 20, 1 << 20, 2'500'000 - (2 << 20)});
  CHECK(joined == text);
  CHECK_THROWS_AS(reader.stream("none.csv", [](std::string_view) {}), Error);
  // A built-in file streams whole.
  std::size_t builtin = 0;
  reader.stream("builtin:frameworks/llm_build_vs_buy.yaml",
                [&](std::string_view piece) { builtin += piece.size(); });
  CHECK(builtin > 1000);
}
