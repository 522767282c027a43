// The JSON result: the stable contract documented in the README ("The JSON result").
// Keys keep a fixed order (ordered_json) and numbers are rounded to 12 significant digits,
// so the same input always gives the same bytes.
#include <nlohmann/json.hpp>

#include <ostream>

#include "report/renderers.hpp"
#include "text.hpp"

namespace tradeoff::detail {

namespace {

using Json = nlohmann::ordered_json;

double num(double v) { return round_for_output(v); }

Json drivers(const std::vector<Driver>& list) {
  Json out = Json::array();
  for (const auto& d : list) out.push_back({{"criterion", d.criterion}, {"difference", num(d.difference)}});
  return out;
}

}  // namespace

void render_json(const Result& r, std::ostream& out) {
  Json j;
  j["framework"] = r.framework;
  j["framework_title"] = r.framework_title;
  j["framework_version"] = r.framework_version;
  j["assessment"] = r.assessment.empty() ? Json(nullptr) : Json(r.assessment);
  j["assessment_title"] = r.assessment_title.empty() ? Json(nullptr) : Json(r.assessment_title);
  j["method"] = {{"name", r.method}, {"title", r.method_title}, {"normalization", r.normalization}};
  j["higher_is_better"] = r.higher_is_better;

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
  j["criteria"] = std::move(criteria);

  Json ranking = Json::array();
  for (const auto& e : r.ranking) {
    ranking.push_back({{"option", e.option},
                       {"name", r.option(e.option)->name},
                       {"rank", e.rank},
                       {"score", num(e.score)}});
  }
  j["ranking"] = std::move(ranking);
  j["vetoed"] = Json::array();

  Json contributions = Json::object();
  Json scores = Json::object();
  for (const auto& o : r.options) {
    Json per = Json::object();
    Json detail = Json::object();
    for (size_t c = 0; c < r.criteria.size(); ++c) {
      per[r.criteria[c].id] = num(o.contribution[c]);
      Json s = {{"value", num(o.raw[c])}, {"normalized", num(o.normalized[c])}};
      if (!o.because[c].empty()) s["because"] = o.because[c];
      if (!o.source[c].empty()) s["source"] = o.source[c];
      if (o.overridden[c]) s["origin"] = "assessment";
      detail[r.criteria[c].id] = std::move(s);
    }
    contributions[o.id] = std::move(per);
    scores[o.id] = std::move(detail);
  }
  j["contributions"] = std::move(contributions);
  j["scores"] = std::move(scores);

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

  Json warnings = Json::array();
  for (const auto& w : r.warnings) {
    warnings.push_back({{"file", w.where.file},
                        {"line", w.where.line},
                        {"column", w.where.column},
                        {"code", std::string(to_string(w.code))},
                        {"message", w.message}});
  }
  j["warnings"] = std::move(warnings);
  out << j.dump(2) << '\n';
}

}  // namespace tradeoff::detail
