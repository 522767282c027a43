// What an assessment adds to a definition, compared: its header and decision record, its
// answers, the scores each side evaluates (overrides included), the method and weighting as
// chosen, and the sources (see diff/definitions.hpp).
#include <cmath>
#include <limits>
#include <map>

#include "diff/change_list.hpp"
#include "diff/definitions.hpp"
#include "diff/describe.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

const Assessment& assessment_of(const Loaded& loaded) {
  static const Assessment none;
  return loaded.assessment ? *loaded.assessment : none;
}

/// The value an input takes: the answer when there is one, else the default (so marked).
DiffValue used_value(const Input* input, const InputValue* answer) {
  if (input == nullptr) return {};
  if (answer != nullptr && answer->uncertainty) {
    return DiffValue::of(distribution_text(*answer->uncertainty));
  }
  const double value = answer != nullptr ? answer->value : input->default_value;
  DiffValue out = input->type == InputType::Number || input->type == InputType::Integer
                      ? DiffValue::of(value)
                      : DiffValue::of(input->display(value));
  if (answer == nullptr) out.text += " (default)";
  return out;
}

/// Every input either side answers, in the new framework's order, then the old one's.
std::vector<std::string> answered_inputs(const Loaded& before, const Loaded& after) {
  std::vector<std::string> names;
  std::map<std::string, bool> seen;
  for (const Loaded* side : {&after, &before}) {
    for (const auto& input : side->framework.inputs) {
      if (seen.emplace(input.name, true).second) names.push_back(input.name);
    }
  }
  return names;
}

void compare_answer(ChangeList& c, const std::string& name, const Loaded& before,
                    const Loaded& after, const InputValue* b, const InputValue* a) {
  const DiffValue old_value = used_value(before.framework.input(name), b);
  const DiffValue new_value = used_value(after.framework.input(name), a);
  c.entry(name);
  if (b == nullptr || a == nullptr) {
    c.push(b == nullptr ? Change::Kind::Added : Change::Kind::Removed, "value", old_value,
           new_value);
    return;
  }
  c.field("value", old_value, new_value);
  c.text("because", b->because, a->because);
  c.text("source", b->source, a->source);
  c.text("as_of", b->as_of, a->as_of);
}

using ScoreKey = std::pair<std::string, std::string>;

std::map<ScoreKey, const Score*> overrides_of(const Assessment& assessment) {
  std::map<ScoreKey, const Score*> out;
  for (const auto& o : assessment.scores) out[{o.option, o.score.criterion}] = &o.score;
  return out;
}

/// The score a side evaluates, and whose it is: a score written in YAML, or a table's cell.
struct UsedScore {
  const Score* score = nullptr;
  std::string origin;
  double cell = std::numeric_limits<double>::quiet_NaN();  ///< from a table, when no score
};

/// What a side scores an option on a criterion: the assessment's YAML over its table, over the
/// framework's YAML and table (the order in which evaluation takes them).
UsedScore used_score(const std::map<ScoreKey, const Score*>& overrides, const Loaded& side,
                     size_t option, size_t criterion) {
  const Framework& fw = side.framework;
  const Alternative& o = fw.options[option];
  const std::string& id = fw.criteria[criterion].id;
  if (!overrides.empty()) {
    const auto found = overrides.find({o.id, id});
    if (found != overrides.end()) return {found->second, "assessment"};
  }
  if (side.assessment && side.assessment->table) {
    const double v = side.assessment->table->value(option, criterion);
    if (!std::isnan(v)) return {nullptr, "assessment", v};
  }
  if (const Score* s = o.score(id)) return {s, "framework"};
  return {nullptr, "framework", fw.table ? fw.table->value(option, criterion) : UsedScore{}.cell};
}

bool plain(const UsedScore& u) {
  return u.score == nullptr || (!u.score->formula && !u.score->uncertainty);
}
double plain_value(const UsedScore& u) { return u.score != nullptr ? u.score->value : u.cell; }
const std::string& because_of(const UsedScore& u) {
  static const std::string none;
  return u.score != nullptr ? u.score->because : none;
}
const std::string& source_of(const UsedScore& u) {
  static const std::string none;
  return u.score != nullptr ? u.score->source : none;
}

/// Two plain numbers with the same value, reason, source and origin: nothing to say (and
/// nothing to format, on a matrix of a hundred thousand options).
bool plainly_same(const UsedScore& b, const UsedScore& a) {
  return plain(b) && plain(a) && plain_value(b) == plain_value(a) &&
         because_of(b) == because_of(a) && source_of(b) == source_of(a) && b.origin == a.origin;
}

DiffValue used_value(const UsedScore& u) {
  if (u.score != nullptr) return score_value(*u.score);
  return std::isnan(u.cell) ? DiffValue{} : DiffValue::of(u.cell);
}

void compare_score(ChangeList& c, const UsedScore& b, const UsedScore& a, bool assessments) {
  c.field("value", used_value(b), used_value(a));
  c.text("because", because_of(b), because_of(a));
  c.text("source", source_of(b), source_of(a));
  if (assessments) c.text("origin", b.origin, a.origin);
}

/// The assessment's score, marked as its own.
DiffValue override_value(const Score& score) {
  DiffValue v = score_value(score);
  v.text += " (the assessment's)";
  return v;
}

/// The assessment's scores of options or criteria the other side lacks: the comparison of
/// scores skips them (the option or criterion is added or removed), but the assessment chose
/// them.
void unmatched_overrides(ChangeList& c, const Loaded& side, const Framework& other, bool added) {
  const auto options = index_by(other.options, [](const auto& o) { return o.id; });
  const auto criteria = index_by(other.criteria, [](const auto& k) { return k.id; });
  for (const auto& o : assessment_of(side).scores) {
    if (options.count(o.option) != 0 && criteria.count(o.score.criterion) != 0) continue;
    const std::string id = o.option + "/" + o.score.criterion;
    if (added) {
      c.added(id, override_value(o.score));
    } else {
      c.removed(id, override_value(o.score));
    }
  }
}

std::optional<std::string> method_name(const Loaded& side) {
  const auto& chosen = assessment_of(side).method.name ? assessment_of(side).method.name
                                                       : side.framework.method.name;
  if (!chosen) return std::nullopt;
  return std::string(to_string(*chosen));
}

std::string normalization_name(const Loaded& side) {
  const auto& chosen = assessment_of(side).method.normalization
                           ? assessment_of(side).method.normalization
                           : side.framework.method.normalization;
  return chosen ? std::string(to_string(*chosen)) : "";
}

std::string compare_list(const Loaded& side) {
  const auto& a = assessment_of(side).method.compare;
  const auto& list = a.empty() ? side.framework.method.compare : a;
  std::vector<std::string> names;
  for (Method m : list) names.emplace_back(to_string(m));
  return list_text(names);
}

std::string preference_of(const Loaded& side) {
  std::vector<PreferenceFunction> all = side.framework.method.preference;
  const auto& own = assessment_of(side).method.preference;
  all.insert(all.end(), own.begin(), own.end());
  return preference_text(all);
}

std::string weighting_of(const Loaded& side) {
  const auto& own = assessment_of(side).weighting;
  if (own) return weighting_text(*own) + " (the assessment's)";
  if (side.framework.weighting) return weighting_text(*side.framework.weighting);
  return "direct (the criteria's weights)";
}

std::vector<Source> sources_of(const Loaded& side) {
  std::vector<Source> all = side.framework.sources;
  const auto& own = assessment_of(side).sources;
  all.insert(all.end(), own.begin(), own.end());
  return all;
}

}  // namespace

void diff_assessment_header(const Assessment& before, const Assessment& after,
                            std::vector<Change>& out) {
  ChangeList c(DiffSection::Assessment, out);
  c.text("id", before.id, after.id);
  c.text("title", before.title, after.title);
  c.text("date", before.date, after.date);
  c.text("framework", before.framework_ref, after.framework_ref);
  c.text("description", before.description, after.description);
  c.text("status", before.record.status, after.record.status);
  c.text("deciders", list_text(before.record.deciders), list_text(after.record.deciders));
  c.text("consulted", list_text(before.record.consulted), list_text(after.record.consulted));
  c.text("context", before.record.context, after.record.context);
  c.text("consequences", before.record.consequences, after.record.consequences);
}

void diff_answers(const Loaded& before, const Loaded& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Answers, out);
  const auto index = [](const Loaded& side) {
    return index_by(assessment_of(side).inputs, [](const InputValue& v) { return v.name; });
  };
  const auto old_index = index(before);
  const auto new_index = index(after);
  for (const auto& name : answered_inputs(before, after)) {
    const auto b = old_index.find(name);
    const auto a = new_index.find(name);
    if (b == old_index.end() && a == new_index.end()) continue;
    compare_answer(c, name, before, after,
                   b == old_index.end() ? nullptr : &assessment_of(before).inputs[b->second],
                   a == new_index.end() ? nullptr : &assessment_of(after).inputs[a->second]);
  }
}

void diff_scores(const Loaded& before, const Loaded& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Scores, out);
  const bool assessments = before.assessment || after.assessment;
  const auto old_overrides = overrides_of(assessment_of(before));
  const auto new_overrides = overrides_of(assessment_of(after));
  const auto old_options = index_by(before.framework.options, [](const auto& o) { return o.id; });
  const auto old_criteria = index_by(before.framework.criteria, [](const auto& k) { return k.id; });
  const auto& options = after.framework.options;
  const auto& criteria = after.framework.criteria;
  for (size_t i = 0; i < options.size(); ++i) {
    const auto found = old_options.find(options[i].id);
    if (found == old_options.end()) continue;  // an added option: listed under options
    for (size_t j = 0; j < criteria.size(); ++j) {
      const auto old_j = old_criteria.find(criteria[j].id);
      if (old_j == old_criteria.end()) continue;  // listed under criteria
      const UsedScore b = used_score(old_overrides, before, found->second, old_j->second);
      const UsedScore a = used_score(new_overrides, after, i, j);
      if (plainly_same(b, a)) continue;
      c.entry(options[i].id + "/" + criteria[j].id);
      compare_score(c, b, a, assessments);
    }
  }
  unmatched_overrides(c, after, before.framework, true);
  unmatched_overrides(c, before, after.framework, false);
}

void diff_method(const Loaded& before, const Loaded& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Method, out);
  c.text("name", method_name(before).value_or(""), method_name(after).value_or(""));
  c.text("normalization", normalization_name(before), normalization_name(after));
  const auto v = [](const Loaded& s) {
    return assessment_of(s).method.v ? assessment_of(s).method.v : s.framework.method.v;
  };
  const auto lambda = [](const Loaded& s) {
    return assessment_of(s).method.lambda ? assessment_of(s).method.lambda
                                          : s.framework.method.lambda;
  };
  c.number("v", v(before), v(after));
  c.number("lambda", lambda(before), lambda(after));
  c.text("preference", preference_of(before), preference_of(after));
  c.text("compare", compare_list(before), compare_list(after));
}

void diff_weighting(const Loaded& before, const Loaded& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Weighting, out);
  c.text("weighting", weighting_of(before), weighting_of(after));
  const auto uncertainty = [](const Loaded& s) {
    const auto& own = assessment_of(s).uncertainty;
    return uncertainty_text(own ? own : s.framework.uncertainty);
  };
  c.text("uncertainty", uncertainty(before), uncertainty(after));
}

void diff_sources(const Loaded& before, const Loaded& after, std::vector<Change>& out) {
  ChangeList c(DiffSection::Sources, out);
  compare_lists(
      c, sources_of(before), sources_of(after), [](const Source& s) { return s.id; },
      [](const Source& s) { return DiffValue::of(s.title.empty() ? s.id : s.title); },
      [&](const Source& b, const Source& a) {
        c.text("title", b.title, a.title);
        c.text("url", b.url, a.url);
        c.text("date", b.date, a.date);
        c.text("note", b.note, a.note);
      });
}

}  // namespace tradeoff::detail
