// Rendering a method comparison (`--method all`): ranks side by side, Kendall's tau between
// every pair of methods, and whether the winner depends on the method.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

#include "report/json_number.hpp"
#include "report/renderers.hpp"
#include "text.hpp"

namespace tradeoff::detail {

namespace {

using Json = nlohmann::ordered_json;

Json num(double v) { return json_number(v); }

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

std::string agreement(const MethodComparison& c) {
  if (c.results.empty()) return "";
  if (c.same_winner) {
    return fmt::format("All {} methods put {} first.", c.results.size(), winner_of(c.results[0]));
  }
  return "The winner depends on the method.";
}

}  // namespace

void render_comparison_text(const MethodComparison& c, bool color, std::ostream& out) {
  if (c.results.empty()) return;
  const Result& first = c.results[0];
  auto bold = [color](const std::string& s) { return color ? "\x1b[1m" + s + "\x1b[0m" : s; };
  out << bold(first.framework_title) << '\n';
  out << "framework " << first.framework;
  if (!first.framework_version.empty()) out << ' ' << first.framework_version;
  if (!first.assessment.empty()) out << ", assessment " << first.assessment;
  out << fmt::format("; {} methods compared\n", c.results.size());

  out << '\n' << bold("Ranks by method") << " (1 = best)\n";
  std::vector<TextTable::Align> align = {TextTable::Align::Left};
  std::vector<std::string> head = {"option"};
  for (const auto& r : c.results) {
    align.push_back(TextTable::Align::Right);
    head.push_back(r.method);
  }
  TextTable t(align);
  t.add(head);
  for (const auto& id : option_order(c)) {
    std::vector<std::string> row = {id};
    for (const auto& r : c.results) {
      const OptionResult* o = r.option(id);
      row.push_back(o != nullptr && o->rank > 0 ? std::to_string(o->rank) : "-");
    }
    t.add(std::move(row));
  }
  for (const auto& line : t.lines()) out << line << '\n';

  out << '\n' << bold("Methods") << '\n';
  TextTable m({TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
               TextTable::Align::Left});
  m.add({"method", "normalization", "score", "winner"});
  for (const auto& r : c.results) {
    m.add({r.method + " (" + r.method_title + ")", r.normalization,
           r.higher_is_better ? "higher is better" : "lower is better", winner_of(r)});
  }
  for (const auto& line : m.lines()) out << line << '\n';

  out << '\n' << bold("Kendall's tau between the rankings") << '\n';
  std::vector<TextTable::Align> talign = {TextTable::Align::Left};
  std::vector<std::string> thead = {""};
  for (const auto& r : c.results) {
    talign.push_back(TextTable::Align::Right);
    thead.push_back(r.method);
  }
  TextTable tt(talign);
  tt.add(thead);
  for (size_t x = 0; x < c.results.size(); ++x) {
    std::vector<std::string> row = {c.results[x].method};
    for (size_t y = 0; y < c.results.size(); ++y) row.push_back(fixed(c.tau[x][y], 2));
    tt.add(std::move(row));
  }
  for (const auto& line : tt.lines()) out << line << '\n';

  out << '\n' << bold("Agreement") << '\n' << "  " << agreement(c) << '\n';
  if (c.rank_dependent.empty()) {
    out << "  Every option has the same rank under every method.\n";
  } else {
    std::string list;
    for (const auto& o : c.rank_dependent) list += (list.empty() ? "" : ", ") + o;
    out << "  Ranks that depend on the method: " << list << ".\n";
  }
  if (!first.vetoed.empty()) {
    std::string list;
    for (const auto& v : first.vetoed) list += (list.empty() ? "" : ", ") + v.option + " (" + v.rule + ")";
    out << "  Vetoed under every method: " << list << ".\n";
  }
}

void render_comparison_json(const MethodComparison& c, std::ostream& out) {
  Json j;
  const Result* first = c.results.empty() ? nullptr : &c.results[0];
  j["framework"] = first ? first->framework : "";
  j["assessment"] = first && !first->assessment.empty() ? Json(first->assessment) : Json(nullptr);
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
  j["methods"] = std::move(methods);
  Json ranks = Json::object();
  Json scores = Json::object();
  for (const auto& id : option_order(c)) {
    Json rr = Json::object();
    Json ss = Json::object();
    for (const auto& r : c.results) {
      const OptionResult* o = r.option(id);
      rr[r.method] = o != nullptr ? o->rank : 0;
      ss[r.method] = o != nullptr ? num(o->score) : Json(nullptr);
    }
    ranks[id] = std::move(rr);
    scores[id] = std::move(ss);
  }
  j["ranks"] = std::move(ranks);
  j["scores"] = std::move(scores);
  Json tau = Json::object();
  for (size_t x = 0; x < c.results.size(); ++x) {
    Json row = Json::object();
    for (size_t y = 0; y < c.results.size(); ++y) row[c.results[y].method] = num(c.tau[x][y]);
    tau[c.results[x].method] = std::move(row);
  }
  j["kendall_tau"] = std::move(tau);
  j["same_winner"] = c.same_winner;
  j["rank_dependent"] = c.rank_dependent;
  Json vetoed = Json::array();
  if (first) {
    for (const auto& v : first->vetoed) vetoed.push_back({{"option", v.option}, {"rule", v.rule}});
  }
  j["vetoed"] = std::move(vetoed);
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

void render_comparison_markdown(const MethodComparison& c, std::ostream& out) {
  if (c.results.empty()) return;
  const Result& first = c.results[0];
  out << "# " << first.framework_title << ": methods compared\n\n";
  out << "Framework `" << first.framework << "`";
  if (!first.framework_version.empty()) out << " " << first.framework_version;
  if (!first.assessment.empty()) out << ", assessment `" << first.assessment << "`";
  out << ".\n\n" << agreement(c) << "\n\n| Method | Normalisation | Score | Winner |\n|---|---|---|---|\n";
  for (const auto& r : c.results) {
    out << "| " << r.method_title << " (`" << r.method << "`) | `" << r.normalization << "` | "
        << (r.higher_is_better ? "higher is better" : "lower is better") << " | `" << winner_of(r)
        << "` |\n";
  }
  out << "\nRanks (1 = best):\n\n| Option |";
  for (const auto& r : c.results) out << ' ' << r.method << " |";
  out << "\n|---|";
  for (size_t k = 0; k < c.results.size(); ++k) out << "---:|";
  out << '\n';
  for (const auto& id : option_order(c)) {
    out << "| `" << id << "` |";
    for (const auto& r : c.results) {
      const OptionResult* o = r.option(id);
      out << ' ' << (o != nullptr && o->rank > 0 ? std::to_string(o->rank) : "-") << " |";
    }
    out << '\n';
  }
  out << "\nKendall's tau between the rankings:\n\n| |";
  for (const auto& r : c.results) out << ' ' << r.method << " |";
  out << "\n|---|";
  for (size_t k = 0; k < c.results.size(); ++k) out << "---:|";
  out << '\n';
  for (size_t x = 0; x < c.results.size(); ++x) {
    out << "| " << c.results[x].method << " |";
    for (size_t y = 0; y < c.results.size(); ++y) out << ' ' << fixed(c.tau[x][y], 2) << " |";
    out << '\n';
  }
  if (!c.rank_dependent.empty()) {
    out << "\nRanks that depend on the method: ";
    for (size_t k = 0; k < c.rank_dependent.size(); ++k) {
      out << (k ? ", `" : "`") << c.rank_dependent[k] << "`";
    }
    out << ".\n";
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
    for (const auto& r : c.results) {
      const OptionResult* o = r.option(id);
      out << ',' << (o != nullptr && o->rank > 0 ? std::to_string(o->rank) : "");
    }
    out << "\r\n";
  }
}

}  // namespace tradeoff::detail
