// Parts of a loaded model as one line of text: see diff/describe.hpp.
#include "diff/describe.hpp"

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

std::string options_text(const std::vector<std::string>& options) {
  return options.size() == 1 ? options.front() : "[" + list_text(options) + "]";
}

std::string operand(const Effect& e) { return e.value ? e.value->text : "?"; }

std::string effect_text(const Effect& e) {
  switch (e.kind) {
    case Effect::Kind::Veto:
      return "veto " + options_text(e.options);
    case Effect::Kind::ScoreAdd:
      return fmt::format("{} on {}: add {}", options_text(e.options), e.criterion, operand(e));
    case Effect::Kind::ScoreMultiply:
      return fmt::format("{} on {}: multiply by {}", options_text(e.options), e.criterion,
                         operand(e));
    case Effect::Kind::ScoreSet:
      return fmt::format("{} on {}: set to {}", options_text(e.options), e.criterion, operand(e));
    case Effect::Kind::WeightMultiply:
      return fmt::format("weight of {}: multiply by {}", e.criterion, operand(e));
    case Effect::Kind::WeightSet:
      return fmt::format("weight of {}: set to {}", e.criterion, operand(e));
    case Effect::Kind::Note:
      return "note \"" + e.text + "\"";
  }
  return "?";
}

std::string pairs_text(const std::vector<std::pair<std::string, double>>& pairs) {
  std::vector<std::string> items;
  for (const auto& [id, value] : pairs) items.push_back(id + " " + plain_number(value));
  return list_text(items);
}

std::string judgements_text(const PairwiseJudgements& ahp) {
  const size_t n = ahp.elements.size();
  std::vector<std::string> rows;
  for (size_t i = 0; i < n && ahp.matrix.size() == n * n; ++i) {
    std::vector<std::string> cells;
    for (size_t j = 0; j < n; ++j) cells.push_back(plain_number(ahp.matrix[i * n + j]));
    rows.push_back("[" + list_text(cells) + "]");
  }
  return fmt::format("over {}: [{}], {}, {}", list_text(ahp.elements), list_text(rows),
                     to_string(ahp.priority), to_string(ahp.ri_table));
}

std::string order_text(const std::vector<std::vector<std::string>>& order) {
  std::vector<std::string> ranks;
  for (const auto& tied : order) {
    std::string rank;
    for (const auto& id : tied) rank += (rank.empty() ? "" : " = ") + id;
    ranks.push_back(rank);
  }
  return list_text(ranks);
}

std::string groups_text(const WeightingSpec& spec) {
  std::vector<std::string> groups;
  for (const auto& g : spec.groups) {
    std::string text = g.id + " (" + list_text(g.criteria) + ")";
    if (g.weight) text += " weight " + plain_number(*g.weight);
    if (g.local) text += " {" + weighting_text(*g.local) + "}";
    groups.push_back(text);
  }
  std::string out = list_text(groups);
  if (spec.top) out += "; groups weighted by {" + weighting_text(*spec.top) + "}";
  return out;
}

std::string stakeholders_text(const WeightingSpec& spec) {
  std::vector<std::string> people;
  for (const auto& s : spec.stakeholders) {
    std::string text = s.id + " weight " + plain_number(s.weight);
    if (s.weighting) text += " {" + weighting_text(*s.weighting) + "}";
    people.push_back(text);
  }
  return std::string(to_string(spec.aggregate)) + " of " + list_text(people);
}

}  // namespace

std::string list_text(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string scale_text(const std::pair<double, double>& scale) {
  return fmt::format("[{}, {}]", plain_number(scale.first), plain_number(scale.second));
}

std::string value_function_text(const ValueFunction& function) {
  std::vector<std::string> points;
  for (const auto& [raw, value] : function.points) {
    points.push_back(fmt::format("[{}, {}]", plain_number(raw), plain_number(value)));
  }
  return "[" + list_text(points) + "]";
}

std::string limit_text(const Limit& limit) {
  std::vector<std::string> parts;
  if (limit.max) parts.push_back("max " + limit.max->text);
  if (limit.min) parts.push_back("min " + limit.min->text);
  if (!limit.because.empty()) parts.push_back("because \"" + limit.because + "\"");
  if (!limit.source.empty()) parts.push_back("source " + limit.source);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string rubric_text(const std::vector<std::pair<std::string, std::string>>& rubric) {
  std::string out;
  for (const auto& [score, meaning] : rubric) {
    out += (out.empty() ? "" : "; ") + score + ": " + meaning;
  }
  return out;
}

std::string distribution_text(const Distribution& d) {
  if (d.kind == Distribution::Kind::Range) {
    return fmt::format("[{}, {}]", plain_number(d.low), plain_number(d.high));
  }
  return fmt::format("{{low: {}, mode: {}, high: {}}}", plain_number(d.low), plain_number(d.mode),
                     plain_number(d.high));
}

DiffValue score_value(const Score& score) {
  if (score.formula) return DiffValue::of(score.formula->text);
  if (score.uncertainty) return DiffValue::of(distribution_text(*score.uncertainty));
  return DiffValue::of(score.value);
}

std::string effects_text(const std::vector<Effect>& effects) {
  std::string out;
  for (const auto& e : effects) out += (out.empty() ? "" : "; ") + effect_text(e);
  return out;
}

std::string weighting_text(const WeightingSpec& spec) {
  const std::string method(to_string(spec.method));
  switch (spec.method) {
    case WeightingMethod::Ahp:
      return method + " " + judgements_text(spec.ahp);
    case WeightingMethod::Roc:
    case WeightingMethod::RankSum:
    case WeightingMethod::RankReciprocal:
      return method + ": " + order_text(spec.order);
    case WeightingMethod::Swing:
    case WeightingMethod::Direct:
      return spec.weights.empty() ? method : method + ": " + pairs_text(spec.weights);
    case WeightingMethod::Groups:
      return method + ": " + groups_text(spec);
    case WeightingMethod::Stakeholders:
      return method + ": " + stakeholders_text(spec);
    case WeightingMethod::Entropy:
    case WeightingMethod::Critic:
      break;
  }
  return method;
}

std::string uncertainty_text(const std::optional<Uncertainty>& uncertainty) {
  if (!uncertainty) return "concentration 100 (the default)";
  switch (uncertainty->weights) {
    case Uncertainty::Weights::Stated:
      return "stated";
    case Uncertainty::Weights::None:
      return "none";
    case Uncertainty::Weights::Concentration:
      return "concentration " + plain_number(uncertainty->concentration);
    case Uncertainty::Weights::Ranges:
      break;
  }
  std::vector<std::string> ranges;
  for (const auto& r : uncertainty->ranges) {
    ranges.push_back(r.criterion + " " + scale_text({r.low, r.high}));
  }
  return "ranges " + list_text(ranges);
}

std::string preference_text(const std::vector<PreferenceFunction>& preference) {
  std::string out;
  for (const auto& p : preference) {
    std::string text =
        (p.criterion.empty() ? "default" : p.criterion) + " " + std::string(to_string(p.function));
    if (p.q != 0) text += " q=" + plain_number(p.q);
    if (p.p != 0) text += " p=" + plain_number(p.p);
    if (p.s != 0) text += " s=" + plain_number(p.s);
    out += (out.empty() ? "" : "; ") + text;
  }
  return out;
}

}  // namespace tradeoff::detail
