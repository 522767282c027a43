// Builds the plain-language explanation from per-criterion contribution differences.
#include "explain/explain.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rank/rank.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

constexpr double kNegligible = 1e-12;

std::string criterion_name(const Result& r, const std::string& id) {
  const int j = r.criterion_index(id);
  return j < 0 ? id : lower_first(r.criteria[static_cast<size_t>(j)].name);
}

/// The smallest set of biggest drivers that explains most (60%) of their total, at most three.
std::vector<std::string> main_drivers(const Result& r, const std::vector<Driver>& drivers) {
  double total = 0;
  for (const auto& d : drivers) total += std::fabs(d.difference);
  std::vector<std::string> names;
  double covered = 0;
  for (const auto& d : drivers) {
    names.push_back(criterion_name(r, d.criterion));
    covered += std::fabs(d.difference);
    if (covered >= 0.6 * total || names.size() == 3) break;
  }
  return names;
}

}  // namespace

std::string format_margin(double margin) {
  if (margin != 0 && std::fabs(margin) < 0.00005) return fmt::format("{:.2g}", margin);
  return fixed(margin, 4);
}

namespace {

/// "Every option is vetoed (a and b by x; c by y), so none can be recommended.": grouped by
/// what excluded them, in the order met.
std::string excluded_summary(const Result& r) {
  std::vector<std::string> by;
  std::vector<std::vector<std::string>> options;
  for (const auto& v : r.vetoed) {
    const auto it = std::find(by.begin(), by.end(), v.by());
    if (it == by.end()) {
      by.push_back(v.by());
      options.push_back({v.option});
    } else {
      options[static_cast<size_t>(it - by.begin())].push_back(v.option);
    }
  }
  std::string parts;
  for (size_t k = 0; k < by.size(); ++k) {
    parts += fmt::format("{}{} by {}", k == 0 ? "" : "; ", join_names(options[k]), by[k]);
  }
  return fmt::format("Every option is vetoed ({}), so none can be recommended.", parts);
}

}  // namespace

Explanation explain(const Result& r) {
  Explanation e;
  if (r.ranking.empty()) {
    if (r.vetoed.empty()) {
      e.summary = "No option is eligible, so none can be recommended.";
      return e;
    }
    e.summary = excluded_summary(r);
    return e;
  }
  const RankEntry& first = r.ranking[0];
  e.winner = first.option;
  if (r.ranking.size() == 1) {
    e.summary = fmt::format("{} is the only eligible option, so it ranks first.", e.winner);
    return e;
  }
  const RankEntry& second = r.ranking[1];
  e.runner_up = second.option;
  e.tie = second.rank == first.rank;
  e.margin = e.tie ? 0.0 : std::fabs(first.score - second.score);

  const OptionResult* w = r.option(e.winner);
  const OptionResult* u = r.option(e.runner_up);
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    const double diff = w->contribution[j] - u->contribution[j];
    if (diff > kNegligible) e.decisive.push_back({r.criteria[j].id, diff});
    if (diff < -kNegligible) e.trailing.push_back({r.criteria[j].id, diff});
  }
  // Biggest first; equal differences keep framework order (stable sort).
  std::stable_sort(e.decisive.begin(), e.decisive.end(),
                   [](const Driver& a, const Driver& b) { return a.difference > b.difference; });
  std::stable_sort(e.trailing.begin(), e.trailing.end(),
                   [](const Driver& a, const Driver& b) { return a.difference < b.difference; });

  const auto leads = main_drivers(r, e.decisive);
  const auto trails = main_drivers(r, e.trailing);
  if (e.tie) {
    std::vector<std::string> tied;
    for (const auto& entry : r.ranking) {
      if (entry.rank == first.rank) tied.push_back(entry.option);
    }
    std::string s =
        fmt::format("{} tie for first place at {}", join_names(tied), fixed(first.score, 4));
    if (!leads.empty() && !trails.empty()) {
      s += fmt::format("; {} is stronger on {}, {} on {}", e.winner, join_names(leads), e.runner_up,
                       join_names(trails));
    }
    e.summary = s + ".";
    return e;
  }
  std::string s =
      fmt::format("{} ranks first, {} ahead of {}", e.winner, format_margin(e.margin), e.runner_up);
  if (!leads.empty()) s += fmt::format(", mostly on {}", join_names(leads));
  if (!trails.empty()) {
    s += fmt::format("; it trails on {}", join_names(trails));
  } else {
    s += fmt::format("; it is at least as good as {} on every criterion", e.runner_up);
  }
  s += ".";
  // VIKOR proposes a set of compromise solutions when the lead is not clear enough.
  const auto& set = r.details.compromise_set;
  if (r.method == "vikor" && set.size() > 1) {
    bool advantage = true;
    for (const auto& [key, value] : r.details.conditions) {
      if (key == "acceptable_advantage") advantage = value;
    }
    s += fmt::format(" VIKOR's compromise set is {} ({}).", join_names(set),
                     advantage ? "the winner is not also best by S or by R"
                               : "its lead in Q is below the acceptable advantage");
  }
  e.summary = s;
  return e;
}

}  // namespace tradeoff::detail
