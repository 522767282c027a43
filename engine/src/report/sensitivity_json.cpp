// `tradeoff sensitivity --format json`: every figure of the analyses, documented in the README
// ("The sensitivity result"), for programs and for the reports to draw.
#include <ostream>

#include "report/json_writer.hpp"
#include "report/robustness_report.hpp"
#include "report/sensitivity_renderers.hpp"

namespace tradeoff::detail {

namespace {

void optional_number(JsonWriter& w, const std::optional<double>& v) {
  if (v) {
    w.number(*v);
  } else {
    w.null();
  }
}

void stability_json(JsonWriter& w, const std::vector<WeightStability>& weights) {
  w.begin_array();
  for (const auto& s : weights) {
    w.begin_object();
    w.key("criterion").string(s.criterion);
    w.key("weight").number(s.weight);
    w.key("share").number(s.share);
    w.key("winner_share").begin_array();
    w.number(s.winner_low);
    w.number(s.winner_high);
    w.end_array();
    w.key("winner_weight").begin_array();
    w.number(s.weight_low);
    optional_number(w, s.weight_high);
    w.end_array();
    w.key("winner_below").text_or_null(s.winner_below);
    w.key("winner_above").text_or_null(s.winner_above);
    w.key("ranking_share").begin_array();
    w.number(s.ranking_low);
    w.number(s.ranking_high);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void inputs_json(JsonWriter& w, const std::vector<InputSensitivity>& inputs) {
  w.begin_array();
  for (const auto& in : inputs) {
    w.begin_object();
    w.key("input").string(in.input);
    w.key("unit").string(in.unit);
    w.key("type").string(to_string(in.type));
    if (in.winners.empty()) {
      w.key("current").number(in.current);
      w.key("range").begin_array();
      w.number(in.low);
      w.number(in.high);
      w.end_array();
      w.key("break_even").begin_array();
      for (const auto& p : in.points) {
        w.begin_object();
        w.key("value").number(p.value);
        w.key("winner_below").text_or_null(p.before);
        w.key("winner_above").text_or_null(p.after);
        w.end_object();
      }
      w.end_array();
    } else {
      w.key("winners").begin_array();
      for (const auto& [value, winner] : in.winners) {
        w.begin_object();
        w.key("value").string(value);
        w.key("winner").text_or_null(winner);
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
}

void sweeps_json(JsonWriter& w, const std::vector<Sweep>& sweeps) {
  w.begin_array();
  for (const auto& s : sweeps) {
    w.begin_object();
    w.key("kind").string(s.kind == Sweep::Kind::Weight ? "weight" : "input");
    w.key("id").string(s.id);
    w.key("at").begin_array();
    for (double x : s.at) w.number(x);
    w.end_array();
    w.key("scores").begin_object();
    for (size_t o = 0; o < s.options.size(); ++o) {
      w.key(s.options[o]).begin_array();
      for (size_t p = 0; p < s.at.size(); ++p) {
        if (s.eligible[p][o]) {
          w.number(s.score[p][o]);
        } else {
          w.null();
        }
      }
      w.end_array();
    }
    w.end_object();
    w.key("winner").begin_array();
    for (const auto& x : s.winner) w.text_or_null(x);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void smaa_json(JsonWriter& w, const Smaa& m) {
  w.begin_object();
  w.key("samples").integer(static_cast<int64_t>(m.samples));
  w.key("seed").integer(static_cast<int64_t>(m.seed));
  w.key("failed").integer(static_cast<int64_t>(m.failed));
  w.key("weights").string(m.weights_model);
  w.key("varied").begin_array();
  for (const auto& u : m.uncertain) w.string(u);
  w.end_array();
  w.key("winner").text_or_null(m.winner);
  w.key("confidence").number(m.confidence);
  w.key("confidence_error").number(m.confidence_error);
  w.key("options").begin_object();
  for (const auto& o : m.options) {
    w.key(o.option).begin_object();
    w.key("rank_acceptability").begin_array();
    for (double a : o.rank_acceptability) w.number(a);
    w.end_array();
    w.key("central_weights");
    if (o.central_weights.empty()) {
      w.null();
    } else {
      w.begin_object();
      for (size_t j = 0; j < o.central_weights.size() && j < m.criteria.size(); ++j) {
        w.key(m.criteria[j]).number(o.central_weights[j]);
      }
      w.end_object();
    }
    w.end_object();
  }
  w.end_object();
  w.end_object();
}

}  // namespace

void render_sensitivity_json(const Sensitivity& s, std::ostream& out) {
  const Result& r = s.result;
  JsonWriter w(out);
  w.begin_object();
  w.key("framework").string(r.framework);
  w.key("assessment").text_or_null(r.assessment);
  w.key("method").string(r.method);
  w.key("winner").text_or_null(r.explanation.winner);
  w.key("runner_up").text_or_null(r.explanation.runner_up);
  stability_json(w.key("weight_stability"), s.weights);
  weight_flip_json(w.key("most_sensitive_weight"), s.flip);
  inputs_json(w.key("inputs"), s.inputs);
  w.key("monte_carlo");
  if (s.smaa) {
    smaa_json(w, *s.smaa);
  } else {
    w.null();
  }
  near_tie_json(w.key("near_tie"), s.near_tie);
  if (r.robustness) robustness_json(w.key("robustness"), r);
  sweeps_json(w.key("sweeps"), s.sweeps);
  provenance_json(w.key("provenance"), r.provenance);
  w.end_object();
  w.finish();
}

}  // namespace tradeoff::detail
