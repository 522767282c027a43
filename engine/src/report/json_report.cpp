// The JSON result: the stable contract documented in the README ("The JSON result").
// Keys keep a fixed order (ordered_json) and numbers are rounded to 12 significant digits,
// so the same input always gives the same bytes.
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/json_number.hpp"
#include "report/renderers.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

Json drivers(const std::vector<Driver>& list) {
  Json out = Json::array();
  for (const auto& d : list) {
    out.push_back({{"criterion", d.criterion}, {"difference", json_number(d.difference)}});
  }
  return out;
}

Json judgements_json(const std::vector<Judgement>& list) {
  Json judgements = Json::array();
  for (const auto& j : list) {
    judgements.push_back({{"row", j.row},
                          {"column", j.column},
                          {"given", json_number(j.given)},
                          {"given_text", j.given_text},
                          {"consistent", json_number(j.consistent)},
                          {"suggested", j.suggested},
                          {"at", {{"line", j.where.line}, {"column", j.where.column}}}});
  }
  return judgements;
}

Json ahp_json(const AhpReport& a) {
  Json priorities = Json::object();
  Json vector = Json::object();
  for (size_t k = 0; k < a.elements.size(); ++k) {
    priorities[a.elements[k]] = json_number(a.priorities[k]);
    vector[a.elements[k]] = json_number(a.consistency_vector[k]);
  }
  Json by_table = Json::object();
  for (const auto& [table, cr] : a.ratio_by_table) by_table[table] = json_number(cr);
  return {{"priority_method", a.priority_method},
          {"priorities", std::move(priorities)},
          {"lambda_max", json_number(a.lambda_max)},
          {"consistency_index", json_number(a.consistency_index)},
          {"consistency_ratio", json_number(a.consistency_ratio)},
          {"random_index", json_number(a.random_index)},
          {"ri_table", a.ri_table},
          {"consistency_ratio_by_table", std::move(by_table)},
          {"consistency_vector", std::move(vector)},
          {"consistent", a.consistent},
          {"inconsistent_judgements", judgements_json(a.inconsistent)}};
}

/// Per criterion id: values[c] for the first criteria.size() values.
Json by_criterion(const Result& r, const std::vector<double>& values) {
  Json per = Json::object();
  for (size_t c = 0; c < r.criteria.size() && c < values.size(); ++c) {
    per[r.criteria[c].id] = json_number(values[c]);
  }
  return per;
}

Json groups_json(const WeightingReport& w) {
  Json groups = Json::array();
  for (const auto& g : w.groups) {
    Json local = Json::object();
    for (size_t k = 0; k < g.criteria.size(); ++k) local[g.criteria[k]] = json_number(g.local[k]);
    Json item = {{"id", g.id},
                 {"name", g.name},
                 {"weight", json_number(g.weight)},
                 {"method", g.method},
                 {"local", std::move(local)}};
    if (g.ahp) item["ahp"] = ahp_json(*g.ahp);
    groups.push_back(std::move(item));
  }
  return groups;
}

Json stakeholders_json(const Result& r) {
  Json people = Json::array();
  for (const auto& s : r.weighting.stakeholders) {
    Json ranking = Json::array();
    for (const auto& e : s.ranking) {
      ranking.push_back({{"option", e.option}, {"rank", e.rank}, {"score", json_number(e.score)}});
    }
    Json item = {{"id", s.id},
                 {"name", s.name},
                 {"influence", json_number(s.influence)},
                 {"method", s.method},
                 {"weights", by_criterion(r, s.weights)},
                 {"ranking", std::move(ranking)},
                 {"tau", json_number(s.tau)}};
    if (s.ahp) item["ahp"] = ahp_json(*s.ahp);
    people.push_back(std::move(item));
  }
  return people;
}

Json weighting_json(const Result& r) {
  const WeightingReport& w = r.weighting;
  Json j = {{"method", w.method}, {"origin", w.origin}};
  if (!w.description.empty()) j["description"] = w.description;
  if (w.ahp) j["ahp"] = ahp_json(*w.ahp);
  if (!w.groups.empty()) {
    j["group_method"] = w.group_method;
    if (w.group_ahp) j["group_ahp"] = ahp_json(*w.group_ahp);
    j["groups"] = groups_json(w);
  }
  if (!w.stakeholders.empty()) {
    j["aggregate"] = w.aggregate;
    j["stakeholders"] = stakeholders_json(r);
    j["mean_pairwise_tau"] = json_number(w.mean_pairwise_tau);
    j["weight_spread"] = by_criterion(r, w.weight_spread);
  }
  return j;
}

/// What the file says, and how it was evaluated.
Json header_json(const Result& r) {
  Json j;
  j["framework"] = r.framework;
  j["framework_title"] = r.framework_title;
  j["framework_version"] = json_text_or_null(r.framework_version);
  j["assessment"] = json_text_or_null(r.assessment);
  j["assessment_title"] = json_text_or_null(r.assessment_title);
  j["assessment_date"] = json_text_or_null(r.assessment_date);
  j["method"] = {{"name", r.method}, {"title", r.method_title}, {"normalization", r.normalization}};
  j["higher_is_better"] = r.higher_is_better;
  return j;
}

Json criteria_json(const Result& r) {
  Json criteria = Json::array();
  for (const auto& c : r.criteria) {
    criteria.push_back({{"id", c.id},
                        {"name", c.name},
                        {"direction", std::string(to_string(c.direction))},
                        {"unit", c.unit},
                        {"weight", json_number(c.weight)},
                        {"normalized_weight", json_number(c.normalized_weight)},
                        {"weight_origin", c.weight_origin},
                        {"normalization", c.normalization}});
  }
  return criteria;
}

Json ranking_json(const Result& r) {
  Json ranking = Json::array();
  for (const auto& e : r.ranking) {
    ranking.push_back({{"option", e.option},
                       {"name", r.option(e.option)->name},
                       {"rank", e.rank},
                       {"score", json_number(e.score)}});
  }
  return ranking;
}

Json vetoed_json(const Result& r) {
  Json vetoed = Json::array();
  for (const auto& v : r.vetoed) {
    vetoed.push_back({{"option", v.option}, {"rule", v.rule}, {"because", v.because}});
  }
  return vetoed;
}

/// The method's own figures: per option, per criterion, and for the whole ranking.
Json details_json(const Result& r) {
  const MethodDetails& d = r.details;
  Json j = Json::object();
  Json options = Json::object();
  for (size_t i = 0; i < d.options.size(); ++i) {
    Json per = Json::object();
    for (const auto& [key, values] : d.per_option) per[key] = json_number(values[i]);
    options[d.options[i]] = std::move(per);
  }
  if (!d.per_option.empty()) j["options"] = std::move(options);
  for (const auto& [key, values] : d.per_criterion) j[key] = by_criterion(r, values);
  for (const auto& [key, values] : d.per_criterion_text) {
    Json per = Json::object();
    for (size_t c = 0; c < r.criteria.size() && c < values.size(); ++c) {
      per[r.criteria[c].id] = values[c];
    }
    j[key] = std::move(per);
  }
  for (const auto& [key, value] : d.figures) j[key] = json_number(value);
  for (const auto& [key, value] : d.conditions) j[key] = value;
  if (r.method == "vikor") j["compromise_set"] = d.compromise_set;
  return j;
}

/// Per option and criterion, the part of the score; a vetoed option is never normalised nor
/// aggregated, so its parts are null, not a made-up 0.
Json contributions_json(const Result& r) {
  Json contributions = Json::object();
  for (const auto& o : r.options) {
    Json per = Json::object();
    for (size_t c = 0; c < r.criteria.size(); ++c) {
      per[r.criteria[c].id] = o.eligible ? json_number(o.contribution[c]) : Json(nullptr);
    }
    contributions[o.id] = std::move(per);
  }
  return contributions;
}

/// Per option and criterion, the raw and normalised score, its reason, and who set it.
Json scores_json(const Result& r) {
  Json scores = Json::object();
  for (const auto& o : r.options) {
    Json detail = Json::object();
    for (size_t c = 0; c < r.criteria.size(); ++c) {
      Json s = {{"value", json_number(o.raw[c])},
                {"normalized", o.eligible ? json_number(o.normalized[c]) : Json(nullptr)}};
      if (!o.because[c].empty()) s["because"] = o.because[c];
      if (!o.source[c].empty()) s["source"] = o.source[c];
      s["origin"] = o.overridden[c] ? "assessment" : "framework";
      detail[r.criteria[c].id] = std::move(s);
    }
    scores[o.id] = std::move(detail);
  }
  return scores;
}

Json inputs_json(const Result& r) {
  Json inputs = Json::array();
  for (const auto& in : r.inputs) {
    inputs.push_back({{"name", in.name},
                      {"value", in.display},
                      {"number", json_number(in.value)},
                      {"unit", in.unit},
                      {"origin", in.origin},
                      {"source", json_text_or_null(in.source)},
                      {"as_of", json_text_or_null(in.as_of)},
                      {"because", json_text_or_null(in.because)}});
  }
  return inputs;
}

Json derived_json(const Result& r) {
  Json derived = Json::object();
  for (const auto& d : r.derived) derived[d.name] = json_number(d.value);
  return derived;
}

/// What one effect of a rule changed, as data.
Json change_json(const EffectTrace& e) {
  Json c = {{"kind", e.kind}};
  if (!e.option.empty()) c["option"] = e.option;
  if (!e.criterion.empty()) c["criterion"] = e.criterion;
  if (e.kind != "veto" && e.kind != "note") {
    c["operand"] = json_number(e.operand);
    c["before"] = json_number(e.before);
    c["after"] = json_number(e.after);
    c["clamped"] = e.clamped;
  }
  if (e.kind == "note") c["text"] = e.text.substr(e.text.find(": ") + 2);
  return c;
}

Json rules_json(const Result& r) {
  Json rules = Json::array();
  for (const auto& t : r.rules) {
    Json bindings = Json::object();
    for (const auto& [name, value] : t.bindings) bindings[name] = value;
    Json effects = Json::array();
    Json changes = Json::array();
    for (const auto& e : t.effects) {
      effects.push_back(e.text);
      changes.push_back(change_json(e));
    }
    rules.push_back({{"id", t.id},
                     {"fired", t.fired},
                     {"when", t.when},
                     {"bindings", std::move(bindings)},
                     {"because", t.because},
                     {"source", json_text_or_null(t.source)},
                     {"effects", std::move(effects)},
                     {"changes", std::move(changes)}});
  }
  return rules;
}

Json notes_json(const Result& r) {
  Json notes = Json::array();
  for (const auto& n : r.notes) notes.push_back({{"rule", n.rule}, {"text", n.text}});
  return notes;
}

Json explanation_json(const Explanation& e) {
  Json decisive = Json::array();
  for (const auto& d : e.decisive) decisive.push_back(d.criterion);
  return {{"winner", json_text_or_null(e.winner)},
          {"runner_up", json_text_or_null(e.runner_up)},
          {"margin", json_number(e.margin)},
          {"tie", e.tie},
          {"decisive_criteria", std::move(decisive)},
          {"leads", drivers(e.decisive)},
          {"trails", drivers(e.trailing)},
          {"summary", e.summary}};
}

Json warnings_json(const Result& r) {
  Json warnings = Json::array();
  for (const auto& w : r.warnings) {
    warnings.push_back({{"file", w.where.file},
                        {"line", w.where.line},
                        {"column", w.where.column},
                        {"code", std::string(to_string(w.code))},
                        {"message", w.message}});
  }
  return warnings;
}

}  // namespace

void render_weights_json(const Result& r, std::ostream& out) {
  Json j;
  j["framework"] = r.framework;
  j["assessment"] = json_text_or_null(r.assessment);
  j["weighting"] = weighting_json(r);
  j["criteria"] = criteria_json(r);
  j["warnings"] = warnings_json(r);
  write_json(j, out);
}

void render_json(const Result& r, std::ostream& out) {
  Json j = header_json(r);
  j["weighting"] = weighting_json(r);
  j["criteria"] = criteria_json(r);
  j["ranking"] = ranking_json(r);
  j["vetoed"] = vetoed_json(r);
  j["details"] = details_json(r);
  j["contributions"] = contributions_json(r);
  j["scores"] = scores_json(r);
  j["inputs"] = inputs_json(r);
  j["derived"] = derived_json(r);
  j["rules"] = rules_json(r);
  j["notes"] = notes_json(r);
  j["explanation"] = explanation_json(r.explanation);
  j["warnings"] = warnings_json(r);
  write_json(j, out);
}

}  // namespace tradeoff::detail
