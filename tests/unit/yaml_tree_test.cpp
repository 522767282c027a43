// The event-level YAML reader: positions, styles, and refusal of hostile input.
#include "load/yaml_tree.hpp"

#include <string>

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
