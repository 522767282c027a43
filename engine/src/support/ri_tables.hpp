// AHP random-index tables: RI(n) under each published table, for consistency ratios. Header-only
// so that the loader can check matrix sizes without depending on the weighting stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "tradeoff/choices.hpp"

namespace tradeoff::detail {

/// RI by matrix size, ascending n.
using RiValues = std::vector<std::pair<size_t, double>>;

/// Every table, in the order of RiTable; transcribed from ahp_consistency_ri_tables.json
/// (sources there).
inline const std::vector<RiValues>& ri_tables() {
  // clang-format off
  static const std::vector<RiValues> tables = {
      // Saaty1980
      {{{3, 0.58}, {4, 0.9}, {5, 1.12}, {6, 1.24}, {7, 1.32}, {8, 1.41}, {9, 1.45}, {10, 1.49},
       {11, 1.51}, {12, 1.48}, {13, 1.56}, {14, 1.57}, {15, 1.59}}},
      // Saaty1980JmcdmVariant
      {{{3, 0.58}, {4, 0.9}, {5, 1.12}, {6, 1.24}, {7, 1.32}, {8, 1.41}, {9, 1.45}, {10, 1.49},
       {11, 1.51}, {12, 1.53}, {13, 1.56}, {14, 1.57}, {15, 1.59}}},
      // Saaty2005
      {{{3, 0.52}, {4, 0.89}, {5, 1.11}, {6, 1.25}, {7, 1.35}, {8, 1.4}, {9, 1.45}, {10, 1.49},
       {11, 1.52}, {12, 1.54}, {13, 1.56}, {14, 1.58}, {15, 1.59}}},
      // DoneganDodd1991
      {{{3, 0.4914}, {4, 0.8286}, {5, 1.0591}, {6, 1.1797}, {7, 1.2519}, {8, 1.3171}, {9, 1.3733},
       {10, 1.4055}, {11, 1.4213}, {12, 1.4497}, {13, 1.4643}, {14, 1.4822}, {15, 1.4969},
       {16, 1.5078}, {17, 1.5153}, {18, 1.5262}, {19, 1.5313}, {20, 1.5371}, {25, 1.5619},
       {30, 1.5772}, {40, 1.5976}, {50, 1.6102}, {60, 1.6178}, {70, 1.6237}, {80, 1.6277},
       {90, 1.6213}, {100, 1.6339}}},
      // AlonsoLamata2006
      {{{3, 0.5247}, {4, 0.8816}, {5, 1.1086}, {6, 1.2479}, {7, 1.3417}, {8, 1.4057}, {9, 1.4499},
       {10, 1.4854}, {11, 1.514}, {12, 1.5365}, {13, 1.5551}, {14, 1.5713}, {15, 1.5838}}},
      // AguaronMorenoJimenez2003
      {{{3, 0.525}, {4, 0.882}, {5, 1.115}, {6, 1.252}, {7, 1.341}, {8, 1.404}, {9, 1.452},
       {10, 1.484}, {11, 1.513}, {12, 1.535}, {13, 1.555}, {14, 1.57}, {15, 1.583}, {16, 1.595}}},
      // TummalaLing1998
      {{{3, 0.5799}, {4, 0.8921}, {5, 1.1159}, {6, 1.2358}, {7, 1.3322}, {8, 1.3952}, {9, 1.4537},
       {10, 1.4882}, {11, 1.5117}, {12, 1.5356}, {13, 1.5571}, {14, 1.5714}, {15, 1.5831}}},
  };
  // clang-format on
  return tables;
}

/// The largest n a table covers.
inline size_t random_index_limit(RiTable table) {
  if (table == RiTable::AlonsoLamata2006) return SIZE_MAX;
  return ri_tables()[static_cast<size_t>(table)].back().first;
}

/// RI(n) of a table; 0 for n < 3. Donegan-Dodd interpolates between its listed sizes and
/// Alonso-Lamata extends by its formula; nullopt when the table has no value for n.
inline std::optional<double> random_index(RiTable table, size_t n) {
  const RiValues& values = ri_tables()[static_cast<size_t>(table)];
  if (n < 3) return 0.0;
  for (size_t k = 0; k < values.size(); ++k) {
    if (values[k].first == n) return values[k].second;
    if (values[k].first > n && k > 0) {
      // Only Donegan-Dodd lists sizes with gaps; interpolate linearly between them.
      const auto [n0, r0] = values[k - 1];
      const auto [n1, r1] = values[k];
      const double f = static_cast<double>(n - n0) / static_cast<double>(n1 - n0);
      return r0 + f * (r1 - r0);
    }
  }
  if (table == RiTable::AlonsoLamata2006) {
    const double x = static_cast<double>(n);
    return (1.7699 * x - 4.3513) / (x - 1);
  }
  return std::nullopt;
}

}  // namespace tradeoff::detail
