// The names of the choices in tradeoff/choices.hpp: one table per kind, in declaration order.
#include "tradeoff/choices.hpp"

#include <array>

namespace tradeoff {

namespace {

template <typename Choice>
struct Table;

template <>
struct Table<Method> {
  static constexpr std::array<std::string_view, 6> kNames = {"wsm",    "wpm",   "waspas",
                                                             "topsis", "vikor", "promethee2"};
};
template <>
struct Table<Normalization> {
  static constexpr std::array<std::string_view, 6> kNames = {"declared", "none", "minmax",
                                                             "max",      "sum",  "vector"};
};
template <>
struct Table<WeightingMethod> {
  static constexpr std::array<std::string_view, 10> kNames = {
      "direct", "ahp",     "roc",    "rank_sum", "rank_reciprocal",
      "swing",  "entropy", "critic", "groups",   "stakeholders"};
};
template <>
struct Table<PriorityMethod> {
  static constexpr std::array<std::string_view, 3> kNames = {"eigenvector", "geometric_mean",
                                                             "normalized_column_mean"};
};
template <>
struct Table<RiTable> {
  static constexpr std::array<std::string_view, 7> kNames = {
      "saaty_1980",         "saaty_1980_jmcdm_variant",   "saaty_2005",       "donegan_dodd_1991",
      "alonso_lamata_2006", "aguaron_morenojimenez_2003", "tummala_ling_1998"};
};
template <>
struct Table<StakeholderAggregate> {
  static constexpr std::array<std::string_view, 2> kNames = {"arithmetic", "geometric"};
};
template <>
struct Table<PreferenceShape> {
  static constexpr std::array<std::string_view, 6> kNames = {"usual", "u_shape", "v_shape",
                                                             "level", "linear",  "gaussian"};
};

template <typename Choice>
std::string_view name_of(Choice value) {
  const auto index = static_cast<size_t>(value);
  const auto& names = Table<Choice>::kNames;
  return index < names.size() ? names[index] : std::string_view("?");
}

}  // namespace

std::string_view to_string(Method value) { return name_of(value); }
std::string_view to_string(Normalization value) { return name_of(value); }
std::string_view to_string(WeightingMethod value) { return name_of(value); }
std::string_view to_string(PriorityMethod value) { return name_of(value); }
std::string_view to_string(RiTable value) { return name_of(value); }
std::string_view to_string(StakeholderAggregate value) { return name_of(value); }
std::string_view to_string(PreferenceShape value) { return name_of(value); }

template <typename Choice>
const std::vector<std::string>& choice_names() {
  static const std::vector<std::string> names(Table<Choice>::kNames.begin(),
                                              Table<Choice>::kNames.end());
  return names;
}

template <typename Choice>
std::optional<Choice> parse_choice(std::string_view name) {
  const auto& names = Table<Choice>::kNames;
  for (size_t k = 0; k < names.size(); ++k) {
    if (names[k] == name) return static_cast<Choice>(k);
  }
  return std::nullopt;
}

#define TRADEOFF_CHOICE(Choice)                                    \
  template const std::vector<std::string>& choice_names<Choice>(); \
  template std::optional<Choice> parse_choice<Choice>(std::string_view name);
TRADEOFF_CHOICE(Method)
TRADEOFF_CHOICE(Normalization)
TRADEOFF_CHOICE(WeightingMethod)
TRADEOFF_CHOICE(PriorityMethod)
TRADEOFF_CHOICE(RiTable)
TRADEOFF_CHOICE(StakeholderAggregate)
TRADEOFF_CHOICE(PreferenceShape)
#undef TRADEOFF_CHOICE

}  // namespace tradeoff
