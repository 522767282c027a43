// The JSON result: the stable contract documented in the README ("The JSON result").
// Keys keep a fixed order (ordered_json) and numbers are rounded to 12 significant digits,
// so the same input always gives the same bytes.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <ostream>

#include "report/json_number.hpp"
#include "report/renderers.hpp"
#include "text.hpp"

namespace tradeoff::detail {

namespace {

using Json = nlohmann::ordered_json;

Json num(double v) { return json_number(v); }

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json drivers(const std::vector<Driver>& list) {
  Json out = Json::array();
  for (const auto& d : list) out.push_back({{"criterion", d.criterion}, {"difference", num(d.difference)}});
  return out;
}

Json ahp_json(const AhpReport& a) {
  Json priorities = Json::object();
  Json vector = Json::object();
  for (size_t k = 0; k < a.elements.size(); ++k) {
    priorities[a.elements[k]] = num(a.priorities[k]);
    vector[a.elements[k]] = num(a.consistency_vector[k]);
  }
  Json by_table = Json::object();
  for (const auto& [table, cr] : a.ratio_by_table) by_table[table] = num(cr);
  Json judgements = Json::array();
  for (const auto& j : a.inconsistent) {
    judgements.push_back({{"row", j.row},
                          {"column", j.column},
                          {"given", num(j.given)},
                          {"given_text", j.given_text},
                          {"consistent", num(j.consistent)},
                          {"suggested", j.suggested},
                          {"at", {{"line", j.where.line}, {"column", j.where.column}}}});
  }
  return {{"priority_method", a.priority_method},
          {"priorities", std::move(priorities)},
          {"lambda_max", num(a.lambda_max)},
          {"consistency_index", num(a.consistency_index)},
          {"consistency_ratio", num(a.consistency_ratio)},
          {"random_index", num(a.random_index)},
          {"ri_table", a.ri_table},
          {"consistency_ratio_by_table", std::move(by_table)},
          {"consistency_vector", std::move(vector)},
          {"consistent", a.consistent},
          {"inconsistent_judgements", std::move(judgements)}};
}

Json weighting_json(const Result& r) {
  const WeightingReport& w = r.weighting;
  Json j = {{"method", w.method}, {"origin", w.origin}};
  if (!w.description.empty()) j["description"] = w.description;
  if (w.ahp) j["ahp"] = ahp_json(*w.ahp);
  if (!w.groups.empty()) {
    Json groups = Json::array();
    for (const auto& g : w.groups) {
      Json local = Json::object();
      for (size_t k = 0; k < g.criteria.size(); ++k) local[g.criteria[k]] = num(g.local[k]);
      Json item = {{"id", g.id}, {"name", g.name}, {"weight", num(g.weight)},
                   {"method", g.method}, {"local", std::move(local)}};
      if (g.ahp) item["ahp"] = ahp_json(*g.ahp);
      groups.push_back(std::move(item));
    }
    j["group_method"] = w.group_method;
    if (w.group_ahp) j["group_ahp"] = ahp_json(*w.group_ahp);
    j["groups"] = std::move(groups);
  }
  if (!w.stakeholders.empty()) {
    Json people = Json::array();
    for (const auto& s : w.stakeholders) {
      Json weights = Json::object();
      for (size_t c = 0; c < r.criteria.size() && c < s.weights.size(); ++c) {
        weights[r.criteria[c].id] = num(s.weights[c]);
      }
      Json ranking = Json::array();
      for (const auto& e : s.ranking) {
        ranking.push_back({{"option", e.option}, {"rank", e.rank}, {"score", num(e.score)}});
      }
      Json item = {{"id", s.id},           {"name", s.name},     {"influence", num(s.influence)},
                   {"method", s.method},   {"weights", std::move(weights)},
                   {"ranking", std::move(ranking)}, {"tau", num(s.tau)}};
      if (s.ahp) item["ahp"] = ahp_json(*s.ahp);
      people.push_back(std::move(item));
    }
    Json spread = Json::object();
    for (size_t c = 0; c < r.criteria.size() && c < w.weight_spread.size(); ++c) {
      spread[r.criteria[c].id] = num(w.weight_spread[c]);
    }
    j["aggregate"] = w.aggregate;
    j["stakeholders"] = std::move(people);
    j["mean_pairwise_tau"] = num(w.mean_pairwise_tau);
    j["weight_spread"] = std::move(spread);
  }
  return j;
}

Json details_json(const Result& r) {
  const MethodDetails& d = r.details;
  Json j = Json::object();
  Json options = Json::object();
  for (size_t i = 0; i < d.options.size(); ++i) {
    Json per = Json::object();
    for (const auto& [key, values] : d.per_option) per[key] = num(values[i]);
    options[d.options[i]] = std::move(per);
  }
  if (!d.per_option.empty()) j["options"] = std::move(options);
  for (const auto& [key, values] : d.per_criterion) {
    Json per = Json::object();
    for (size_t c = 0; c < r.criteria.size() && c < values.size(); ++c) {
      per[r.criteria[c].id] = num(values[c]);
    }
    j[key] = std::move(per);
  }
  for (const auto& [key, values] : d.per_criterion_text) {
    Json per = Json::object();
    for (size_t c = 0; c < r.criteria.size() && c < values.size(); ++c) per[r.criteria[c].id] = values[c];
    j[key] = std::move(per);
  }
  for (const auto& [key, value] : d.figures) j[key] = num(value);
  for (const auto& [key, value] : d.conditions) j[key] = value;
  if (r.method == "vikor") j["compromise_set"] = d.compromise_set;
  return j;
}

Json criteria_json(const Result& r) {
  Json criteria = Json::array();
  for (const auto& c : r.criteria) {
    criteria.push_back({{"id", c.id},
                        {"name", c.name},
                        {"direction", std::string(to_string(c.direction))},
                        {"unit", c.unit},
                        {"weight", num(c.weight)},
                        {"normalized_weight", num(c.normalized_weight)},
                        {"weight_origin", c.weight_origin},
                        {"normalization", c.normalization}});
  }
  return criteria;
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

void dump(const Json& j, std::ostream& out) {
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

void render_weights_json(const Result& r, std::ostream& out) {
  Json j;
  j["framework"] = r.framework;
  j["assessment"] = text_or_null(r.assessment);
  j["weighting"] = weighting_json(r);
  j["criteria"] = criteria_json(r);
  j["warnings"] = warnings_json(r);
  dump(j, out);
}

void render_json(const Result& r, std::ostream& out) {
  Json j;
  j["framework"] = r.framework;
  j["framework_title"] = r.framework_title;
  j["framework_version"] = text_or_null(r.framework_version);
  j["assessment"] = text_or_null(r.assessment);
  j["assessment_title"] = text_or_null(r.assessment_title);
  j["assessment_date"] = text_or_null(r.assessment_date);
  j["method"] = {{"name", r.method}, {"title", r.method_title}, {"normalization", r.normalization}};
  j["higher_is_better"] = r.higher_is_better;
  j["weighting"] = weighting_json(r);

  j["criteria"] = criteria_json(r);

  Json ranking = Json::array();
  for (const auto& e : r.ranking) {
    ranking.push_back({{"option", e.option},
                       {"name", r.option(e.option)->name},
                       {"rank", e.rank},
                       {"score", num(e.score)}});
  }
  j["ranking"] = std::move(ranking);
  Json vetoed = Json::array();
  for (const auto& v : r.vetoed) {
    vetoed.push_back({{"option", v.option}, {"rule", v.rule}, {"because", v.because}});
  }
  j["vetoed"] = std::move(vetoed);

  Json contributions = Json::object();
  Json scores = Json::object();
  for (const auto& o : r.options) {
    Json per = Json::object();
    Json detail = Json::object();
    for (size_t c = 0; c < r.criteria.size(); ++c) {
      // A vetoed option is never normalised nor aggregated: null, not a made-up 0.
      per[r.criteria[c].id] = o.eligible ? num(o.contribution[c]) : Json(nullptr);
      Json s = {{"value", num(o.raw[c])},
                {"normalized", o.eligible ? num(o.normalized[c]) : Json(nullptr)}};
      if (!o.because[c].empty()) s["because"] = o.because[c];
      if (!o.source[c].empty()) s["source"] = o.source[c];
      s["origin"] = o.overridden[c] ? "assessment" : "framework";
      detail[r.criteria[c].id] = std::move(s);
    }
    contributions[o.id] = std::move(per);
    scores[o.id] = std::move(detail);
  }
  j["details"] = details_json(r);
  j["contributions"] = std::move(contributions);
  j["scores"] = std::move(scores);

  Json inputs = Json::array();
  for (const auto& in : r.inputs) {
    inputs.push_back({{"name", in.name},
                      {"value", in.display},
                      {"number", num(in.value)},
                      {"unit", in.unit},
                      {"origin", in.origin},
                      {"source", text_or_null(in.source)},
                      {"as_of", text_or_null(in.as_of)},
                      {"because", text_or_null(in.because)}});
  }
  j["inputs"] = std::move(inputs);
  Json derived = Json::object();
  for (const auto& d : r.derived) derived[d.name] = num(d.value);
  j["derived"] = std::move(derived);
  Json rules = Json::array();
  for (const auto& t : r.rules) {
    Json bindings = Json::object();
    for (const auto& [name, value] : t.bindings) bindings[name] = value;
    Json effects = Json::array();
    Json changes = Json::array();
    for (const auto& e : t.effects) {
      effects.push_back(e.text);
      Json c = {{"kind", e.kind}};
      if (!e.option.empty()) c["option"] = e.option;
      if (!e.criterion.empty()) c["criterion"] = e.criterion;
      if (e.kind != "veto" && e.kind != "note") {
        c["operand"] = num(e.operand);
        c["before"] = num(e.before);
        c["after"] = num(e.after);
        c["clamped"] = e.clamped;
      }
      if (e.kind == "note") c["text"] = e.text.substr(e.text.find(": ") + 2);
      changes.push_back(std::move(c));
    }
    rules.push_back({{"id", t.id},
                     {"fired", t.fired},
                     {"when", t.when},
                     {"bindings", std::move(bindings)},
                     {"because", t.because},
                     {"source", text_or_null(t.source)},
                     {"effects", std::move(effects)},
                     {"changes", std::move(changes)}});
  }
  j["rules"] = std::move(rules);
  Json notes = Json::array();
  for (const auto& n : r.notes) notes.push_back({{"rule", n.rule}, {"text", n.text}});
  j["notes"] = std::move(notes);

  const Explanation& e = r.explanation;
  Json decisive = Json::array();
  for (const auto& d : e.decisive) decisive.push_back(d.criterion);
  j["explanation"] = {{"winner", e.winner.empty() ? Json(nullptr) : Json(e.winner)},
                      {"runner_up", e.runner_up.empty() ? Json(nullptr) : Json(e.runner_up)},
                      {"margin", num(e.margin)},
                      {"tie", e.tie},
                      {"decisive_criteria", std::move(decisive)},
                      {"leads", drivers(e.decisive)},
                      {"trails", drivers(e.trailing)},
                      {"summary", e.summary}};

  j["warnings"] = warnings_json(r);
  dump(j, out);
}

}  // namespace tradeoff::detail
