// Assessments: the header (id, framework reference) read first, then the body checked against
// its framework: answers to inputs, weight and score overrides, method and weighting, sources.
#include <fmt/format.h>

#include "load/expect_loader.hpp"
#include "load/expression_loader.hpp"
#include "load/readers.hpp"
#include "load/score_table.hpp"
#include "load/uncertainty_loader.hpp"
#include "support/suggest.hpp"

namespace tradeoff::loader {

namespace {

std::vector<std::string> criterion_ids_of(const Framework& fw) {
  std::vector<std::string> ids;
  for (const auto& c : fw.criteria) ids.push_back(c.id);
  return ids;
}

class AssessmentReader {
 public:
  AssessmentReader(Context& ctx, Assessment& a, const Framework& fw)
      : ctx_(ctx),
        a_(a),
        fw_(fw),
        criterion_ids_(criterion_ids_of(fw)),
        symbols_(expr::symbols_of(fw)) {}

  void read() {
    Fields f(ctx_, ctx_.doc().root, "assessment");
    if (!f.ok()) return;
    f.required("assessment");
    f.required("framework");
    if (const auto* n = f.optional("title")) a_.title = ctx_.string(*n, "title").value_or("");
    if (const auto* n = f.optional("date")) a_.date = ctx_.date(*n, "date").value_or("");
    if (const auto* n = f.optional("description")) {
      a_.description = ctx_.string(*n, "description").value_or("");
    }
    read_record(f);
    if (const auto* n = f.optional("sources")) read_sources(ctx_, *n, a_.sources);
    collect_sources();
    if (const auto* n = f.optional("inputs")) read_answers(*n);
    if (const auto* n = f.optional("weights")) read_weights(*n);
    if (const auto* n = f.optional("scores")) read_scores(*n);
    if (const auto* n = f.optional("scores_from")) a_.table = table_reference(ctx_, *n);
    if (const auto* n = f.optional("method")) a_.method = read_method(ctx_, *n, criterion_ids_);
    read_weighting(f);
    if (const auto* n = f.optional("uncertainty")) {
      a_.uncertainty = read_uncertainty(ctx_, *n, criterion_ids_);
    }
    if (const auto* n = f.optional("expect")) a_.expect = read_expectation(ctx_, *n, fw_);
    f.finish();
    check_weights(f);
  }

 private:
  /// The decision record: status, deciders, consulted, context, consequences.
  void read_record(Fields& f) {
    DecisionRecord& d = a_.record;
    if (const auto* n = f.optional("status")) d.status = read_status(*n);
    if (const auto* n = f.optional("deciders")) d.deciders = read_names(*n, "deciders");
    if (const auto* n = f.optional("consulted")) d.consulted = read_names(*n, "consulted");
    if (const auto* n = f.optional("context")) {
      d.context = ctx_.string(*n, "context").value_or("");
    }
    if (const auto* n = f.optional("consequences")) {
      d.consequences = ctx_.string(*n, "consequences").value_or("");
    }
  }

  /// proposed, accepted, rejected, deprecated, or "superseded by ..." (what replaces it).
  std::string read_status(const yaml::Node& node) {
    static const std::vector<std::string> kStatuses = {"proposed", "accepted", "rejected",
                                                       "deprecated", "superseded by"};
    const std::string status = ctx_.string(node, "status").value_or("");
    const std::string_view superseded = "superseded by ";
    if (status.size() > superseded.size() &&
        status.compare(0, superseded.size(), superseded) == 0) {
      return status;
    }
    if (contains(kStatuses, status) && status != "superseded by") return status;
    if (!status.empty() || node.is_scalar()) {
      ctx_.error(ErrorCode::InvalidValue, node,
                 fmt::format("unknown status '{}'; a decision is proposed, accepted, rejected, "
                             "deprecated, or 'superseded by' what replaces it",
                             status),
                 did_you_mean(status, kStatuses));
    }
    return "";
  }

  /// A list of names (people, teams): non-empty strings.
  std::vector<std::string> read_names(const yaml::Node& node, std::string_view what) {
    std::vector<std::string> names;
    if (!node.is_sequence()) {
      ctx_.report(node, wrong_type("a list of names", what, node));
      return names;
    }
    for (const auto& item : node.items) {
      auto name = ctx_.string(item, what);
      if (name && !name->empty()) names.push_back(std::move(*name));
    }
    return names;
  }

  /// Sources an assessment may cite: its own and its framework's, without repeats.
  void collect_sources() {
    for (const auto& src : fw_.sources) source_ids_.push_back(src.id);
    for (const auto& src : a_.sources) {
      if (contains(source_ids_, src.id)) {
        ctx_.sink().error(
            ErrorCode::DuplicateId, src.where,
            fmt::format("source '{}' is already declared by framework '{}'", src.id, fw_.id));
      }
      source_ids_.push_back(src.id);
    }
  }

  void check_source(const yaml::Node& node, const std::string& id) {
    if (contains(source_ids_, id)) return;
    ctx_.report(node, unknown_reference("source", id,
                                        "; sources are declared under 'sources:' here or in the "
                                        "framework",
                                        source_ids_));
  }

  void read_answers(const yaml::Node& node) {
    if (!node.is_mapping()) {
      ctx_.report(node, wrong_type("a mapping of input: value", "inputs", node));
      return;
    }
    std::vector<std::string> input_names;
    for (const auto& in : fw_.inputs) input_names.push_back(in.name);
    for (const auto& [key, value] : node.entries) {
      const Input* input = fw_.input(key.scalar);
      if (input == nullptr) {
        ctx_.report(key,
                    unknown_reference("input", key.scalar,
                                      fmt::format("; framework '{}' has no such input", fw_.id),
                                      input_names));
        continue;
      }
      read_answer(*input, key, value);
    }
  }

  /// An answer is a value (for numbers, a range or a triangle too), or {value, because,
  /// source, as_of}.
  void read_answer(const Input& input, const yaml::Node& key, const yaml::Node& value) {
    InputValue answer;
    answer.name = key.scalar;
    const yaml::Node* v = &value;
    if (value.is_mapping() && !is_triangle(value)) {
      Fields af(ctx_, value, fmt::format("the answer to input '{}'", key.scalar));
      v = af.required("value");
      if (const auto* b = af.optional("because")) {
        answer.because = ctx_.string(*b, "because").value_or("");
        answer.because_where = ctx_.at(*b);
      }
      if (const auto* src = af.optional("source")) {
        if (auto id = ctx_.id(*src, "source")) {
          answer.source = *id;
          check_source(*src, *id);
        }
      }
      if (const auto* d = af.optional("as_of")) {
        answer.as_of = ctx_.date(*d, "as_of").value_or("");
        answer.as_of_where = ctx_.at(*d);
      }
      af.finish();
      if (v == nullptr) return;
    }
    answer.where = ctx_.at(*v);
    if (is_distribution(*v) && input.type == InputType::Number) {
      read_uncertain_answer(input, *v, std::move(answer));
      return;
    }
    if (is_distribution(*v) && input.type == InputType::Integer) {
      ctx_.error(ErrorCode::WrongType, *v,
                 fmt::format("input '{}' is an integer: only number inputs take a range or a "
                             "triangle",
                             key.scalar));
      return;
    }
    if (auto parsed = read_input_value(ctx_, input, *v, fmt::format("input '{}'", key.scalar))) {
      answer.value = *parsed;
      a_.inputs.push_back(std::move(answer));
    }
  }

  /// A range or a triangle answering a number input: its ends lie within the input's range.
  void read_uncertain_answer(const Input& input, const yaml::Node& v, InputValue answer) {
    const std::string what = fmt::format("input '{}'", input.name);
    auto d = read_distribution(ctx_, v, what);
    if (!d) return;
    // Each end is checked as an answer of its own, with the input's own wording of its range.
    const yaml::Node& low = v.is_sequence() ? v.items[0] : *v.find("low");
    const yaml::Node& high = v.is_sequence() ? v.items[1] : *v.find("high");
    const auto l = read_input_value(ctx_, input, low, fmt::format("the low end of {}", what));
    const auto h = read_input_value(ctx_, input, high, fmt::format("the high end of {}", what));
    if (!l || !h) return;
    answer.value = d->mode;
    answer.uncertainty = std::move(*d);
    a_.inputs.push_back(std::move(answer));
  }

  void read_weights(const yaml::Node& node) {
    if (!node.is_mapping()) {
      ctx_.report(node, wrong_type("a mapping of criterion: weight", "weights", node));
      return;
    }
    for (const auto& [key, value] : node.entries) {
      if (fw_.criterion(key.scalar) == nullptr) {
        ctx_.report(key, unknown_reference("criterion", key.scalar,
                                           fmt::format(" in weights; framework '{}' has {}", fw_.id,
                                                       quoted_list(criterion_ids_)),
                                           criterion_ids_));
        continue;
      }
      WeightOverride o;
      o.criterion = key.scalar;
      const yaml::Node* v = &value;
      if (value.is_mapping()) {  // {value, because, source}
        Fields wf(ctx_, value, fmt::format("the weight of '{}'", key.scalar));
        v = wf.required("value");
        if (const auto* b = wf.optional("because")) {
          o.because = ctx_.string(*b, "because").value_or("");
          o.because_where = ctx_.at(*b);
        }
        if (const auto* src = wf.optional("source")) {
          if (auto id = ctx_.id(*src, "source")) {
            o.source = *id;
            check_source(*src, *id);
          }
        }
        wf.finish();
        if (v == nullptr) continue;
      }
      auto w = ctx_.number(*v, fmt::format("the weight of '{}'", key.scalar));
      if (!w) continue;
      if (*w < 0) {
        ctx_.report(*v, negative_weight(fmt::format("'{}'", key.scalar), v->scalar));
        continue;
      }
      o.weight = *w;
      o.where = ctx_.at(*v);
      a_.weights.push_back(std::move(o));
    }
  }

  void read_scores(const yaml::Node& node) {
    if (!node.is_mapping()) {
      ctx_.report(node, wrong_type("a mapping of option: {criterion: score}", "scores", node));
      return;
    }
    std::vector<std::string> option_ids;
    for (const auto& o : fw_.options) option_ids.push_back(o.id);
    for (const auto& [key, value] : node.entries) {
      if (fw_.option(key.scalar) == nullptr) {
        ctx_.report(key, unknown_reference("option", key.scalar, " in scores", option_ids));
        continue;
      }
      if (!value.is_mapping()) {
        ctx_.report(value, wrong_type("a mapping of criterion: score",
                                      fmt::format("option '{}'", key.scalar), value));
        continue;
      }
      for (const auto& [ckey, cvalue] : value.entries) read_score_override(key, ckey, cvalue);
    }
  }

  void read_score_override(const yaml::Node& option, const yaml::Node& key,
                           const yaml::Node& value) {
    const Criterion* criterion = fw_.criterion(key.scalar);
    if (criterion == nullptr) {
      ctx_.report(key,
                  unknown_reference("criterion", key.scalar,
                                    fmt::format(" in the scores of option '{}'", option.scalar),
                                    criterion_ids_));
      return;
    }
    auto s = read_score(ctx_, key, value, option.scalar);
    if (!s) return;
    if (!s->source.empty()) {
      const yaml::Node* at = value.is_mapping() ? value.find("source") : nullptr;
      check_source(at ? *at : value, s->source);
    }
    check_scale(ctx_.sink(), *criterion, *s, option.scalar);
    if (s->formula) {
      check_expression(ctx_.sink(), *s->formula, symbols_, expr::Type::Number,
                       fmt::format("the score of '{}' on '{}'", option.scalar, key.scalar));
    }
    a_.scores.push_back({option.scalar, std::move(*s)});
  }

  /// The assessment's own weighting; `weights:` override only direct weighting.
  void read_weighting(Fields& f) {
    const yaml::Node* w = f.key_node("weights");
    if (const auto* n = f.optional("weighting")) {
      a_.weighting = loader::read_weighting(ctx_, *n, criterion_ids_);
      if (w != nullptr && a_.weighting && a_.weighting->method != WeightingMethod::Direct) {
        ctx_.error(ErrorCode::Conflict, *w,
                   fmt::format("'weights:' override criterion weights, but this assessment "
                               "weighs by '{}'",
                               to_string(a_.weighting->method)));
      }
    } else if (w != nullptr && fw_.weighting && fw_.weighting->method != WeightingMethod::Direct) {
      ctx_.error(ErrorCode::Conflict, *w,
                 fmt::format("'weights:' override criterion weights, but framework '{}' weighs "
                             "by '{}'; give this assessment its own 'weighting:' instead",
                             fw_.id, to_string(fw_.weighting->method)));
    }
  }

  /// The criterion weights the weighting will use must exist and not all be zero.
  void check_weights(const Fields& f) {
    const auto& spec = a_.weighting ? a_.weighting : fw_.weighting;
    const auto needed = criteria_needing_weights(spec, criterion_ids_);
    double total = 0;
    for (const auto& c : fw_.criteria) {
      if (!contains(needed, c.id)) continue;
      std::optional<double> w = c.weight;
      for (const auto& o : a_.weights) {
        if (o.criterion == c.id) w = o.weight;
      }
      if (!w) {
        ctx_.error(ErrorCode::MissingKey, a_.weighting ? f.node() : *f.key_node("framework"),
                   fmt::format("criterion '{}' has no weight for direct weighting; give it one "
                               "under 'weights:'",
                               c.id));
        continue;
      }
      total += *w;
    }
    if (total <= 0 && !needed.empty()) {
      const yaml::Node* wkey = f.key_node("weights");
      ctx_.sink().error(ErrorCode::InvalidWeights, wkey ? ctx_.at(*wkey) : a_.where,
                        "with these weights every criterion weight is zero; at least one must "
                        "be positive");
    }
  }

  Context& ctx_;
  Assessment& a_;
  const Framework& fw_;
  const std::vector<std::string> criterion_ids_;
  const expr::Symbols symbols_;  ///< what score formulas may read
  std::vector<std::string> source_ids_;
};

}  // namespace

Assessment read_assessment_header(Context& ctx) {
  Assessment a;
  const yaml::Node& root = ctx.doc().root;
  a.file = ctx.doc().file;
  a.where = ctx.at(root);
  if (!root.is_mapping()) return a;
  if (const auto* n = root.find("assessment")) a.id = ctx.id(*n, "the assessment").value_or("");
  if (const auto* n = root.find("framework")) {
    a.framework_where = ctx.at(*n);
    a.framework_ref = ctx.string(*n, "the framework").value_or("");
  }
  return a;
}

void read_assessment_body(Context& ctx, Assessment& a, const Framework& fw) {
  AssessmentReader(ctx, a, fw).read();
}

}  // namespace tradeoff::loader
