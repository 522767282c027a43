// Rendering a method comparison (`--method all`): ranks side by side, Kendall's tau between
// every pair of methods, and whether the winner depends on the method. Text, Markdown and CSV
// show strings from input through one_line(), cell()/code() and csv_text().
#include <functional>
#include <ostream>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "report/json_writer.hpp"
#include "report/renderers.hpp"
#include "report/robustness_report.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

std::string winner_of(const Result& r) {
  std::string w;
  for (const auto& e : r.ranking) {
    if (e.rank == 1) w += (w.empty() ? "" : " = ") + e.option;
  }
  return w.empty() ? "-" : w;
}

/// Options in the order of the first ranking of a method that ran (vetoed ones have no rank).
std::vector<std::string> option_order(const MethodComparison& c) {
  std::vector<std::string> out;
  for (size_t m = 0; m < c.results.size() && out.empty(); ++m) {
    if (c.failed(m)) continue;
    for (const auto& e : c.results[m].ranking) out.push_back(e.option);
    break;
  }
  return out;
}

/// The option's rank under one method, or `none` when it has no rank there.
std::string rank_text(const Result& r, const std::string& option, const std::string& none) {
  const OptionResult* o = r.option(option);
  return o != nullptr && o->rank > 0 ? std::to_string(o->rank) : none;
}

/// The first method that ran, or nullptr when none did.
const Result* first_ran(const MethodComparison& c) {
  for (size_t m = 0; m < c.results.size(); ++m) {
    if (!c.failed(m)) return &c.results[m];
  }
  return nullptr;
}

std::string agreement(const MethodComparison& c) {
  const Result* ran = first_ran(c);
  if (ran == nullptr) return "";
  if (ran->ranking.empty()) return "No method ranks an option: every option is vetoed.";
  if (c.same_winner) {
    return fmt::format("All {} methods put {} first.", c.results.size(), winner_of(*ran));
  }
  size_t failed = 0;
  bool same = true;
  for (size_t m = 0; m < c.results.size(); ++m) {
    if (c.failed(m)) {
      ++failed;
    } else {
      same = same && winner_of(c.results[m]) == winner_of(*ran);
    }
  }
  if (same) {
    return fmt::format("The {} methods that ran put {} first; {} could not rank.",
                       c.results.size() - failed, winner_of(*ran), failed);
  }
  return "The winner depends on the method.";
}

/// The provenance of the results (a method that failed holds none), or nullptr.
const Provenance* provenance_of(const MethodComparison& c) {
  for (const auto& r : c.results) {
    if (!r.provenance.tool.empty()) return &r.provenance;
  }
  return nullptr;
}

/// Tau as text with `digits` decimals, or "-" when it is undefined.
std::string tau_text(const std::optional<double>& tau) { return tau ? fixed(*tau, 2) : "-"; }

/// The method's winner, or "failed" when it could not rank.
std::string winner_cell(const MethodComparison& c, size_t m) {
  return c.failed(m) ? "failed" : winner_of(c.results[m]);
}

/// "file:line:col: message", the first diagnostic of a method that could not rank.
std::string failure_text(const std::vector<Diagnostic>& errors) {
  const Diagnostic& d = errors.front();
  std::string where = d.where.file;
  if (d.where.line > 0) where += fmt::format(":{}:{}", d.where.line, d.where.column);
  return (where.empty() ? "" : where + ": ") + d.message;
}

/// A text table with a first column headed `corner`, then one right-aligned column per method.
TextTable by_method_table(const MethodComparison& c, const std::string& corner) {
  std::vector<TextTable::Align> align = {TextTable::Align::Left};
  std::vector<std::string> head = {corner};
  for (const auto& r : c.results) {
    align.push_back(TextTable::Align::Right);
    head.push_back(r.method);
  }
  TextTable t(align);
  t.add(head);
  return t;
}

void print_lines(const TextTable& t, std::ostream& out) {
  for (const auto& line : t.lines()) out << line << '\n';
}

void ranks_text(const MethodComparison& c, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Ranks by method") << " (1 = best)\n";
  TextTable t = by_method_table(c, "option");
  for (const auto& id : option_order(c)) {
    std::vector<std::string> row = {one_line(id)};
    for (const auto& r : c.results) row.push_back(rank_text(r, id, "-"));
    t.add(std::move(row));
  }
  print_lines(t, out);
}

void methods_text(const MethodComparison& c, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Methods") << '\n';
  TextTable m({TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
               TextTable::Align::Left});
  m.add({"method", "normalization", "score", "winner"});
  for (size_t k = 0; k < c.results.size(); ++k) {
    const Result& r = c.results[k];
    m.add({r.method + " (" + r.method_title + ")", c.failed(k) ? "-" : r.normalization,
           r.higher_is_better ? "higher is better" : "lower is better",
           one_line(winner_cell(c, k))});
  }
  print_lines(m, out);
  for (size_t k = 0; k < c.results.size(); ++k) {
    if (c.failed(k)) {
      out << "  " << c.results[k].method
          << " could not rank: " << one_line(failure_text(c.errors[k])) << '\n';
    }
  }
}

void tau_text(const MethodComparison& c, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Kendall's tau between the rankings") << '\n';
  TextTable t = by_method_table(c, "");
  for (size_t x = 0; x < c.results.size(); ++x) {
    std::vector<std::string> row = {c.results[x].method};
    for (size_t y = 0; y < c.results.size(); ++y) row.push_back(tau_text(c.tau[x][y]));
    t.add(std::move(row));
  }
  print_lines(t, out);
}

/// Which winners survive across methods: each option some method ranks first, with the methods
/// that do, in the order of the first ranking that ran.
std::vector<std::pair<std::string, std::vector<std::string>>> first_under(
    const MethodComparison& c) {
  // Rankings are best first: only their heads are read, so this stays linear in the options.
  std::unordered_map<std::string_view, std::vector<std::string>> winners;
  for (size_t m = 0; m < c.results.size(); ++m) {
    if (c.failed(m)) continue;
    for (const auto& e : c.results[m].ranking) {
      if (e.rank != 1) break;
      winners[e.option].push_back(c.results[m].method);
    }
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  const Result* ran = first_ran(c);
  for (size_t k = 0; ran != nullptr && k < ran->ranking.size() && !winners.empty(); ++k) {
    const auto it = winners.find(ran->ranking[k].option);  // no copy of the order: JSON streams
    if (it == winners.end()) continue;
    out.emplace_back(it->first, std::move(it->second));
    winners.erase(it);
  }
  return out;
}

/// "x (wsm, topsis); y (vikor)", each part through `quote`.
template <typename Quote>
std::string first_under_text(const MethodComparison& c, Quote quote) {
  std::string s;
  for (const auto& [id, methods] : first_under(c)) {
    std::string list;
    for (const auto& m : methods) list += (list.empty() ? "" : ", ") + m;
    s += (s.empty() ? "" : "; ") + quote(id) + " (" + list + ")";
  }
  return s;
}

void agreement_text(const MethodComparison& c, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Agreement") << '\n' << "  " << one_line(agreement(c)) << '\n';
  if (!c.same_winner && !first_under(c).empty()) {
    out << "  First under: "
        << first_under_text(c, [](const std::string& id) { return one_line(id); }) << ".\n";
  }
  const Result* ran = first_ran(c);
  if (ran == nullptr || ran->ranking.empty()) {
    // Nothing ranked: no rank to agree on.
  } else if (c.rank_dependent.empty()) {
    out << "  Every option has the same rank under every method.\n";
  } else {
    std::string list;
    for (const auto& o : c.rank_dependent) list += (list.empty() ? "" : ", ") + one_line(o);
    out << "  Ranks that depend on the method: " << list << ".\n";
  }
  if (ran != nullptr && !ran->vetoed.empty()) {
    std::string list;
    for (const auto& v : ran->vetoed) {
      list += (list.empty() ? "" : ", ") + one_line(v.option) + " (" + one_line(v.by()) + ")";
    }
    out << "  Vetoed under every method: " << list << ".\n";
  }
}

std::vector<std::string> method_names(const MethodComparison& c) {
  std::vector<std::string> names;
  for (const auto& r : c.results) names.push_back(r.method);
  return names;
}

void methods_json(JsonWriter& w, const MethodComparison& c) {
  w.begin_array();
  for (size_t k = 0; k < c.results.size(); ++k) {
    const Result& r = c.results[k];
    w.begin_object();
    w.key("name").string(r.method);
    w.key("title").string(r.method_title);
    w.key("normalization").text_or_null(r.normalization);
    w.key("higher_is_better").boolean(r.higher_is_better);
    w.key("winners").begin_array();
    for (const auto& e : r.ranking) {
      if (e.rank == 1) w.string(e.option);
    }
    w.end_array();
    if (c.failed(k)) {
      const Diagnostic& d = c.errors[k].front();
      w.key("error").begin_object();
      w.key("file").string(d.where.file);
      w.key("line").integer(d.where.line);
      w.key("column").integer(d.where.column);
      w.key("code").string(std::string(to_string(d.code)));
      w.key("message").string(d.message);
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
}

/// Per option of `order`, per method: its rank (0 when it has none), or with `scores` its score
/// (null when it has none).
void by_option_json(JsonWriter& w, const MethodComparison& c, const std::vector<std::string>& order,
                    bool scores) {
  const std::vector<size_t> methods = last_of_each_key(method_names(c));
  w.begin_object();
  for (const auto& id : order) {
    w.key(id).begin_object();
    for (const size_t m : methods) {
      const OptionResult* o = c.results[m].option(id);
      w.key(c.results[m].method);
      if (!scores) {
        w.integer(o != nullptr ? o->rank : 0);
      } else if (o != nullptr) {
        w.number(o->score);
      } else {
        w.null();
      }
    }
    w.end_object();
  }
  w.end_object();
}

void tau_json(JsonWriter& w, const MethodComparison& c) {
  const std::vector<size_t> methods = last_of_each_key(method_names(c));
  w.begin_object();
  for (const size_t x : methods) {
    w.key(c.results[x].method).begin_object();
    for (const size_t y : methods) {
      w.key(c.results[y].method);
      if (c.tau[x][y]) {
        w.number(*c.tau[x][y]);
      } else {
        w.null();
      }
    }
    w.end_object();
  }
  w.end_object();
}

/// The header row of a Markdown table: `corner`, then one right-aligned column per method.
void by_method_head(const MethodComparison& c, const std::string& corner, std::ostream& out) {
  std::vector<std::string> head = {corner};
  std::vector<bool> right = {false};
  for (const auto& r : c.results) {
    head.push_back(r.method);
    right.push_back(true);
  }
  markdown::table_head(out, head, right);
}

void methods_markdown(const MethodComparison& c, std::ostream& out) {
  markdown::table_head(out, {"Method", "Normalisation", "Score", "Winner"},
                       {false, false, false, false});
  for (size_t k = 0; k < c.results.size(); ++k) {
    const Result& r = c.results[k];
    markdown::table_row(out,
                        {markdown::cell(r.method_title) + " (" + markdown::code(r.method) + ")",
                         c.failed(k) ? "-" : markdown::code(r.normalization),
                         r.higher_is_better ? "higher is better" : "lower is better",
                         c.failed(k) ? "failed" : markdown::code(winner_of(r))});
  }
  for (size_t k = 0; k < c.results.size(); ++k) {
    if (c.failed(k)) {
      out << "\n"
          << markdown::code(c.results[k].method, false)
          << " could not rank: " << markdown::line(failure_text(c.errors[k])) << "\n";
    }
  }
}

void ranks_markdown(const MethodComparison& c, std::ostream& out) {
  out << "\nRanks (1 = best):\n\n";
  by_method_head(c, "Option", out);
  for (const auto& id : option_order(c)) {
    std::vector<std::string> row = {markdown::code(id)};
    for (const auto& r : c.results) row.push_back(rank_text(r, id, "-"));
    markdown::table_row(out, row);
  }
}

void tau_markdown(const MethodComparison& c, std::ostream& out) {
  // The corner cell is written "| |", a space narrower than table_head's empty cell.
  out << "\nKendall's tau between the rankings:\n\n| |";
  for (const auto& r : c.results) out << ' ' << r.method << " |";
  out << "\n|---|";
  for (size_t k = 0; k < c.results.size(); ++k) out << "---:|";
  out << '\n';
  for (size_t x = 0; x < c.results.size(); ++x) {
    std::vector<std::string> row = {c.results[x].method};
    for (size_t y = 0; y < c.results.size(); ++y) row.push_back(tau_text(c.tau[x][y]));
    markdown::table_row(out, row);
  }
}

}  // namespace

void render_comparison_text(const MethodComparison& c, bool color, std::ostream& out) {
  if (c.results.empty()) return;
  const Result& first = c.results[0];
  const Style st{color};
  out << st.bold(one_line(first.framework_title)) << '\n';
  out << "framework " << one_line(first.framework);
  if (!first.framework_version.empty()) out << ' ' << one_line(first.framework_version);
  if (!first.assessment.empty()) out << ", assessment " << one_line(first.assessment);
  out << fmt::format("; {} methods compared\n", c.results.size());
  ranks_text(c, st, out);
  methods_text(c, st, out);
  tau_text(c, st, out);
  agreement_text(c, st, out);
  if (const Provenance* p = provenance_of(c)) out << '\n' << st.dim(provenance_text(*p)) << '\n';
}

void render_comparison_json(const MethodComparison& c, std::ostream& out) {
  const Result* first = c.results.empty() ? nullptr : &c.results[0];
  const std::vector<std::string> order = option_order(c);
  JsonWriter w(out);
  w.begin_object();
  w.key("framework").string(first != nullptr ? first->framework : "");
  w.key("assessment");
  if (first != nullptr) {
    w.text_or_null(first->assessment);
  } else {
    w.null();
  }
  methods_json(w.key("methods"), c);
  by_option_json(w.key("ranks"), c, order, false);
  by_option_json(w.key("scores"), c, order, true);
  tau_json(w.key("kendall_tau"), c);
  w.key("same_winner").boolean(c.same_winner);
  w.key("first_under").begin_object();
  for (const auto& [id, methods] : first_under(c)) {
    w.key(id).begin_array();
    for (const auto& m : methods) w.string(m);
    w.end_array();
  }
  w.end_object();
  w.key("rank_dependent").begin_array();
  for (const auto& id : c.rank_dependent) w.string(id);
  w.end_array();
  w.key("vetoed").begin_array();
  const Result* ran = first_ran(c);
  for (size_t k = 0; ran != nullptr && k < ran->vetoed.size(); ++k) {
    w.begin_object();
    w.key("option").string(ran->vetoed[k].option);
    w.key("rule").text_or_null(ran->vetoed[k].rule);
    if (!ran->vetoed[k].limit.empty()) w.key("limit").string(ran->vetoed[k].limit);
    w.end_object();
  }
  w.end_array();
  if (const Provenance* p = provenance_of(c)) {
    provenance_json(w.key("provenance"), *p);
  } else {
    w.key("provenance").null();
  }
  w.end_object();
  w.finish();
}

void render_comparison_markdown(const MethodComparison& c, std::ostream& out) {
  if (c.results.empty()) return;
  const Result& first = c.results[0];
  out << "# " << markdown::cell(first.framework_title) << ": methods compared\n\n";
  out << "Framework " << markdown::code(first.framework, false);
  if (!first.framework_version.empty()) out << " " << markdown::cell(first.framework_version);
  if (!first.assessment.empty()) out << ", assessment " << markdown::code(first.assessment, false);
  out << ".\n\n" << markdown::line(agreement(c)) << "\n\n";
  if (!c.same_winner && !first_under(c).empty()) {
    out << "First under: " << first_under_text(c, [](const std::string& id) {
      return markdown::code(id, false);
    }) << ".\n\n";
  }
  methods_markdown(c, out);
  ranks_markdown(c, out);
  tau_markdown(c, out);
  if (!c.rank_dependent.empty()) {
    out << "\nRanks that depend on the method: " << markdown::code_list(c.rank_dependent) << ".\n";
  }
  const Result* ran = first_ran(c);
  if (ran != nullptr && !ran->vetoed.empty()) {
    out << "\nVetoed under every method: ";
    for (size_t k = 0; k < ran->vetoed.size(); ++k) {
      const Veto& v = ran->vetoed[k];
      out << (k ? ", " : "") << markdown::code(v.option, false) << " ("
          << (v.rule.empty() ? "the limit on " + markdown::code(v.limit, false)
                             : "rule " + markdown::code(v.rule, false))
          << ")";
    }
    out << ".\n";
  }
  if (const Provenance* p = provenance_of(c)) {
    out << "\nGenerated by " << markdown::cell(provenance_text(*p)) << ".\n";
  }
}

void render_comparison_csv(const MethodComparison& c, std::ostream& out) {
  out << "option";
  for (const auto& r : c.results) out << ',' << csv_text(r.method);
  out << "\r\n";
  for (const auto& id : option_order(c)) {
    out << csv_text(id);
    for (const auto& r : c.results) out << ',' << rank_text(r, id, "");
    out << "\r\n";
  }
}

std::string method_agreement(const MethodComparison& c) { return agreement(c); }

std::string methods_first_under(const MethodComparison& c,
                                const std::function<std::string(const std::string&)>& name) {
  return first_under_text(c, name);
}

}  // namespace tradeoff::detail
