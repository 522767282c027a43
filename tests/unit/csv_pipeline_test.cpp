// A large table is split into records on a second thread while the first parses them
// (load/csv_pipeline.hpp): the table, its problems (messages, lines, columns, excerpts) and its
// digest are those of reading it on one thread, whatever the pieces it arrives in.
#include "load/csv_pipeline.hpp"

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "load/score_table.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"

namespace {

const std::string kFramework = R"(framework: vendors
criteria:
  - {id: price, name: Price, direction: cost, weight: 3}
  - {id: quality, name: Quality, direction: benefit, scale: [1, 5], weight: 2}
options:
  - {id: seed, scores: {price: 1, quality: 1}}
)";

struct Read {
  tradeoff::ScoreTable table;
  std::vector<std::string> problems;  ///< "line:column: message | excerpt"
  std::string sha256;
};

Read read(const tradeoff::Framework& fw, const std::string& text, size_t piece,
          bool second_thread) {
  tradeoff::loader::TableSpec spec;
  spec.file = "t.csv";
  spec.framework = &fw;
  spec.size_hint = text.size();
  spec.second_thread_from = second_thread ? 0 : static_cast<size_t>(-1);
  tradeoff::DiagnosticSink sink;
  Read out;
  tradeoff::loader::TableText names;
  out.table = tradeoff::loader::read_score_table(
      spec,
      [&](const auto& feed) {
        for (size_t at = 0; at < text.size(); at += piece) {
          feed(std::string_view(text).substr(at, piece));
        }
      },
      sink, &out.sha256, &names);
  for (const auto& d : sink.diagnostics()) {
    out.problems.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) +
                           ": " + d.message + " | " + d.excerpt);
  }
  for (const auto& n : names.names) out.problems.push_back("name: " + n);
  for (const auto& n : names.descriptions) out.problems.push_back("description: " + n);
  return out;
}

/// Reads `text` on one thread and on two, in pieces of several sizes, and checks they agree;
/// returns the one-thread reading.
Read same_on_two_threads(const std::string& text) {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", kFramework);
  const tradeoff::Framework fw = tradeoff::load(reader, "f.yaml").framework;
  const Read one = read(fw, text, 1 << 20, false);
  for (size_t piece : {size_t{1}, size_t{7}, size_t{4096}, size_t{1} << 20}) {
    if (piece == 1 && text.size() > 100000) continue;  // a byte at a time: small tables only
    CAPTURE(piece);
    const Read two = read(fw, text, piece, true);
    CHECK(two.problems == one.problems);
    CHECK(two.sha256 == one.sha256);
    CHECK(two.table.options == one.table.options);
    CHECK(two.table.lines == one.table.lines);
    CHECK(two.table.columns == one.table.columns);
    CHECK(two.table.positions == one.table.positions);
    REQUIRE(two.table.values.size() == one.table.values.size());
    for (size_t k = 0; k < one.table.values.size(); ++k) {
      const double a = one.table.values[k];
      const double b = two.table.values[k];
      if (!(std::isnan(a) && std::isnan(b))) CHECK(a == b);
    }
  }
  return one;
}

/// Rows o<from>, ... of a table: id, price, quality; with `name` a name column after the id,
/// with `description` a description column last.
std::string rows_of(size_t rows, size_t from = 0, bool name = false, bool description = false) {
  std::string text;
  for (size_t i = from; i < from + rows; ++i) {
    text += "o" + std::to_string(i);
    if (name) text += ",opt " + std::to_string(i);
    text += "," + std::to_string(100 + i % 97) + ".25," + std::to_string(1 + i % 5);
    if (description) text += ",d";
    text += "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("a table split on a second thread reads as on one: quotes, CRLF, a BOM, many batches",
          "[table][thread]") {
  const Read r =
      same_on_two_threads("\xEF\xBB\xBFoption,name,price,quality\n" + rows_of(20000, 0, true));
  CHECK(r.table.options.size() == 20000);
  CHECK(r.table.options.back() == "o19999");
  CHECK(r.table.values[2 * 19999] == 100 + 19999 % 97 + 0.25);
  CHECK(r.problems.size() == 20000);  // the names
  const Read q = same_on_two_threads(
      "\xEF\xBB\xBFoption,name,price,quality,description\r\n"
      "a,\"x, y\",10,2,\"two\nlines\"\r\n"
      "b,\"say \"\"hi\"\"\",20,3,plain\n" +
      rows_of(20000, 0, true, true));
  CHECK(q.table.options.size() == 20002);
  CHECK(q.table.lines[2] == 5);  // "two\nlines" takes lines 2 and 3
  CHECK(q.problems.at(1) == "name: say \"hi\"");
}

TEST_CASE("a table split on a second thread has the same problems, in the same order",
          "[table][thread]") {
  const std::string header = "option,price,quality\n";
  // Problems in the middle of a batch, at its end, past the first batch, and at the end.
  const Read r =
      same_on_two_threads(header + rows_of(3000) + "bad,cheap,3\n" + "short,1\n" +
                          rows_of(3000, 3000) + "o5,1,2\n" + "q,\"a\"b,2\n" + rows_of(10, 9000));
  CHECK(r.problems ==
        std::vector<std::string>{
            "3002:5: the score of 'bad' on 'price' is not a number: 'cheap' | bad,cheap,3",
            "3003:8: this row has 2 cells; the header has 3 | short,1",
            "6004:1: option 'o5' has two rows; the first is on line 7 | o5,1,2",
            "6005:6: text after a closing quote; a quote inside a quoted cell is written twice "
            "(\"\") | q,\"a\"b,2"});
  // Past the limit of errors, reading stops: the same errors either way.
  std::string many = header;
  for (int i = 0; i < 200; ++i) many += "x" + std::to_string(i) + ",dear,9\n";
  const Read stopped = same_on_two_threads(many + rows_of(5000));
  REQUIRE_FALSE(stopped.problems.empty());
  CHECK(stopped.problems.size() < 40);
  CHECK(stopped.table.options.size() < 200);
  // A quote left open at the end, and a file with nothing but a header.
  const Read open = same_on_two_threads(header + rows_of(4000) + "z,\"1,2\n");
  CHECK(open.problems ==
        std::vector<std::string>{
            "4002:3: a quoted cell is not closed: the file ends inside it | z,\"1,2"});
  CHECK(same_on_two_threads(header).table.options.empty());
}

TEST_CASE("a failure while reading is thrown after the rows before it, on either thread count",
          "[table][thread]") {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", kFramework);
  const tradeoff::Framework fw = tradeoff::load(reader, "f.yaml").framework;
  const std::string text = "option,price,quality\n" + rows_of(5000);
  for (bool second_thread : {false, true}) {
    CAPTURE(second_thread);
    tradeoff::loader::TableSpec spec;
    spec.file = "t.csv";
    spec.framework = &fw;
    spec.second_thread_from = second_thread ? 0 : static_cast<size_t>(-1);
    tradeoff::DiagnosticSink sink;
    CHECK_THROWS_WITH(tradeoff::loader::read_score_table(
                          spec,
                          [&](const auto& feed) {
                            feed(std::string_view(text).substr(0, 100000));
                            throw std::runtime_error("the disk went away");
                          },
                          sink),
                      "the disk went away");
  }
}

TEST_CASE("the splitting thread parses the cells' numbers ahead as the reading thread would",
          "[table][thread]") {
  using tradeoff::loader::ParseAhead;
  const std::string text =
      "option,price,quality\n" + rows_of(3000) + "x, +1.5e3 ,\"2\"\ny,1e999,\"\"\"3\"\"\"\nz,,-0\n";
  for (ParseAhead ahead : {ParseAhead::Always, ParseAhead::Never, ParseAhead::WhenBehind}) {
    CAPTURE(static_cast<int>(ahead));
    size_t fields = 0;
    size_t parsed = 0;
    tradeoff::loader::split_on_second_thread(
        ',', 1 << 20,
        [&](const auto& feed) {
          for (size_t at = 0; at < text.size(); at += 1000) {
            feed(std::string_view(text).substr(at, 1000));
          }
        },
        nullptr,
        [&](const tradeoff::loader::CsvRecord& r) {
          for (const auto& f : r.fields) {
            ++fields;
            if (f.parsed < 0) continue;
            ++parsed;
            const auto number = tradeoff::loader::parse_cell(tradeoff::loader::trim_blanks(f.text));
            CHECK(f.parsed == (number ? 1 : 0));
            if (number) CHECK(f.number == *number);
          }
          return true;
        },
        [](uint32_t, uint32_t, const std::string&, std::string_view) { FAIL("no error"); }, ahead);
    CHECK(fields == 3 * 3004);
    if (ahead == ParseAhead::Always) CHECK(parsed == fields);
    if (ahead == ParseAhead::Never) CHECK(parsed == 0);
  }
}
