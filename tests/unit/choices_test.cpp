// The named choices (tradeoff/choices.hpp): every name parses to its enum and prints back, in
// declaration order, and nothing else parses.
#include "tradeoff/choices.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

template <typename Choice>
void check_round_trip(const std::vector<std::string>& expected) {
  CHECK(tradeoff::choice_names<Choice>() == expected);
  for (size_t k = 0; k < expected.size(); ++k) {
    CAPTURE(expected[k]);
    const auto parsed = tradeoff::parse_choice<Choice>(expected[k]);
    REQUIRE(parsed.has_value());
    CHECK(static_cast<size_t>(*parsed) == k);
    CHECK(tradeoff::to_string(*parsed) == expected[k]);
  }
  CHECK_FALSE(tradeoff::parse_choice<Choice>("").has_value());
  CHECK_FALSE(tradeoff::parse_choice<Choice>(expected.front() + "x").has_value());
}

}  // namespace

TEST_CASE("every choice name parses to its enum and prints back", "[choices]") {
  check_round_trip<tradeoff::Method>({"wsm", "wpm", "waspas", "topsis", "vikor", "promethee2"});
  check_round_trip<tradeoff::Normalization>({"declared", "none", "minmax", "max", "sum", "vector"});
  check_round_trip<tradeoff::WeightingMethod>({"direct", "ahp", "roc", "rank_sum",
                                               "rank_reciprocal", "swing", "entropy", "critic",
                                               "groups", "stakeholders"});
  check_round_trip<tradeoff::PriorityMethod>(
      {"eigenvector", "geometric_mean", "normalized_column_mean"});
  check_round_trip<tradeoff::RiTable>({"saaty_1980", "saaty_1980_jmcdm_variant", "saaty_2005",
                                       "donegan_dodd_1991", "alonso_lamata_2006",
                                       "aguaron_morenojimenez_2003", "tummala_ling_1998"});
  check_round_trip<tradeoff::StakeholderAggregate>({"arithmetic", "geometric"});
  check_round_trip<tradeoff::PreferenceShape>(
      {"usual", "u_shape", "v_shape", "level", "linear", "gaussian"});
}

TEST_CASE("choice names are case-sensitive, as in YAML", "[choices]") {
  CHECK_FALSE(tradeoff::parse_method("WSM").has_value());
  CHECK_FALSE(tradeoff::parse_normalization("MinMax").has_value());
  CHECK(tradeoff::parse_method("promethee2") == tradeoff::Method::Promethee2);
}
