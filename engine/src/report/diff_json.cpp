// The comparison as JSON: the object the README documents, keys in a fixed order, every
// section present (empty when nothing changed in it).
#include <ostream>

#include "report/diff_renderers.hpp"
#include "report/json_writer.hpp"
#include "tradeoff/version.hpp"

namespace tradeoff::detail {

namespace {

using Writer = JsonWriter;

void side_json(Writer& w, const DiffSide& s) {
  w.begin_object();
  w.key("file").string(s.file);
  w.key("kind").string(to_string(s.kind));
  w.key("framework").string(s.framework);
  w.key("framework_version").text_or_null(s.framework_version);
  w.key("assessment").text_or_null(s.assessment);
  w.key("method").string(s.method);
  w.key("normalization").string(s.normalization);
  w.key("framework_sha256").string(s.framework_sha256);
  w.key("assessment_sha256").text_or_null(s.assessment_sha256);
  w.end_object();
}

void value_json(Writer& w, const DiffValue& v) {
  switch (v.kind) {
    case DiffValue::Kind::None:
      w.null();
      break;
    case DiffValue::Kind::Number:
      w.number(v.number);
      break;
    case DiffValue::Kind::Text:
      w.string(v.text);
      break;
  }
}

void changes_json(Writer& w, const std::vector<Change>& changes) {
  w.begin_object();
  for (DiffSection section : diff_sections()) {
    w.key(to_string(section)).begin_array();
    for (const auto& c : changes) {
      if (c.section != section) continue;
      w.begin_object();
      w.key("change").string(to_string(c.kind));
      w.key("id").text_or_null(c.id);
      w.key("field").text_or_null(c.field);
      value_json(w.key("old"), c.before);
      value_json(w.key("new"), c.after);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

void pair_json(Writer& w, const std::string& before, const std::string& after) {
  w.begin_object();
  w.key("old").text_or_null(before);
  w.key("new").text_or_null(after);
  w.end_object();
}

void optional_number(Writer& w, const std::optional<double>& value) {
  if (value) {
    w.number(*value);
  } else {
    w.null();
  }
}

void option_side_json(Writer& w, const OptionSide& s) {
  if (!s.present) {
    w.null();
    return;
  }
  w.begin_object();
  if (s.rank) {
    w.key("rank").integer(*s.rank);
  } else {
    w.key("rank").null();
  }
  optional_number(w.key("score"), s.score);
  w.key("excluded_by").text_or_null(s.excluded_by);
  w.end_object();
}

void ranks_json(Writer& w, const ResultDiff& r) {
  w.begin_array();
  for (const auto& o : r.options) {
    w.begin_object();
    w.key("option").string(o.option);
    w.key("name").string(o.name);
    option_side_json(w.key("old"), o.before);
    option_side_json(w.key("new"), o.after);
    const auto moved = rank_change(o);
    if (moved) {
      w.key("rank_change").integer(*moved);
    } else {
      w.key("rank_change").null();
    }
    w.end_object();
  }
  w.end_array();
}

void exclusions_json(Writer& w, const std::vector<OptionChange>& options, bool excluded) {
  w.begin_array();
  for (const auto& o : options) {
    w.begin_object();
    w.key("option").string(o.option);
    if (excluded) w.key("by").string(o.after.excluded_by);
    w.key("was").text_or_null(o.before.excluded_by);
    w.end_object();
  }
  w.end_array();
}

void rules_json(Writer& w, const ResultDiff& r) {
  const auto fired = [&w](const std::optional<bool>& f) {
    if (f) {
      w.boolean(*f);
    } else {
      w.null();
    }
  };
  w.begin_array();
  for (const auto& f : r.rules) {
    w.begin_object();
    w.key("rule").string(f.rule);
    w.key("old");
    fired(f.before);
    w.key("new");
    fired(f.after);
    w.end_object();
  }
  w.end_array();
}

void result_json(Writer& w, const DecisionDiff& d) {
  const ResultDiff& r = d.result;
  w.begin_object();
  w.key("changed").boolean(r.changed());
  pair_json(w.key("method"), d.before.method, d.after.method);
  w.key("winner").begin_object();
  w.key("old").text_or_null(r.winner_before);
  w.key("new").text_or_null(r.winner_after);
  w.key("changed").boolean(r.winner_changed());
  w.end_object();
  pair_json(w.key("runner_up"), r.runner_up_before, r.runner_up_after);
  w.key("margin").begin_object();
  optional_number(w.key("old"), r.margin_before);
  optional_number(w.key("new"), r.margin_after);
  w.end_object();
  w.key("tie").begin_object();
  w.key("old").boolean(r.tie_before);
  w.key("new").boolean(r.tie_after);
  w.end_object();
  ranks_json(w.key("ranks"), r);
  exclusions_json(w.key("became_excluded"), r.became_excluded(), true);
  exclusions_json(w.key("became_eligible"), r.became_eligible(), false);
  rules_json(w.key("rules"), r);
  w.end_object();
}

void warnings_json(Writer& w, const std::vector<Diagnostic>& warnings) {
  w.begin_array();
  for (const auto& d : warnings) {
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

}  // namespace

void render_diff_json(const DecisionDiff& d, std::ostream& out) {
  Writer w(out);
  w.begin_object();
  side_json(w.key("old"), d.before);
  side_json(w.key("new"), d.after);
  w.key("differences").boolean(!d.same());
  w.key("notes").begin_array();
  for (const auto& n : d.notes) w.string(n);
  w.end_array();
  changes_json(w.key("changes"), d.changes);
  result_json(w.key("result"), d);
  warnings_json(w.key("warnings"), d.warnings);
  w.key("tool").string("tradeoff " + std::string(kVersion));
  w.end_object();
  w.finish();
}

}  // namespace tradeoff::detail
