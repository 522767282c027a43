// The renderers behind tradeoff::render (see tradeoff/report.hpp).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "tradeoff/evaluate.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

void render_text(const Result& result, bool color, std::ostream& out);
void render_json(const Result& result, std::ostream& out);
void render_markdown(const Result& result, std::ostream& out);
void render_csv(const Result& result, std::ostream& out);
void render_comparison_text(const MethodComparison& c, bool color, std::ostream& out);
void render_comparison_json(const MethodComparison& c, std::ostream& out);
void render_comparison_markdown(const MethodComparison& c, std::ostream& out);
void render_comparison_csv(const MethodComparison& c, std::ostream& out);
void render_weights_text(const Result& result, bool color, std::ostream& out);
void render_weights_json(const Result& result, std::ostream& out);
void render_weights_markdown(const Result& result, std::ostream& out);
void render_weights_csv(const Result& result, std::ostream& out);

/// Options in ranking order (best first), then unranked options in framework order.
std::vector<const OptionResult*> options_by_rank(const Result& result);

/// A left/right-aligned plain-text table with display-width-aware columns.
class TextTable {
 public:
  enum class Align { Left, Right };
  explicit TextTable(std::vector<Align> align) : align_(std::move(align)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// Rows rendered with `indent` spaces and two spaces between columns, no trailing blanks.
  std::vector<std::string> lines(size_t indent = 2) const;

 private:
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace tradeoff::detail
