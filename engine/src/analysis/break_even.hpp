// The values of an input that the break-even analysis and the input sweeps probe. Takes an
// input as declared; gives its scanned range (whole numbers for integers) and evenly spaced
// values over it.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "tradeoff/model.hpp"

namespace tradeoff::detail {

struct ScanRange {
  double low = 0;
  double high = 0;
  bool integer = false;  ///< probe whole numbers only
};

/// A number's or an integer's declared range (an integer's shrunk to the whole numbers inside
/// it); none for other types, an input without both min and max, or a range that is empty or
/// wider than a double holds (nothing to scan, or no finite step to scan it with).
std::optional<ScanRange> scan_range(const Input& input);

/// `points` (at least 2) evenly spaced values from low to high, both included; for integers
/// rounded to whole numbers, repeats dropped (a range 1..5 gives 5 values however many are
/// asked).
std::vector<double> scan_values(const ScanRange& range, size_t points);

}  // namespace tradeoff::detail
