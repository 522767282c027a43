// Rules that can never fire: interval analysis of each condition over the inputs' declared
// ranges (a number's min and max, every level, choice and truth value), with derived values
// propagated through their formulas. Levels, choices, booleans and integers with few values are
// enumerated, so that a condition reading the same input twice (`x == "a" and x == "b"`) is
// judged on each value, not on the range of all of them. A warning is given only when the
// condition is false on every combination: never for a condition that may hold.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "lint/checks.hpp"
#include "lint/intervals.hpp"
#include "support/text.hpp"

namespace tradeoff::linter {

namespace {

/// Enumerate at most this many combinations of discrete values per rule, and at most as many as
/// keep the nodes evaluated within kNodeBudget (a framework of long formulas is analysed over
/// fewer combinations, never slowly); integers with at most kMaxIntegerValues values count as
/// discrete.
constexpr size_t kMaxCombinations = 4096;
constexpr size_t kNodeBudget = 1 << 20;
constexpr double kMaxIntegerValues = 16;

Interval declared_range(const Input& in) {
  switch (in.type) {
    case InputType::Number:
      return {in.min.value_or(-kInfinity), in.max.value_or(kInfinity)};
    case InputType::Integer: {
      const Interval whole{in.min ? std::ceil(*in.min) : -kInfinity,
                           in.max ? std::floor(*in.max) : kInfinity};
      if (whole.lo <= whole.hi) return whole;
      return {in.min.value_or(-kInfinity), in.max.value_or(kInfinity)};
    }
    case InputType::Boolean:
      return {0, 1};
    case InputType::Choice:
    case InputType::Level:
      return {0, static_cast<double>(in.values.size()) - 1};
  }
  return Interval::everything();
}

/// How many values an input takes when enumerated; 0 when it is not enumerated.
size_t value_count(const Input& in) {
  const Interval r = declared_range(in);
  if (in.type == InputType::Number || !std::isfinite(r.lo) || !std::isfinite(r.hi)) return 0;
  const double n = r.hi - r.lo + 1;
  if (in.type == InputType::Integer && n > kMaxIntegerValues) return 0;
  return n >= 1 ? static_cast<size_t>(n) : 0;
}

/// The value slots of a framework by name: inputs first, then derived values.
std::map<std::string, size_t> slots_by_name(const Framework& fw) {
  std::map<std::string, size_t> slots;
  for (size_t i = 0; i < fw.inputs.size(); ++i) slots.emplace(fw.inputs[i].name, i);
  for (size_t d = 0; d < fw.derived.size(); ++d) {
    slots.emplace(fw.derived[d].name, fw.inputs.size() + d);
  }
  return slots;
}

/// The slots a condition reads, directly or through derived values.
std::vector<bool> slots_read(const Framework& fw, const expr::Tree& tree) {
  const auto by_name = slots_by_name(fw);
  std::vector<bool> read(fw.slot_count(), false);
  std::vector<const expr::Tree*> pending{&tree};
  while (!pending.empty()) {
    const expr::Tree* t = pending.back();
    pending.pop_back();
    for (const auto& name : expr::names_in(*t)) {
      const auto it = by_name.find(name);
      if (it == by_name.end() || read[it->second]) continue;
      read[it->second] = true;
      if (it->second < fw.inputs.size()) continue;
      const Derived& d = fw.derived[it->second - fw.inputs.size()];
      if (d.formula.tree) pending.push_back(d.formula.tree.get());
    }
  }
  return read;
}

/// What the exploration of one condition found.
struct Reach {
  std::vector<bool> can_be_true;  ///< per node of the condition, over every combination
  std::vector<Interval> seen;     ///< per slot, the hull over every combination
};

class Explorer {
 public:
  Explorer(const Framework& fw, const expr::Tree& condition)
      : fw_(fw), condition_(condition), read_(slots_read(fw, condition)) {
    base_.resize(fw.slot_count());
    for (size_t i = 0; i < fw.inputs.size(); ++i) base_[i] = declared_range(fw.inputs[i]);
    // The nodes one combination evaluates: the condition and the derived values it reads.
    size_t nodes = condition.nodes.size();
    for (size_t d = 0; d < fw.derived.size(); ++d) {
      const auto& tree = fw.derived[d].formula.tree;
      if (read_[fw.inputs.size() + d] && tree) nodes += tree->nodes.size();
    }
    const size_t most = std::min(kMaxCombinations, std::max<size_t>(1, kNodeBudget / nodes));
    size_t combinations = 1;
    for (size_t i = 0; i < fw.inputs.size(); ++i) {
      const size_t n = value_count(fw.inputs[i]);
      if (!read_[i] || n < 2 || combinations * n > most) continue;
      combinations *= n;
      enumerated_.push_back(i);
    }
  }

  /// Runs every combination, or stops at the first that can make the condition true.
  Reach run() {
    Reach reach;
    reach.can_be_true.assign(condition_.nodes.size(), false);
    reach.seen.assign(fw_.slot_count(), Interval{kInfinity, -kInfinity});
    std::vector<size_t> digits(enumerated_.size(), 0);
    while (true) {
      const std::vector<Interval> slots = slots_for(digits);
      const std::vector<Interval> nodes = evaluate_intervals(condition_, slots);
      for (size_t k = 0; k < nodes.size(); ++k) {
        if (nodes[k].can_be_true()) reach.can_be_true[k] = true;
      }
      for (size_t s = 0; s < slots.size(); ++s) reach.seen[s] = hull(reach.seen[s], slots[s]);
      if (reach.can_be_true[condition_.root] || !next(digits)) break;
    }
    return reach;
  }

 private:
  std::vector<Interval> slots_for(const std::vector<size_t>& digits) const {
    std::vector<Interval> slots = base_;
    for (size_t k = 0; k < enumerated_.size(); ++k) {
      const size_t i = enumerated_[k];
      slots[i] = Interval::point(base_[i].lo + static_cast<double>(digits[k]));
    }
    for (size_t d : fw_.derived_order) {
      const size_t slot = fw_.inputs.size() + d;
      const auto& tree = fw_.derived[d].formula.tree;
      if (!read_[slot] || !tree) continue;
      slots[slot] = evaluate_intervals(*tree, slots)[tree->root];
    }
    return slots;
  }

  /// The next combination, as a mixed-radix counter; false after the last.
  bool next(std::vector<size_t>& digits) const {
    for (size_t k = 0; k < digits.size(); ++k) {
      if (++digits[k] < value_count(fw_.inputs[enumerated_[k]])) return true;
      digits[k] = 0;
    }
    return false;
  }

  const Framework& fw_;
  const expr::Tree& condition_;
  std::vector<bool> read_;
  std::vector<Interval> base_;
  std::vector<size_t> enumerated_;
};

/// The part of the condition to point at: down through `and`, into an operand that is never
/// true on its own; the whole condition when no single operand is.
uint32_t culprit(const expr::Tree& tree, const Reach& reach) {
  uint32_t at = tree.root;
  while (tree.nodes[at].op == expr::Op::And) {
    const uint32_t left = tree.child_index(tree.nodes[at], 0);
    const uint32_t right = tree.child_index(tree.nodes[at], 1);
    if (!reach.can_be_true[left]) {
      at = left;
    } else if (!reach.can_be_true[right]) {
      at = right;
    } else {
      break;
    }
  }
  return at;
}

std::string number_range(const Interval& r) {
  const bool low = std::isfinite(r.lo);
  const bool high = std::isfinite(r.hi);
  if (low && high) {
    if (r.is_point()) return fmt::format("is {}", detail::quantity(r.lo));
    return fmt::format("lies within [{}, {}]", detail::quantity(r.lo), detail::quantity(r.hi));
  }
  if (low) return fmt::format("is at least {}", detail::quantity(r.lo));
  if (high) return fmt::format("is at most {}", detail::quantity(r.hi));
  return "may be any number";
}

/// "requests_per_day lies within [0, 10,000,000] (its declared min and max)"; "" for names
/// whose range says nothing useful (booleans, unbounded values).
std::string describe(const Framework& fw, const std::string& name, const Interval& seen) {
  if (const Input* in = fw.input(name)) {
    if (in->type == InputType::Choice || in->type == InputType::Level) {
      return fmt::format("{} is {}", name, quoted_names(in->values, "or"));
    }
    if (in->type == InputType::Boolean) return {};
    const char* which = in->min && in->max ? "its declared min and max"
                        : in->min          ? "its declared min"
                        : in->max          ? "its declared max"
                                           : "it declares no min or max";
    return fmt::format("{} {} ({})", name, number_range(declared_range(*in)), which);
  }
  if (!std::isfinite(seen.lo) && !std::isfinite(seen.hi)) return {};
  return fmt::format("{} {} over the inputs' ranges", name, number_range(seen));
}

/// The names read under node `at`, in text order, without duplicates.
std::vector<std::string> names_under(const expr::Tree& tree, uint32_t at) {
  std::vector<std::pair<uint32_t, std::string>> found;
  std::vector<uint32_t> pending{at};
  while (!pending.empty()) {
    const expr::Node& n = tree.nodes[pending.back()];
    pending.pop_back();
    if (n.op == expr::Op::Name) found.emplace_back(n.begin, n.text);
    for (uint32_t k = 0; k < n.count; ++k) pending.push_back(tree.child_index(n, k));
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (auto& f : found) {
    if (std::find(names.begin(), names.end(), f.second) == names.end()) {
      names.push_back(std::move(f.second));
    }
  }
  return names;
}

void report(Context& ctx, const Rule& rule, const Reach& reach) {
  const expr::Tree& tree = *rule.when.tree;
  const uint32_t at = culprit(tree, reach);
  const expr::Node& node = tree.nodes[at];
  const std::string part = tree.source.substr(node.begin, node.end - node.begin);
  std::string message =
      at == tree.root || part.size() > 60
          ? fmt::format(
                "rule '{}' never fires: its condition is false for every value the "
                "inputs may take",
                rule.id)
          : fmt::format(
                "rule '{}' never fires: '{}' is false for every value the inputs may "
                "take",
                rule.id, part);
  const auto by_name = slots_by_name(ctx.fw);
  std::vector<std::string> facts;
  for (const auto& name : names_under(tree, at)) {
    const auto it = by_name.find(name);
    if (it == by_name.end()) continue;
    std::string fact = describe(ctx.fw, name, reach.seen[it->second]);
    if (!fact.empty() && facts.size() < 4) facts.push_back(std::move(fact));
  }
  std::string hint;
  for (const auto& f : facts) hint += (hint.empty() ? "" : "; ") + f;
  const SourceLocation where = rule.when.at(node.begin);
  const SourceLocation end = rule.when.at(node.end);
  ctx.warn(ErrorCode::NeverFires, where, std::move(message), std::move(hint),
           end.line == where.line ? end.column - where.column : 1);
}

}  // namespace

void check_rules_reach(Context& ctx) {
  for (const auto& rule : ctx.fw.rules) {
    if (!rule.when.tree || rule.when.tree->nodes.empty()) continue;
    const Reach reach = Explorer(ctx.fw, *rule.when.tree).run();
    if (!reach.can_be_true[rule.when.tree->root]) report(ctx, rule, reach);
  }
}

}  // namespace tradeoff::linter
