// The event-level YAML reader: positions, styles, and refusal of hostile input.
#include "load/yaml_tree.hpp"

#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "test_support.hpp"

using tradeoff::test::expect_error;
namespace yaml = tradeoff::yaml;

TEST_CASE("scalars keep their 1-based position and style", "[yaml]") {
  const auto doc = yaml::parse("f.yaml", R"(a: 1
b: 'x'
c: "y"
d: |
  z
)");
  REQUIRE(doc.root.is_mapping());
  REQUIRE(doc.root.entries.size() == 4);
  const auto& [ka, va] = doc.root.entries[0];
  CHECK(ka.line == 1);
  CHECK(ka.column == 1);
  CHECK(va.column == 4);
  CHECK(va.style == yaml::Style::Plain);
  CHECK(doc.root.entries[1].second.style == yaml::Style::SingleQuoted);
  CHECK(doc.root.entries[2].second.style == yaml::Style::DoubleQuoted);
  CHECK(doc.root.entries[3].second.style == yaml::Style::Literal);
  CHECK(doc.root.entries[3].second.scalar == "z\n");
}

TEST_CASE("duplicate keys are refused with both lines", "[yaml][errors]") {
  const auto d = expect_error([] { yaml::parse("f.yaml", "a: 1\nb: 2\na: 3\n"); });
  CHECK(d.code == tradeoff::ErrorCode::DuplicateKey);
  CHECK(d.message == "duplicate key 'a' (first given on line 1)");
  CHECK(d.where.line == 3);
  CHECK(d.where.column == 1);
}

TEST_CASE("aliases and anchors are refused before any expansion", "[yaml][errors]") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" +
            static_cast<char>(c - 1) + "]\n";
  }
  const auto d = expect_error([&] { yaml::parse("f.yaml", bomb); });
  CHECK(d.code == tradeoff::ErrorCode::YamlLimit);
  CHECK(d.where.line == 1);
  CHECK(d.where.column == 4);
}

TEST_CASE("nesting deeper than the limit is refused", "[yaml][errors]") {
  const std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const auto d = expect_error([&] { yaml::parse("f.yaml", deep); });
  CHECK(d.code == tradeoff::ErrorCode::YamlLimit);
  CHECK(d.message == "YAML nesting is deeper than 64 levels");
}

TEST_CASE("more nodes than the limit are refused at the first node too many", "[yaml][errors]") {
  // The sequence, then scalar k at byte 1 + 2 (k - 1): the 2,000,000th scalar is one too many.
  std::string many = "[";
  for (int k = 0; k < 2'000'001; ++k) many += "1,";
  many.back() = ']';
  const auto d = expect_error([&] { yaml::parse("f.yaml", std::move(many)); });
  CHECK(d.code == tradeoff::ErrorCode::YamlLimit);
  CHECK(d.message == "too many YAML nodes (the limit is 2000000)");
  CHECK(d.where.line == 1);
  CHECK(d.where.column == 4'000'000);
}

TEST_CASE("a NUL byte is refused at its line and column", "[yaml][errors]") {
  using namespace std::string_literals;
  const auto at = [](std::string text) {
    const auto d = expect_error([&] { yaml::parse("f.yaml", std::move(text)); });
    CHECK(d.code == tradeoff::ErrorCode::YamlSyntax);
    CHECK(d.message == "file contains a NUL byte; is it binary?");
    CHECK(d.where.file == "f.yaml");
    return std::make_pair(d.where.line, d.where.column);
  };
  CHECK(at("a: 1\nb: x\0y\n"s) == std::make_pair(2, 5));
  CHECK(at("\0"s) == std::make_pair(1, 1));
  CHECK(at("a: 1\n\0\n"s) == std::make_pair(2, 1));
  // Columns count characters: 'é' is two bytes, one column.
  CHECK(at("title: \"caf\xC3\xA9\0\"\n"s) == std::make_pair(1, 13));
  // After a byte-order mark, which takes no column; before invalid UTF-8 later in the file.
  CHECK(at("\xEF\xBB\xBFk: \0\n\xFF\n"s) == std::make_pair(1, 4));
  // A file that ends without a newline.
  CHECK(at("a: 1\nb: 2\nc: 3\0"s) == std::make_pair(3, 5));
}

TEST_CASE("a NUL byte in a framework file is located through the loader", "[yaml][errors]") {
  using namespace std::string_literals;
  const auto d = tradeoff::test::load_errors("framework: x\ntitle: \"ab\0c\"\n"s, "nul.yaml");
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.file == "nul.yaml");
  CHECK(tradeoff::test::brief(d[0]) == "2:11: file contains a NUL byte; is it binary?");
}

TEST_CASE("the text is kept once, without its byte-order mark, and lines are indexed", "[yaml]") {
  std::string text = "\xEF\xBB\xBFoptions:\n";
  for (int i = 0; i < 37; ++i) {
    text += "  - {id: o" + std::to_string(i) + ", scores: {a: 1, b: [1, 2, 3], c: {d: e}}}\n";
  }
  text += "flow: [[], {}, [x]]\n";
  const auto doc = yaml::parse("f.yaml", text);
  CHECK(doc.text == text.substr(3));
  CHECK(doc.line_starts.size() == 40);
  CHECK(doc.line_starts.capacity() == doc.line_starts.size());
  REQUIRE(doc.root.entries.size() == 2);
  CHECK(doc.root.entries[0].second.items.size() == 37);
  CHECK(doc.root.entries[1].second.items.size() == 3);
  // Positions count from after the byte-order mark.
  CHECK(doc.root.entries[1].first.line == 39);
  CHECK(doc.root.entries[1].first.column == 1);
  const auto& flow = doc.root.entries[1].second;
  CHECK(flow.items[0].is_sequence());
  CHECK(flow.items[0].items.empty());
  CHECK(flow.items[1].is_mapping());
  CHECK(flow.items[1].entries.size() == 0);
  CHECK(flow.items[2].items[0].scalar == "x");
}

TEST_CASE("a copy of a tree is a deep copy", "[yaml]") {
  yaml::Node copy;
  {
    const auto doc = yaml::parse("f.yaml", "a: [1, {b: c}]\nd: e\n");
    copy = doc.root;
    const yaml::Node again(copy);
    CHECK(again.entries[0].second.items[1].find("b")->scalar == "c");
  }
  REQUIRE(copy.entries.size() == 2);
  CHECK(copy.entries[0].second.items.size() == 2);
  CHECK(copy.entries[0].second.items[1].find("b")->scalar == "c");
  CHECK(copy.find("d")->line == 2);
}
