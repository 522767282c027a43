// A Result's options (tradeoff::OptionResults): read like the vector they replace, each built
// the first time it is read, shared by copies of the Result, and safe to read from several
// threads at once.
#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "support/id_index.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"

namespace {

tradeoff::Framework load(const std::string& framework, const std::string& table) {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", framework);
  reader.add("scores.csv", table);
  return tradeoff::load(reader, "f.yaml").framework;
}

const std::string kTopsis = R"(framework: vendors
scores_from: scores.csv
method: {name: topsis}
criteria:
  - {id: price, name: Price, direction: cost, weight: 3}
  - {id: quality, name: Quality, direction: benefit, weight: 2}
)";

/// `rows` options, acme0 ..., with prices and qualities that differ.
std::string table(int rows) {
  std::string csv = "option,price,quality\n";
  for (int i = 0; i < rows; ++i) {
    csv += "acme" + std::to_string(i) + "," + std::to_string(100 + (i * 37) % 91) + "," +
           std::to_string(1 + (i * 11) % 5) + "\n";
  }
  return csv;
}

}  // namespace

TEST_CASE("a Result's options read like the vector they replace", "[options]") {
  std::vector<tradeoff::OptionResult> list(3);
  list[0].id = "a";
  list[1].id = "b";
  list[2].id = "c";
  list[2].rank = 1;
  const tradeoff::OptionResults options(list);
  CHECK(options.size() == 3);
  CHECK_FALSE(options.empty());
  CHECK(options[1].id == "b");
  CHECK(options.at(2).rank == 1);
  CHECK_THROWS_AS(options.at(3), std::out_of_range);
  CHECK(options.front().id == "a");
  CHECK(options.back().id == "c");
  CHECK(options.id(1) == "b");
  CHECK(options.find("c") == 2);
  CHECK(options.find("d") == 3);
  const auto ranked = std::find_if(options.begin(), options.end(),
                                   [](const tradeoff::OptionResult& o) { return o.rank == 1; });
  CHECK(ranked - options.begin() == 2);
  CHECK(ranked->id == "c");
  std::string backwards;
  for (auto it = std::make_reverse_iterator(options.end());
       it != std::make_reverse_iterator(options.begin()); ++it) {
    backwards += it->id;
  }
  CHECK(backwards == "cba");
  CHECK(options.begin()[1].id == "b");
  CHECK(std::distance(options.begin(), options.end()) == 3);
  const tradeoff::OptionResults none;
  CHECK(none.empty());
  CHECK(none.begin() == none.end());
  CHECK(none.find("a") == 0);
}

TEST_CASE("copies of a Result share its options, each built once", "[options]") {
  const tradeoff::Framework fw = load(kTopsis, table(50));
  std::optional<tradeoff::Result> copy;
  const tradeoff::OptionResult* built = nullptr;
  {
    const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
    copy = r;
    built = &r.options[17];
    CHECK(&copy->options[17] == built);
  }
  CHECK(&copy->options[17] == built);
  CHECK(built->id == "acme17");
  CHECK(copy->option("acme17") == built);
}

TEST_CASE("an option built on first read has the normalised values of its method", "[options]") {
  // TOPSIS normalises by the column's length and takes costs as they are: the values are built
  // for the option read, from the scores, not kept for every option.
  const tradeoff::Framework fw = load(kTopsis, "option,price,quality\na,100,3\nb,80,4\nc,120,5\n");
  const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
  const double price = std::sqrt(100.0 * 100 + 80 * 80 + 120 * 120);
  const double quality = std::sqrt(3.0 * 3 + 4 * 4 + 5 * 5);
  for (size_t i = 0; i < 3; ++i) {
    const tradeoff::OptionResult& o = r.options[i];
    CHECK(o.normalized[0] == Approx(o.raw[0] / price).epsilon(1e-12));
    CHECK(o.normalized[1] == Approx(o.raw[1] / quality).epsilon(1e-12));
  }
  CHECK(r.options[1].normalized[0] == Approx(0.455842305838552).epsilon(1e-12));
}

TEST_CASE("reading a Result's options from two threads builds each option once", "[options]") {
  const tradeoff::Framework fw = load(kTopsis, table(2000));
  const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
  std::vector<const tradeoff::OptionResult*> seen[2];
  auto read = [&r](std::vector<const tradeoff::OptionResult*>& out) {
    for (const auto& o : r.options) out.push_back(&o);
  };
  std::thread other(read, std::ref(seen[1]));
  read(seen[0]);
  other.join();
  CHECK(seen[0] == seen[1]);
  REQUIRE(seen[0].size() == 2000);
  CHECK(seen[0][1999]->id == "acme1999");
  CHECK(seen[0][1999]->raw == std::vector<double>{100 + (1999 * 37) % 91, 1 + (1999 * 11) % 5});
}

TEST_CASE("each traced result of one evaluator has the method's details once", "[options]") {
  const tradeoff::Framework fw = load(kTopsis, table(5));
  tradeoff::Evaluator ev(fw, nullptr);
  const tradeoff::Result first = ev.traced_result();
  const tradeoff::Result second = ev.traced_result();
  for (const tradeoff::Result* r : {&first, &second}) {
    REQUIRE(r->details.per_option.size() == 2);
    CHECK(r->details.per_option[0].first == "d_plus");
    CHECK(r->details.per_option[1].first == "d_minus");
    CHECK(r->details.per_option[1].second.size() == 5);
    REQUIRE(r->details.per_criterion.size() == 2);
    CHECK(r->details.per_criterion[0].first == "ideal");
    CHECK(r->details.options.size() == 5);
  }
  CHECK(second.details.per_option[0].second == first.details.per_option[0].second);
  CHECK(second.options[3].contribution == first.options[3].contribution);
}

TEST_CASE("an id index finds positions by id, keeps the first of a repeated id, and grows",
          "[options][index]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("o" + std::to_string(i));
  ids.push_back("o17");  // a repeat, at position 5000
  const auto key_of = [&ids](size_t i) -> std::string_view { return ids[i]; };
  tradeoff::detail::IdIndex index;
  constexpr size_t npos = tradeoff::detail::IdIndex::npos;
  CHECK(index.find("o1", key_of) == npos);  // empty: nothing found, nothing allocated
  for (size_t i = 0; i < 5000; ++i) REQUIRE(index.insert(i, key_of) == i);  // grows as it goes
  CHECK(index.insert(5000, key_of) == 17);
  CHECK(index.size() == 5000);
  CHECK(index.find("o0", key_of) == 0);
  CHECK(index.find("o4999", key_of) == 4999);
  CHECK(index.find("o17", key_of) == 17);
  CHECK(index.find("o5000", key_of) == npos);
  CHECK(index.find("", key_of) == npos);
  tradeoff::detail::IdIndex reserved;
  reserved.reserve(3, key_of);
  CHECK(reserved.insert(2, key_of) == 2);
  CHECK(reserved.find("o2", key_of) == 2);
  CHECK(reserved.find("o1", key_of) == npos);
}
