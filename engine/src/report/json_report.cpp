// The JSON result: the stable contract documented in the README ("The JSON result"). Written
// as it goes (JsonWriter), in a fixed key order with numbers rounded to 12 significant digits,
// so that the same input always gives the same bytes and a large result needs no JSON tree.
#include <string_view>

#include "report/json_writer.hpp"
#include "report/renderers.hpp"
#include "report/robustness_report.hpp"

namespace tradeoff::detail {

namespace {

using Writer = JsonWriter;

void drivers(Writer& w, const std::vector<Driver>& list) {
  w.begin_array();
  for (const auto& d : list) {
    w.begin_object();
    w.key("criterion").string(d.criterion);
    w.key("difference").number(d.difference);
    w.end_object();
  }
  w.end_array();
}

void judgements_json(Writer& w, const std::vector<Judgement>& list) {
  w.begin_array();
  for (const auto& j : list) {
    w.begin_object();
    w.key("row").string(j.row);
    w.key("column").string(j.column);
    w.key("given").number(j.given);
    w.key("given_text").string(j.given_text);
    w.key("consistent").number(j.consistent);
    w.key("suggested").string(j.suggested);
    w.key("at").begin_object();
    w.key("line").integer(j.where.line);
    w.key("column").integer(j.where.column);
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

/// {key: values[k]} for each of `keys`.
void numbers_by_key(Writer& w, const std::vector<std::string>& keys,
                    const std::vector<double>& values) {
  w.begin_object();
  for (const size_t k : last_of_each_key(keys)) w.key(keys[k]).number(values[k]);
  w.end_object();
}

void ahp_json(Writer& w, const AhpReport& a) {
  w.begin_object();
  w.key("priority_method").string(a.priority_method);
  w.key("priorities");
  numbers_by_key(w, a.elements, a.priorities);
  w.key("lambda_max").number(a.lambda_max);
  w.key("consistency_index").number(a.consistency_index);
  w.key("consistency_ratio").number(a.consistency_ratio);
  w.key("random_index").number(a.random_index);
  w.key("ri_table").string(a.ri_table);
  std::vector<std::string> tables;
  std::vector<double> ratios;
  for (const auto& [table, cr] : a.ratio_by_table) {
    tables.push_back(table);
    ratios.push_back(cr);
  }
  w.key("consistency_ratio_by_table");
  numbers_by_key(w, tables, ratios);
  w.key("consistency_vector");
  numbers_by_key(w, a.elements, a.consistency_vector);
  w.key("consistent").boolean(a.consistent);
  w.key("inconsistent_judgements");
  judgements_json(w, a.inconsistent);
  w.end_object();
}

/// Per criterion id: values[c] for the first criteria.size() values.
void by_criterion(Writer& w, const Result& r, const std::vector<double>& values) {
  w.begin_object();
  for (size_t c = 0; c < r.criteria.size() && c < values.size(); ++c) {
    w.key(r.criteria[c].id).number(values[c]);
  }
  w.end_object();
}

void groups_json(Writer& w, const WeightingReport& weighting) {
  w.begin_array();
  for (const auto& g : weighting.groups) {
    w.begin_object();
    w.key("id").string(g.id);
    w.key("name").string(g.name);
    w.key("weight").number(g.weight);
    w.key("method").string(g.method);
    w.key("local");
    numbers_by_key(w, g.criteria, g.local);
    if (g.ahp) ahp_json(w.key("ahp"), *g.ahp);
    w.end_object();
  }
  w.end_array();
}

void stakeholders_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& s : r.weighting.stakeholders) {
    w.begin_object();
    w.key("id").string(s.id);
    w.key("name").string(s.name);
    w.key("influence").number(s.influence);
    w.key("method").string(s.method);
    by_criterion(w.key("weights"), r, s.weights);
    w.key("ranking").begin_array();
    for (const auto& e : s.ranking) {
      w.begin_object();
      w.key("option").string(e.option);
      w.key("rank").integer(e.rank);
      w.key("score").number(e.score);
      w.end_object();
    }
    w.end_array();
    w.key("tau").number(s.tau);
    if (s.ahp) ahp_json(w.key("ahp"), *s.ahp);
    w.end_object();
  }
  w.end_array();
}

void weighting_json(Writer& w, const Result& r) {
  const WeightingReport& weighting = r.weighting;
  w.begin_object();
  w.key("method").string(weighting.method);
  w.key("origin").string(weighting.origin);
  if (!weighting.description.empty()) w.key("description").string(weighting.description);
  if (weighting.ahp) ahp_json(w.key("ahp"), *weighting.ahp);
  if (!weighting.groups.empty()) {
    w.key("group_method").string(weighting.group_method);
    if (weighting.group_ahp) ahp_json(w.key("group_ahp"), *weighting.group_ahp);
    groups_json(w.key("groups"), weighting);
  }
  if (!weighting.stakeholders.empty()) {
    w.key("aggregate").string(weighting.aggregate);
    stakeholders_json(w.key("stakeholders"), r);
    w.key("mean_pairwise_tau").number(weighting.mean_pairwise_tau);
    by_criterion(w.key("weight_spread"), r, weighting.weight_spread);
  }
  w.end_object();
}

/// The assessment's decision record (status, deciders, ...), or null without an assessment.
void record_json(Writer& w, const Result& r) {
  if (r.assessment.empty()) {
    w.null();
    return;
  }
  const DecisionRecord& d = r.record;
  w.begin_object();
  w.key("status").text_or_null(d.status);
  w.key("deciders").begin_array();
  for (const auto& n : d.deciders) w.string(n);
  w.end_array();
  w.key("consulted").begin_array();
  for (const auto& n : d.consulted) w.string(n);
  w.end_array();
  w.key("context").text_or_null(d.context);
  w.key("consequences").text_or_null(d.consequences);
  w.end_object();
}

/// What the file says, and how it was evaluated: the first keys of the result.
void header_json(Writer& w, const Result& r) {
  w.key("framework").string(r.framework);
  w.key("framework_title").string(r.framework_title);
  w.key("framework_version").text_or_null(r.framework_version);
  w.key("framework_description").text_or_null(r.framework_description);
  w.key("assessment").text_or_null(r.assessment);
  w.key("assessment_title").text_or_null(r.assessment_title);
  w.key("assessment_date").text_or_null(r.assessment_date);
  w.key("assessment_description").text_or_null(r.assessment_description);
  record_json(w.key("decision"), r);
  w.key("method").begin_object();
  w.key("name").string(r.method);
  w.key("title").string(r.method_title);
  w.key("normalization").string(r.normalization);
  w.end_object();
  w.key("higher_is_better").boolean(r.higher_is_better);
}

void criteria_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& c : r.criteria) {
    w.begin_object();
    w.key("id").string(c.id);
    w.key("name").string(c.name);
    w.key("direction").string(to_string(c.direction));
    w.key("unit").string(c.unit);
    w.key("weight").number(c.weight);
    w.key("normalized_weight").number(c.normalized_weight);
    w.key("weight_origin").string(c.weight_origin);
    w.key("weight_because").text_or_null(c.weight_because);
    w.key("weight_source").text_or_null(c.weight_source);
    w.key("normalization").string(c.normalization);
    w.key("description").text_or_null(c.description);
    w.key("file").string(c.file);
    w.end_object();
  }
  w.end_array();
}

void ranking_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& e : r.ranking) {
    const OptionResult* o = r.option(e.option);
    w.begin_object();
    w.key("option").string(e.option);
    w.key("name").string(o != nullptr ? std::string_view(o->name) : std::string_view());
    w.key("description").text_or_null(o != nullptr ? std::string_view(o->description) : "");
    w.key("rank").integer(e.rank);
    w.key("score").number(e.score);
    w.end_object();
  }
  w.end_array();
}

void vetoed_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& v : r.vetoed) {
    w.begin_object();
    w.key("option").string(v.option);
    w.key("rule").text_or_null(v.rule);
    w.key("because").string(v.because);
    if (!v.limit.empty()) {
      w.key("limit").begin_object();
      w.key("criterion").string(v.limit);
      w.key("bound").string(v.bound_kind);
      w.key("value").number(v.bound);
      w.key("score").number(v.value);
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
}

/// Per option, the method's figures for it.
void details_by_option(Writer& w, const MethodDetails& d) {
  std::vector<std::string> keys;
  for (const auto& entry : d.per_option) keys.push_back(entry.first);
  const std::vector<size_t> figures = last_of_each_key(keys);
  w.begin_object();
  for (const size_t i : last_of_each_key(d.options)) {
    w.key(d.options[i]).begin_object();
    for (const size_t k : figures) w.key(keys[k]).number(d.per_option[k].second[i]);
    w.end_object();
  }
  w.end_object();
}

/// The method's own figures: per option, per criterion, and for the whole ranking.
void details_json(Writer& w, const Result& r) {
  const MethodDetails& d = r.details;
  w.begin_object();
  if (!d.per_option.empty()) details_by_option(w.key("options"), d);
  for (const auto& [key, values] : d.per_criterion) by_criterion(w.key(key), r, values);
  for (const auto& [key, values] : d.per_criterion_text) {
    w.key(key).begin_object();
    for (size_t c = 0; c < r.criteria.size() && c < values.size(); ++c) {
      w.key(r.criteria[c].id).string(values[c]);
    }
    w.end_object();
  }
  for (const auto& [key, value] : d.figures) w.key(key).number(value);
  for (const auto& [key, value] : d.conditions) w.key(key).boolean(value);
  if (r.method == "vikor") {
    w.key("compromise_set").begin_array();
    for (const auto& id : d.compromise_set) w.string(id);
    w.end_array();
  }
  w.end_object();
}

/// Per option and criterion, the part of the score; a vetoed option is never normalised nor
/// aggregated, so its parts are null, not a made-up 0.
void contributions_json(Writer& w, const Result& r) {
  w.begin_object();
  for (const auto& o : r.options) {
    w.key(o.id).begin_object();
    for (size_t c = 0; c < r.criteria.size(); ++c) {
      w.key(r.criteria[c].id);
      if (o.eligible) {
        w.number(o.contribution[c]);
      } else {
        w.null();
      }
    }
    w.end_object();
  }
  w.end_object();
}

/// Per option and criterion, the raw and normalised score, its reason, and who set it.
void scores_json(Writer& w, const Result& r) {
  w.begin_object();
  for (const auto& o : r.options) {
    w.key(o.id).begin_object();
    for (size_t c = 0; c < r.criteria.size(); ++c) {
      w.key(r.criteria[c].id).begin_object();
      w.key("value").number(o.raw[c]);
      w.key("normalized");
      if (o.eligible) {
        w.number(o.normalized[c]);
      } else {
        w.null();
      }
      if (c < o.because.size() && !o.because[c].empty()) w.key("because").string(o.because[c]);
      if (c < o.source.size() && !o.source[c].empty()) w.key("source").string(o.source[c]);
      w.key("origin").string(o.overridden[c] ? "assessment" : "framework");
      w.end_object();
    }
    w.end_object();
  }
  w.end_object();
}

void inputs_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& in : r.inputs) {
    w.begin_object();
    w.key("name").string(in.name);
    w.key("value").string(in.display);
    w.key("number").number(in.value);
    w.key("unit").string(in.unit);
    w.key("origin").string(in.origin);
    w.key("source").text_or_null(in.source);
    w.key("as_of").text_or_null(in.as_of);
    w.key("because").text_or_null(in.because);
    w.end_object();
  }
  w.end_array();
}

void derived_json(Writer& w, const Result& r) {
  std::vector<std::string> names;
  for (const auto& d : r.derived) names.push_back(d.name);
  w.begin_object();
  for (const size_t k : last_of_each_key(names)) w.key(names[k]).number(r.derived[k].value);
  w.end_object();
}

/// What one effect of a rule changed, as data.
void change_json(Writer& w, const EffectTrace& e) {
  w.begin_object();
  w.key("kind").string(e.kind);
  if (!e.option.empty()) w.key("option").string(e.option);
  if (!e.criterion.empty()) w.key("criterion").string(e.criterion);
  if (e.kind != "veto" && e.kind != "note") {
    w.key("operand").number(e.operand);
    w.key("before").number(e.before);
    w.key("after").number(e.after);
    w.key("clamped").boolean(e.clamped);
    if (!e.applied) w.key("applied").boolean(false);
  }
  if (e.kind == "note") w.key("text").string(e.text.substr(e.text.find(": ") + 2));
  w.end_object();
}

void rule_json(Writer& w, const RuleTrace& t) {
  w.begin_object();
  w.key("id").string(t.id);
  w.key("fired").boolean(t.fired);
  w.key("when").string(t.when);
  std::vector<std::string> names;
  for (const auto& binding : t.bindings) names.push_back(binding.first);
  w.key("bindings").begin_object();
  for (const size_t k : last_of_each_key(names)) w.key(names[k]).string(t.bindings[k].second);
  w.end_object();
  w.key("because").string(t.because);
  w.key("source").text_or_null(t.source);
  w.key("effects").begin_array();
  for (const auto& e : t.effects) w.string(e.text);
  w.end_array();
  w.key("changes").begin_array();
  for (const auto& e : t.effects) change_json(w, e);
  w.end_array();
  w.end_object();
}

void rules_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& t : r.rules) rule_json(w, t);
  w.end_array();
}

void notes_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& n : r.notes) {
    w.begin_object();
    w.key("rule").string(n.rule);
    w.key("text").string(n.text);
    w.end_object();
  }
  w.end_array();
}

void explanation_json(Writer& w, const Explanation& e) {
  w.begin_object();
  w.key("winner").text_or_null(e.winner);
  w.key("runner_up").text_or_null(e.runner_up);
  w.key("margin").number(e.margin);
  w.key("tie").boolean(e.tie);
  w.key("decisive_criteria").begin_array();
  for (const auto& d : e.decisive) w.string(d.criterion);
  w.end_array();
  drivers(w.key("leads"), e.decisive);
  drivers(w.key("trails"), e.trailing);
  w.key("summary").string(e.summary);
  w.end_object();
}

void warnings_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& d : r.warnings) {
    w.begin_object();
    w.key("file").string(d.where.file);
    w.key("line").integer(d.where.line);
    w.key("column").integer(d.where.column);
    w.key("code").string(to_string(d.code));
    w.key("message").string(d.message);
    w.end_object();
  }
  w.end_array();
}

/// When no option is eligible: the single-input changes that would admit one.
void relaxations_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& x : r.relaxations) {
    w.begin_object();
    w.key("input").string(x.input);
    w.key("from").string(x.from);
    w.key("to").string(x.to);
    w.key("change").number(x.change);
    w.key("admits").begin_array();
    for (const auto& o : x.admits) w.string(o);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

}  // namespace

namespace {

/// Every source cited, with its title, address and date.
void sources_json(Writer& w, const Result& r) {
  w.begin_array();
  for (const auto& s : r.sources) {
    w.begin_object();
    w.key("id").string(s.id);
    w.key("title").text_or_null(s.title);
    w.key("url").text_or_null(s.url);
    w.key("date").text_or_null(s.date);
    w.key("note").text_or_null(s.note);
    w.end_object();
  }
  w.end_array();
}

void files_json(Writer& w, const std::vector<FileDigest>& files) {
  w.begin_array();
  for (const auto& f : files) {
    w.begin_object();
    w.key("path").string(f.path);
    w.key("sha256").string(f.sha256);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void provenance_json(Writer& w, const Provenance& p) {
  w.begin_object();
  w.key("tool").string(p.tool);
  w.key("framework_sha256").string(p.framework_sha256);
  files_json(w.key("framework_files"), p.framework_files);
  w.key("assessment_sha256").text_or_null(p.assessment_sha256);
  files_json(w.key("assessment_files"), p.assessment_files);
  w.end_object();
}

void render_weights_json(const Result& r, std::ostream& out) {
  Writer w(out);
  w.begin_object();
  w.key("framework").string(r.framework);
  w.key("assessment").text_or_null(r.assessment);
  weighting_json(w.key("weighting"), r);
  criteria_json(w.key("criteria"), r);
  provenance_json(w.key("provenance"), r.provenance);
  warnings_json(w.key("warnings"), r);
  w.end_object();
  w.finish();
}

void render_json(const Result& r, std::ostream& out) {
  Writer w(out);
  w.begin_object();
  header_json(w, r);
  weighting_json(w.key("weighting"), r);
  criteria_json(w.key("criteria"), r);
  ranking_json(w.key("ranking"), r);
  vetoed_json(w.key("vetoed"), r);
  details_json(w.key("details"), r);
  contributions_json(w.key("contributions"), r);
  scores_json(w.key("scores"), r);
  inputs_json(w.key("inputs"), r);
  derived_json(w.key("derived"), r);
  rules_json(w.key("rules"), r);
  notes_json(w.key("notes"), r);
  explanation_json(w.key("explanation"), r.explanation);
  if (!r.relaxations.empty()) relaxations_json(w.key("relaxations"), r);
  if (r.robustness) robustness_json(w.key("robustness"), r);
  sources_json(w.key("sources"), r);
  provenance_json(w.key("provenance"), r.provenance);
  warnings_json(w.key("warnings"), r);
  w.end_object();
  w.finish();
}

}  // namespace tradeoff::detail
