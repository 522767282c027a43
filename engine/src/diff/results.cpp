// What two evaluations did differently: the weights as used, the winner, the margin, each
// option's rank and exclusion, the rules that fire (see tradeoff/diff.hpp).
#include <map>

#include "diff/change_list.hpp"
#include "support/text.hpp"
#include "tradeoff/diff.hpp"

namespace tradeoff {

namespace {

/// Where an option ranked on one side, or what excluded it.
OptionSide side_of(const Result& result, const std::map<std::string, size_t>& options,
                   const std::map<std::string, const Veto*>& vetoes, const std::string& id) {
  OptionSide side;
  const auto found = options.find(id);
  if (found == options.end()) return side;
  const OptionResult& o = result.options[found->second];
  side.present = true;
  if (o.eligible && o.rank > 0) {
    side.rank = o.rank;
    side.score = o.score;
  }
  const auto veto = vetoes.find(id);
  if (veto != vetoes.end()) {
    const Veto& v = *veto->second;
    side.excluded_by = v.rule.empty() ? "limit:" + v.limit : v.rule;
  }
  return side;
}

std::map<std::string, const Veto*> vetoes_of(const Result& result) {
  std::map<std::string, const Veto*> out;
  for (const auto& v : result.vetoed) out.emplace(v.option, &v);
  return out;
}

/// The options in output order: the new ranking, the new side's excluded options, then the
/// options only the old side has.
std::vector<std::string> option_order(const Result& before, const Result& after,
                                      const std::map<std::string, size_t>& new_index) {
  std::vector<std::string> ids;
  for (const auto& entry : after.ranking) ids.push_back(entry.option);
  for (const auto& o : after.options) {
    if (!(o.eligible && o.rank > 0)) ids.push_back(o.id);
  }
  for (const auto& o : before.options) {
    if (new_index.count(o.id) == 0) ids.push_back(o.id);
  }
  return ids;
}

std::vector<RuleFiring> firing_changes(const Result& before, const Result& after) {
  std::map<std::string, bool> old_fired;
  std::map<std::string, bool> new_fired;
  for (const auto& r : before.rules) old_fired.emplace(r.id, r.fired);
  for (const auto& r : after.rules) new_fired.emplace(r.id, r.fired);
  const auto lookup = [](const std::map<std::string, bool>& m, const std::string& id) {
    const auto found = m.find(id);
    return found == m.end() ? std::optional<bool>() : std::optional<bool>(found->second);
  };
  std::vector<RuleFiring> out;
  const auto add = [&](const std::string& id) {
    const auto b = lookup(old_fired, id);
    const auto a = lookup(new_fired, id);
    if (b.value_or(false) != a.value_or(false)) out.push_back({id, b, a});
  };
  for (const auto& r : after.rules) add(r.id);
  for (const auto& r : before.rules) {
    if (new_fired.count(r.id) == 0) add(r.id);
  }
  return out;
}

bool same_side(const OptionSide& a, const OptionSide& b) {
  return a.present == b.present && a.rank == b.rank && a.score == b.score &&
         a.excluded_by == b.excluded_by;
}

}  // namespace

bool ResultDiff::changed() const {
  if (winner_before != winner_after || runner_up_before != runner_up_after ||
      margin_before != margin_after || tie_before != tie_after || !rules.empty()) {
    return true;
  }
  for (const auto& o : options) {
    if (!same_side(o.before, o.after)) return true;
  }
  return false;
}

std::vector<OptionChange> ResultDiff::became_excluded() const {
  std::vector<OptionChange> out;
  for (const auto& o : options) {
    if (o.before.present && o.after.present && !o.after.excluded_by.empty() &&
        o.after.excluded_by != o.before.excluded_by) {
      out.push_back(o);
    }
  }
  return out;
}

std::vector<OptionChange> ResultDiff::became_eligible() const {
  std::vector<OptionChange> out;
  for (const auto& o : options) {
    if (o.before.present && o.after.present && !o.before.excluded_by.empty() &&
        o.after.excluded_by.empty()) {
      out.push_back(o);
    }
  }
  return out;
}

std::vector<Change> diff_weights(const Result& before, const Result& after) {
  std::vector<Change> out;
  detail::ChangeList c(DiffSection::Weights, out);
  const auto old_index =
      detail::index_by(before.criteria, [](const CriterionResult& k) { return k.id; });
  for (const auto& a : after.criteria) {
    const auto found = old_index.find(a.id);
    if (found == old_index.end()) continue;  // an added criterion: listed under criteria
    const CriterionResult& b = before.criteria[found->second];
    c.entry(a.id);
    c.field("weight", DiffValue::of(b.weight), DiffValue::of(a.weight));
    DiffValue old_share = DiffValue::of(b.normalized_weight);
    DiffValue new_share = DiffValue::of(a.normalized_weight);
    old_share.text = detail::fixed(b.normalized_weight, 4);
    new_share.text = detail::fixed(a.normalized_weight, 4);
    c.field("share", old_share, new_share);
    c.text("origin", b.weight_origin, a.weight_origin);
    c.text("because", b.weight_because, a.weight_because);
  }
  return out;
}

ResultDiff diff_results(const Result& before, const Result& after) {
  ResultDiff d;
  d.winner_before = before.explanation.winner;
  d.winner_after = after.explanation.winner;
  d.runner_up_before = before.explanation.runner_up;
  d.runner_up_after = after.explanation.runner_up;
  if (!d.runner_up_before.empty()) d.margin_before = before.explanation.margin;
  if (!d.runner_up_after.empty()) d.margin_after = after.explanation.margin;
  d.tie_before = before.explanation.tie;
  d.tie_after = after.explanation.tie;
  const auto id = [](const OptionResult& o) { return o.id; };
  const auto old_index = detail::index_by(before.options, id);
  const auto new_index = detail::index_by(after.options, id);
  const auto old_vetoes = vetoes_of(before);
  const auto new_vetoes = vetoes_of(after);
  for (const auto& option : option_order(before, after, new_index)) {
    OptionChange change;
    change.option = option;
    change.before = side_of(before, old_index, old_vetoes, option);
    change.after = side_of(after, new_index, new_vetoes, option);
    const auto named = new_index.count(option) != 0 ? &after.options[new_index.at(option)]
                                                    : &before.options[old_index.at(option)];
    change.name = named->name;
    d.options.push_back(std::move(change));
  }
  d.rules = firing_changes(before, after);
  return d;
}

}  // namespace tradeoff
