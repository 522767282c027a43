// The short robustness block of an evaluation in text, JSON and Markdown: see
// robustness_report.hpp. Strings from input go through one_line() and markdown::line().
#include "report/robustness_report.hpp"

#include <ostream>

#include "support/printable.hpp"

namespace tradeoff::detail {

void robustness_text(const Result& r, const Style& st, std::ostream& out) {
  if (!r.robustness) return;
  out << '\n' << st.bold("Robustness") << '\n';
  for (const auto& s : r.robustness->sentences) out << "  " << one_line(s) << '\n';
}

void weight_flip_json(JsonWriter& w, const std::optional<WeightFlip>& flip) {
  if (!flip) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("criterion").string(flip->criterion);
  w.key("from").number(flip->from);
  w.key("to").number(flip->to);
  w.key("relative_change").number(flip->relative);
  w.key("winner").string(flip->winner);
  w.end_object();
}

void near_tie_json(JsonWriter& w, const NearTie& t) {
  w.begin_object();
  w.key("near").boolean(t.near);
  w.key("winner").text_or_null(t.winner);
  w.key("runner_up").text_or_null(t.runner_up);
  w.key("weight_change");
  if (t.weight_change) {
    w.number(*t.weight_change);
  } else {
    w.null();
  }
  w.key("sentence").text_or_null(t.sentence);
  w.end_object();
}

void robustness_json(JsonWriter& w, const Result& r) {
  if (!r.robustness) {
    w.null();
    return;
  }
  const Robustness& b = *r.robustness;
  w.begin_object();
  weight_flip_json(w.key("most_sensitive_weight"), b.flip);
  w.key("nearest_break_even");
  if (b.nearest) {
    w.begin_object();
    w.key("input").string(b.nearest->input);
    w.key("unit").string(b.nearest_unit);
    w.key("current").number(b.nearest_current);
    w.key("value").number(b.nearest->point.value);
    w.key("winner_below").text_or_null(b.nearest->point.before);
    w.key("winner_above").text_or_null(b.nearest->point.after);
    w.key("distance").number(b.nearest->distance);
    w.end_object();
  } else {
    w.null();
  }
  w.key("monte_carlo");
  if (b.confidence) {
    w.begin_object();
    w.key("samples").integer(static_cast<int64_t>(b.samples));
    w.key("confidence").number(*b.confidence);
    w.key("confidence_error").number(b.confidence_error.value_or(0));
    w.end_object();
  } else {
    w.null();
  }
  near_tie_json(w.key("near_tie"), b.near_tie);
  w.key("summary").begin_array();
  for (const auto& s : b.sentences) w.string(s);
  w.end_array();
  w.end_object();
}

}  // namespace tradeoff::detail
