// What the renderers share (see renderers.hpp): option order, terminal tables and Markdown
// tables, so that every format lists and quotes things the same way.
#include "report/renderers.hpp"

#include <algorithm>
#include <ostream>

#include "support/printable.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

std::vector<const OptionResult*> options_by_rank(const Result& result) {
  std::vector<const OptionResult*> out;
  out.reserve(result.options.size());
  for (const auto& entry : result.ranking) out.push_back(result.option(entry.option));
  for (const auto& o : result.options) {
    if (o.rank == 0) out.push_back(&o);
  }
  return out;
}

std::string provenance_text(const Provenance& p) {
  std::string line = p.tool + ", framework sha256 " + p.framework_sha256.substr(0, 16);
  if (!p.assessment_sha256.empty())
    line += ", assessment sha256 " + p.assessment_sha256.substr(0, 16);
  return line;
}

bool any_score_overridden(const Result& result) {
  bool any = false;
  for (const auto& o : result.options) {
    for (bool b : o.overridden) any |= b;
  }
  return any;
}

std::string bindings_text(const RuleTrace& trace) {
  std::string out;
  for (const auto& [name, value] : trace.bindings) {
    out += (out.empty() ? "" : ", ") + name + " = " + value;
  }
  return out;
}

size_t details_index(const MethodDetails& details, const std::string& option) {
  return static_cast<size_t>(std::find(details.options.begin(), details.options.end(), option) -
                             details.options.begin());
}

std::vector<std::string> TextTable::lines(size_t indent) const {
  std::vector<size_t> width(align_.size(), 0);
  for (const auto& row : rows_) {
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], display_width(row[c]));
    }
  }
  std::vector<std::string> out;
  for (const auto& row : rows_) {
    std::string line(indent, ' ');
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      if (c > 0) line += "  ";
      line += align_[c] == Align::Left ? pad_right(row[c], width[c]) : pad_left(row[c], width[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.push_back(std::move(line));
  }
  return out;
}

namespace markdown {

std::string cell(const std::string& s) { return markdown_text(s); }

std::string line(const std::string& s) { return markdown_text(s, true); }

std::string code(const std::string& s, bool in_table) { return markdown_code(s, in_table); }

void table_head(std::ostream& out, const std::vector<std::string>& head,
                const std::vector<bool>& right) {
  out << '|';
  for (const auto& h : head) out << ' ' << cell(h) << " |";
  out << "\n|";
  for (size_t c = 0; c < head.size(); ++c) out << (right[c] ? "---:|" : "---|");
  out << '\n';
}

void table_row(std::ostream& out, const std::vector<std::string>& row) {
  out << '|';
  for (const auto& v : row) out << ' ' << v << " |";
  out << '\n';
}

std::string code_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + code(item, false);
  return out;
}

}  // namespace markdown

}  // namespace tradeoff::detail
