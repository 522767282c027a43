// Rendering a method comparison (`--method all`): ranks side by side, Kendall's tau between
// every pair of methods, and whether the winner depends on the method.
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_number.hpp"
#include "report/renderers.hpp"
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

/// Options in the order of the first method's ranking, then vetoed ones.
std::vector<std::string> option_order(const MethodComparison& c) {
  std::vector<std::string> out;
  if (c.results.empty()) return out;
  for (const auto& e : c.results[0].ranking) out.push_back(e.option);
  return out;
}

/// The option's rank under one method, or `none` when it has no rank there.
std::string rank_text(const Result& r, const std::string& option, const std::string& none) {
  const OptionResult* o = r.option(option);
  return o != nullptr && o->rank > 0 ? std::to_string(o->rank) : none;
}

std::string agreement(const MethodComparison& c) {
  if (c.results.empty()) return "";
  if (c.same_winner) {
    return fmt::format("All {} methods put {} first.", c.results.size(), winner_of(c.results[0]));
  }
  return "The winner depends on the method.";
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
    std::vector<std::string> row = {id};
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
  for (const auto& r : c.results) {
    m.add({r.method + " (" + r.method_title + ")", r.normalization,
           r.higher_is_better ? "higher is better" : "lower is better", winner_of(r)});
  }
  print_lines(m, out);
}

void tau_text(const MethodComparison& c, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Kendall's tau between the rankings") << '\n';
  TextTable t = by_method_table(c, "");
  for (size_t x = 0; x < c.results.size(); ++x) {
    std::vector<std::string> row = {c.results[x].method};
    for (size_t y = 0; y < c.results.size(); ++y) row.push_back(fixed(c.tau[x][y], 2));
    t.add(std::move(row));
  }
  print_lines(t, out);
}

void agreement_text(const MethodComparison& c, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Agreement") << '\n' << "  " << agreement(c) << '\n';
  if (c.rank_dependent.empty()) {
    out << "  Every option has the same rank under every method.\n";
  } else {
    std::string list;
    for (const auto& o : c.rank_dependent) list += (list.empty() ? "" : ", ") + o;
    out << "  Ranks that depend on the method: " << list << ".\n";
  }
  const Result& first = c.results[0];
  if (!first.vetoed.empty()) {
    std::string list;
    for (const auto& v : first.vetoed) {
      list += (list.empty() ? "" : ", ") + v.option + " (" + v.rule + ")";
    }
    out << "  Vetoed under every method: " << list << ".\n";
  }
}

Json methods_json(const MethodComparison& c) {
  Json methods = Json::array();
  for (const auto& r : c.results) {
    Json winners = Json::array();
    for (const auto& e : r.ranking) {
      if (e.rank == 1) winners.push_back(e.option);
    }
    methods.push_back({{"name", r.method},
                       {"title", r.method_title},
                       {"normalization", r.normalization},
                       {"higher_is_better", r.higher_is_better},
                       {"winners", std::move(winners)}});
  }
  return methods;
}

Json tau_json(const MethodComparison& c) {
  Json tau = Json::object();
  for (size_t x = 0; x < c.results.size(); ++x) {
    Json row = Json::object();
    for (size_t y = 0; y < c.results.size(); ++y) {
      row[c.results[y].method] = json_number(c.tau[x][y]);
    }
    tau[c.results[x].method] = std::move(row);
  }
  return tau;
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
  for (const auto& r : c.results) {
    markdown::table_row(out, {r.method_title + " (`" + r.method + "`)", "`" + r.normalization + "`",
                              r.higher_is_better ? "higher is better" : "lower is better",
                              "`" + winner_of(r) + "`"});
  }
}

void ranks_markdown(const MethodComparison& c, std::ostream& out) {
  out << "\nRanks (1 = best):\n\n";
  by_method_head(c, "Option", out);
  for (const auto& id : option_order(c)) {
    std::vector<std::string> row = {"`" + id + "`"};
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
    for (size_t y = 0; y < c.results.size(); ++y) row.push_back(fixed(c.tau[x][y], 2));
    markdown::table_row(out, row);
  }
}

}  // namespace

void render_comparison_text(const MethodComparison& c, bool color, std::ostream& out) {
  if (c.results.empty()) return;
  const Result& first = c.results[0];
  const Style st{color};
  out << st.bold(first.framework_title) << '\n';
  out << "framework " << first.framework;
  if (!first.framework_version.empty()) out << ' ' << first.framework_version;
  if (!first.assessment.empty()) out << ", assessment " << first.assessment;
  out << fmt::format("; {} methods compared\n", c.results.size());
  ranks_text(c, st, out);
  methods_text(c, st, out);
  tau_text(c, st, out);
  agreement_text(c, st, out);
}

void render_comparison_json(const MethodComparison& c, std::ostream& out) {
  Json j;
  const Result* first = c.results.empty() ? nullptr : &c.results[0];
  j["framework"] = first ? first->framework : "";
  j["assessment"] = first ? json_text_or_null(first->assessment) : Json(nullptr);
  j["methods"] = methods_json(c);
  Json ranks = Json::object();
  Json scores = Json::object();
  for (const auto& id : option_order(c)) {
    Json rr = Json::object();
    Json ss = Json::object();
    for (const auto& r : c.results) {
      const OptionResult* o = r.option(id);
      rr[r.method] = o != nullptr ? o->rank : 0;
      ss[r.method] = o != nullptr ? json_number(o->score) : Json(nullptr);
    }
    ranks[id] = std::move(rr);
    scores[id] = std::move(ss);
  }
  j["ranks"] = std::move(ranks);
  j["scores"] = std::move(scores);
  j["kendall_tau"] = tau_json(c);
  j["same_winner"] = c.same_winner;
  j["rank_dependent"] = c.rank_dependent;
  Json vetoed = Json::array();
  if (first) {
    for (const auto& v : first->vetoed) vetoed.push_back({{"option", v.option}, {"rule", v.rule}});
  }
  j["vetoed"] = std::move(vetoed);
  write_json(j, out);
}

void render_comparison_markdown(const MethodComparison& c, std::ostream& out) {
  if (c.results.empty()) return;
  const Result& first = c.results[0];
  out << "# " << first.framework_title << ": methods compared\n\n";
  out << "Framework `" << first.framework << "`";
  if (!first.framework_version.empty()) out << " " << first.framework_version;
  if (!first.assessment.empty()) out << ", assessment `" << first.assessment << "`";
  out << ".\n\n" << agreement(c) << "\n\n";
  methods_markdown(c, out);
  ranks_markdown(c, out);
  tau_markdown(c, out);
  if (!c.rank_dependent.empty()) {
    out << "\nRanks that depend on the method: " << markdown::code_list(c.rank_dependent) << ".\n";
  }
  if (!first.vetoed.empty()) {
    out << "\nVetoed under every method: ";
    for (size_t k = 0; k < first.vetoed.size(); ++k) {
      out << (k ? ", `" : "`") << first.vetoed[k].option << "` (rule `" << first.vetoed[k].rule
          << "`)";
    }
    out << ".\n";
  }
}

void render_comparison_csv(const MethodComparison& c, std::ostream& out) {
  out << "option";
  for (const auto& r : c.results) out << ',' << r.method;
  out << "\r\n";
  for (const auto& id : option_order(c)) {
    out << id;
    for (const auto& r : c.results) out << ',' << rank_text(r, id, "");
    out << "\r\n";
  }
}

}  // namespace tradeoff::detail
