// The terminal view that fits: 100 columns and about one screen. The ranking, why the winner
// won, the robustness block, the rules that fired and the exclusions, each long text wrapped
// with a hanging indent and each long name cut with "...". `--details` adds the full sections
// (text_report.cpp).
#include "report/text_summary.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "report/renderers.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

constexpr size_t kNameWidth = 30;  ///< option names in the ranking
constexpr size_t kIdWidth = 22;    ///< ids in the ranking and the rules

/// one_line(text), cut to `width` display columns with "...".
std::string fit(std::string_view text, size_t width) {
  std::string s = one_line(text);
  if (display_width(s) <= width) return s;
  return shorten(s, width > 3 ? width - 3 : 1);
}

std::string blocks(double fraction, size_t width) {
  const auto n =
      static_cast<size_t>(std::lround(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(width)));
  std::string out;
  for (size_t i = 0; i < n; ++i) out += "\u2588";
  return out;
}

}  // namespace

void wrap(std::string_view text, size_t indent, size_t hanging, std::ostream& out) {
  const std::string s = one_line(text);
  const size_t limit = kTerminalWidth - std::max(indent, hanging);
  std::string line(indent, ' ');
  size_t width = indent;
  bool empty = true;
  size_t at = 0;
  while (at < s.size()) {
    size_t end = s.find(' ', at);
    if (end == std::string::npos) end = s.size();
    std::string word = s.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    if (display_width(word) > limit) word = shorten(word, limit - 3);  // a word wider than a line
    const size_t w = display_width(word);
    if (!empty && width + 1 + w > kTerminalWidth) {
      out << line << '\n';
      line.assign(hanging, ' ');
      width = hanging;
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++width;
    }
    line += word;
    width += w;
    empty = false;
  }
  if (!empty) out << line << '\n';
}

void summary_header(const Result& r, const Style& st, std::ostream& out, bool with_method) {
  out << st.bold(fit(r.framework_title, kTerminalWidth)) << '\n';
  if (!r.assessment_title.empty()) out << fit(r.assessment_title, kTerminalWidth) << '\n';
  std::string line = "framework " + r.framework;
  if (!r.framework_version.empty()) line += " " + r.framework_version;
  if (!r.assessment.empty()) {
    line += ", assessment " + r.assessment;
    if (!r.assessment_date.empty()) line += " (" + r.assessment_date + ")";
  }
  wrap(line, 0, 2, out);
  const DecisionRecord& d = r.record;
  if (!d.status.empty() || !d.deciders.empty()) {
    std::string record = d.status.empty() ? "" : "status " + d.status;
    std::string who;
    for (const auto& n : d.deciders) who += (who.empty() ? "" : ", ") + n;
    if (!who.empty()) record += (record.empty() ? "" : "; ") + std::string("deciders ") + who;
    wrap(record, 0, 2, out);
  }
  if (!with_method) return;
  wrap(fmt::format("method {} ({}), normalization {}; {} score is better", r.method, r.method_title,
                   r.normalization, r.higher_is_better ? "higher" : "lower"),
       0, 2, out);
}

/// How many options the text ranking lists before it says how many more there are.
constexpr size_t kMaxRankingRows = 50;

void summary_ranking(const Result& r, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Ranking") << '\n';
  if (r.ranking.empty()) {
    out << "  no option is eligible\n";
    return;
  }
  double top = 0;
  bool bars = r.higher_is_better;
  for (const auto& e : r.ranking) {
    if (e.score < 0) bars = false;
    top = std::max(top, e.score);
  }
  if (!(top > 0)) bars = false;
  TextTable t({TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
               TextTable::Align::Right, TextTable::Align::Left});
  t.add({"#", "option", "name", "score", ""});
  // A table of 100,000 options is read in a spreadsheet, not on a terminal: the text view
  // shows the head of a long ranking and says where the rest is.
  const size_t shown = r.ranking.size() > kMaxRankingRows + 10 ? kMaxRankingRows : r.ranking.size();
  for (size_t k = 0; k < shown; ++k) {
    const RankEntry& e = r.ranking[k];
    t.add({std::to_string(e.rank), fit(e.option, kIdWidth),
           fit(r.option(e.option)->name, kNameWidth), fixed(e.score, 4), ""});
  }
  auto lines = t.lines();
  // The bars take what the widest row leaves of the 100 columns, at most 24.
  size_t widest = 0;
  for (const auto& l : lines) widest = std::max(widest, display_width(l));
  const size_t room =
      kTerminalWidth > widest + 2 ? std::min<size_t>(24, kTerminalWidth - widest - 2) : 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (k == 0) {
      out << st.dim(lines[k]) << '\n';
      continue;
    }
    const RankEntry& e = r.ranking[k - 1];
    std::string line = lines[k];
    if (bars && room > 0) {
      line += std::string(widest - display_width(line) + 2, ' ') + blocks(e.score / top, room);
    }
    out << (e.rank == 1 ? st.green(line) : line) << '\n';
  }
  if (shown < r.ranking.size()) {
    out << st.dim(fmt::format("  ... and {} more; --format csv or json lists every option",
                              quantity(static_cast<double>(r.ranking.size() - shown))))
        << '\n';
  }
}

void summary_excluded(const Result& r, const Style& st, std::ostream& out) {
  if (r.vetoed.empty()) return;
  out << '\n' << st.bold("Excluded") << '\n';
  for (const auto& v : r.vetoed) {
    wrap(fit(v.option, kIdWidth) + " by " + v.by() + ": " + v.because, 2, 6, out);
  }
}

void summary_why(const Result& r, const Style& st, std::ostream& out) {
  const Explanation& e = r.explanation;
  std::vector<std::string> tied;
  for (const auto& entry : r.ranking) {
    if (entry.rank == 1) tied.push_back(one_line(entry.option));
  }
  const std::string heading = e.winner.empty() ? "Outcome"
                              : e.tie          ? "Why " + join_names(tied) + " tie for first"
                                               : "Why " + one_line(e.winner) + " ranks first";
  out << '\n' << st.bold(fit(heading, kTerminalWidth)) << '\n';
  wrap(e.summary, 2, 2, out);
  const auto drivers = [&](const std::vector<Driver>& list) {
    std::string s;
    for (size_t k = 0; k < list.size() && k < 4; ++k) {
      s += (s.empty() ? "" : ", ") + list[k].criterion + " " + signed_fixed(list[k].difference, 4);
    }
    return s;
  };
  if (!e.decisive.empty()) wrap("leads on: " + drivers(e.decisive), 2, 4, out);
  if (!e.trailing.empty()) wrap("trails on: " + drivers(e.trailing), 2, 4, out);
}

void summary_robustness(const Result& r, const Style& st, std::ostream& out) {
  if (!r.robustness) return;
  out << '\n' << st.bold("Robustness") << '\n';
  for (const auto& s : r.robustness->sentences) wrap(s, 2, 4, out);
}

void rules_heading(const Result& r, const Style& st, std::ostream& out) {
  size_t fired = 0;
  for (const auto& t : r.rules) fired += t.fired ? 1 : 0;
  out << '\n'
      << st.bold("Rules") << fmt::format(" ({} of {} fired)", fired, r.rules.size()) << '\n';
}

void summary_rules(const Result& r, const Style& st, std::ostream& out) {
  if (r.rules.empty()) return;
  rules_heading(r, st, out);
  for (const auto& t : r.rules) {
    if (!t.fired) continue;
    std::string effects;
    for (const auto& e : t.effects) effects += (effects.empty() ? "" : "; ") + e.text;
    if (effects.empty()) effects = "no effect on scores or weights";
    wrap(fit(t.id, kIdWidth) + ": " + effects, 2, 6, out);
  }
  if (r.notes.empty()) return;
  out << '\n' << st.bold("Recommendations") << '\n';
  for (const auto& n : r.notes) wrap("- " + n.text + " (" + n.rule + ")", 2, 4, out);
}

void summary_footer(const Result& r, const Style& st, bool details, std::ostream& out) {
  out << '\n';
  out << st.dim(provenance_text(r.provenance)) << '\n';
  if (!details) {
    out << st.dim(
               "--details adds the inputs, derived values, rules in full, scores and "
               "contributions")
        << '\n';
  }
}

}  // namespace tradeoff::detail
