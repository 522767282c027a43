// The renderers behind tradeoff::render (see tradeoff/report.hpp), and the pieces they share:
// option order, terminal tables and styles, and Markdown tables (renderers.cpp).
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// The terminal view: 100 columns; `details` adds every figure (text_report.cpp).
void render_text(const Result& result, bool color, bool details, std::ostream& out);
void render_json(const Result& result, std::ostream& out);
/// The decision record without the report's analyses (decision_report.cpp).
void render_markdown(const Result& result, std::ostream& out);
/// `tradeoff report`'s record (decision_report.cpp).
void render_record(const DecisionReport& report, ReportFormat format, std::ostream& out);
void render_csv(const Result& result, std::ostream& out);
void render_comparison_text(const MethodComparison& c, bool color, std::ostream& out);
void render_comparison_json(const MethodComparison& c, std::ostream& out);
void render_comparison_markdown(const MethodComparison& c, std::ostream& out);
void render_comparison_csv(const MethodComparison& c, std::ostream& out);
void render_weights_text(const Result& result, bool color, std::ostream& out);
void render_weights_json(const Result& result, std::ostream& out);
void render_weights_markdown(const Result& result, std::ostream& out);
void render_weights_csv(const Result& result, std::ostream& out);

/// How far the compared methods agree on the winner, in a sentence.
std::string method_agreement(const MethodComparison& c);
/// "x (wsm, topsis); y (vikor)": each option some method ranks first, with those methods, in
/// the first ranking's order, each option as `name` writes it.
std::string methods_first_under(const MethodComparison& c,
                                const std::function<std::string(const std::string&)>& name);

/// The provenance in a line: "tradeoff 0.1.0, framework sha256 0123456789abcdef, assessment
/// sha256 ..." (the first 16 hexadecimal digits of each digest).
std::string provenance_text(const Provenance& p);

/// Options in ranking order (best first), then unranked options in framework order.
std::vector<const OptionResult*> options_by_rank(const Result& result);

/// True when the assessment set at least one score.
bool any_score_overridden(const Result& result);

/// The names a rule read and their values: "a = 1, b = basic".
std::string bindings_text(const RuleTrace& trace);

/// The position of `option` in the method details' per-option figures.
size_t details_index(const MethodDetails& details, const std::string& option);

/// Terminal styles; without colour, the text as it is.
struct Style {
  bool color;
  std::string bold(const std::string& s) const { return color ? "\x1b[1m" + s + "\x1b[0m" : s; }
  std::string green(const std::string& s) const { return color ? "\x1b[1;32m" + s + "\x1b[0m" : s; }
  std::string dim(const std::string& s) const { return color ? "\x1b[2m" + s + "\x1b[0m" : s; }
};

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

/// Markdown tables and inline code, for the decision record and the method comparison.
namespace markdown {

/// Text from input made safe for Markdown: renders as itself in a heading, a table cell or the
/// middle of a line (see detail::markdown_text).
std::string cell(const std::string& s);
/// The same, for text that begins a line (a paragraph, a list item's text).
std::string line(const std::string& s);
/// Text shown literally as inline code; `in_table` escapes '|' (see detail::markdown_code).
std::string code(const std::string& s, bool in_table = true);
/// The header row and the alignment row; `right[c]` right-aligns column c.
void table_head(std::ostream& out, const std::vector<std::string>& head,
                const std::vector<bool>& right);
/// One row of cells, written as they are (escape them with cell()).
void table_row(std::ostream& out, const std::vector<std::string>& row);
/// Each item as inline code, comma-separated: "`a`, `b`" (outside tables).
std::string code_list(const std::vector<std::string>& items);

}  // namespace markdown

}  // namespace tradeoff::detail
