// The loader's shared messages (load/messages.hpp) quote what a file says at a readable length:
// values cut to 80 characters, lists to 12 items, a file that is not YAML never quoted.
#include "load/messages.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"

using tradeoff::loader::quoted;
using tradeoff::loader::quoted_list;
using tradeoff::test::load_errors;

TEST_CASE("quoted cuts a value to 80 characters on a character boundary", "[messages]") {
  CHECK(quoted("weight") == "'weight'");
  CHECK(quoted(std::string(80, 'x')) == "'" + std::string(80, 'x') + "'");
  CHECK(quoted(std::string(81, 'x')) == "'" + std::string(80, 'x') + "...'");
  CHECK(quoted(std::string(79, 'x') + "ééé") == "'" + std::string(79, 'x') + "é...'");
}

TEST_CASE("quoted_list names at most 12 items", "[messages]") {
  std::vector<std::string> ids;
  for (int k = 1; k <= 12; ++k) ids.push_back("c" + std::to_string(k));
  CHECK(quoted_list(ids) ==
        "'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12'");
  ids.push_back("c13");
  ids.push_back("c14");
  CHECK(quoted_list(ids) ==
        "'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12' and 2 more");
}

TEST_CASE("diagnostics quote long keys and values cut, at their position", "[messages][errors]") {
  const std::string key(5000, 'k');
  const std::string value(5000, 'v');
  const auto ds = load_errors(
      "framework: f\ncriteria:\n  - id: price\n    direction: cost\n    weight: " + value +
      "\n    " + key.substr(0, 1000) + ": 1\noptions:\n  - id: a\n    scores: {price: 1}\n");
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].message == "expected a number for the weight of criterion 'price', got '" +
                             std::string(80, 'v') + "...'");
  CHECK(ds[0].where.line == 5);
  CHECK(ds[0].where.column == 13);
  CHECK(ds[1].message == "unknown key '" + std::string(80, 'k') + "...' in criterion 'price'");
  CHECK(ds[1].where.line == 6);
  CHECK(ds[1].where.column == 5);
}

TEST_CASE("a file that is plain text is neither quoted nor located", "[messages][errors]") {
  const auto ds = load_errors("root:x:0:0:root:/root:/bin/bash\nsecret_token=hunter2\n");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message ==
        "expected a mapping with 'framework:', 'assessment:' or 'criterion:' at the top, got a "
        "scalar (plain text)");
  CHECK(ds[0].where.line == 0);
  CHECK(ds[0].message.find("hunter2") == std::string::npos);
}
