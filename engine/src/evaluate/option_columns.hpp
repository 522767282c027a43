// A Result's options kept as columns (tradeoff::OptionResults in tradeoff/result.hpp): what an
// option's OptionResult is built from the first time it is read.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "support/id_index.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// The reasons and sources given for one option's scores, when any score has one.
struct OptionReasons {
  uint32_t option = 0;
  std::vector<std::string> because;  ///< per criterion
  std::vector<std::string> source;
};

struct OptionColumns {
  using Matrix = std::shared_ptr<const std::vector<double>>;
  static constexpr uint32_t kNoRow = UINT32_MAX;

  /// Room for the options on the criteria; the columns are filled by the caller.
  OptionColumns(size_t options, size_t criteria);
  /// Options built by hand, kept as they are.
  explicit OptionColumns(std::vector<OptionResult> options);
  OptionColumns(const OptionColumns&) = delete;
  OptionColumns& operator=(const OptionColumns&) = delete;
  ~OptionColumns();

  size_t n = 0;
  size_t m = 0;
  std::shared_ptr<const std::vector<std::string>> ids;  ///< shared with the evaluation's plan
  std::vector<std::string> names;         ///< empty when every option's name is its id
  std::vector<std::string> descriptions;  ///< empty when no option has one
  std::vector<double> score;
  std::vector<int> rank;
  std::vector<uint8_t> eligible;
  std::vector<bool> overridden;        ///< options x criteria: the score comes from the assessment
  std::vector<OptionReasons> reasons;  ///< ascending by option
  Matrix raw;                          ///< options x criteria, after the rules
  /// Per option, its row among the ranked (eligible) options, or kNoRow; empty when every
  /// option is ranked and option i is row i.
  std::vector<uint32_t> row;
  /// Ranked rows x criteria. Null when the normalisation is a plain transform per column,
  /// applied to `normalize_from` when an option is built instead of kept for every option.
  Matrix normalized;
  Matrix normalize_from;
  std::vector<Transform> transform;
  /// Ranked rows x criteria; null when they are computed from the normalised values by
  /// `weighted` when an option is built.
  Matrix contribution;
  WeightedContributions weighted;
  Matrix zeros;  ///< one row, for the options no method ranked

  /// Option i, built the first time it is asked for.
  const OptionResult& get(size_t i) const;
  const std::string& id(size_t i) const { return own_.empty() ? (*ids)[i] : own_[i].id; }
  /// The index of the option with id `key`, or n.
  size_t find(std::string_view key) const;

 private:
  OptionResult build(size_t i) const;
  uint32_t row_of(size_t i) const { return row.empty() ? static_cast<uint32_t>(i) : row[i]; }
  Figures normalized_row(size_t i) const;
  Figures contribution_row(size_t i, const Figures& values) const;

  std::vector<OptionResult> own_;  ///< options built by hand
  std::unique_ptr<std::atomic<const OptionResult*>[]> built_;
  mutable std::once_flag hashed_;
  mutable IdIndex index_;
};

}  // namespace tradeoff::detail
