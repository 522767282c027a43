// The re-evaluation API (tradeoff/evaluator.hpp): a compiled plan, the state of its last run,
// and the changes made since.
#include "tradeoff/evaluator.hpp"

#include <cmath>

#include <fmt/format.h>

#include "evaluate/state.hpp"

namespace tradeoff {

struct Evaluator::Impl {
  detail::Plan plan;
  detail::State state;

  Impl(const Framework& fw, const Assessment* a, const EvaluateOptions& options)
      : plan(detail::compile(fw, a, options)), state(plan) {}
};

Evaluator::Evaluator(const Framework& framework, const Assessment* assessment,
                     const EvaluateOptions& options)
    : impl_(std::make_unique<Impl>(framework, assessment, options)) {}
Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

size_t Evaluator::input_count() const { return impl_->plan.fw->inputs.size(); }
size_t Evaluator::criterion_count() const { return impl_->plan.criteria(); }
size_t Evaluator::option_count() const { return impl_->plan.options(); }
const std::string& Evaluator::input_name(size_t input) const {
  return impl_->plan.fw->inputs.at(input).name;
}
const std::string& Evaluator::criterion_id(size_t criterion) const {
  return impl_->plan.columns.at(criterion).id;
}
const std::string& Evaluator::option_id(size_t option) const {
  return impl_->plan.option_ids->at(option);
}

namespace {

template <typename List, typename Id>
std::optional<size_t> find(const List& list, std::string_view id, Id id_of) {
  for (size_t k = 0; k < list.size(); ++k) {
    if (id_of(list[k]) == id) return k;
  }
  return std::nullopt;
}

}  // namespace

std::optional<size_t> Evaluator::input_index(std::string_view name) const {
  return find(impl_->plan.fw->inputs, name, [](const Input& in) { return in.name; });
}
std::optional<size_t> Evaluator::criterion_index(std::string_view id) const {
  return find(impl_->plan.columns, id, [](const detail::Column& c) { return c.id; });
}
std::optional<size_t> Evaluator::option_index(std::string_view id) const {
  return find(*impl_->plan.option_ids, id, [](const std::string& s) { return s; });
}
Method Evaluator::method() const { return impl_->plan.method.info->id; }
Normalization Evaluator::normalization() const { return impl_->plan.method.normalization; }

void Evaluator::set_input(size_t input, double value) {
  const Input& in = impl_->plan.fw->inputs.at(input);
  const bool indexed = in.type == InputType::Choice || in.type == InputType::Level;
  const bool ok =
      std::isfinite(value) && (in.type != InputType::Boolean || value == 0 || value == 1) &&
      (!indexed ||
       (value >= 0 && value < static_cast<double>(in.values.size()) && value == std::floor(value)));
  if (!ok) {
    fail(ErrorCode::InvalidValue, in.where,
         fmt::format("input '{}' cannot take the value {}", in.name, value));
  }
  impl_->state.slots[input] = value;
  impl_->state.set_inputs[input] = 1;
  impl_->state.dirty.inputs = true;
}

double Evaluator::input(size_t input) const { return impl_->state.slots.at(input); }
const Input& Evaluator::input_definition(size_t input) const {
  return impl_->plan.fw->inputs.at(input);
}

void Evaluator::set_weight(size_t criterion, double weight) {
  detail::State& s = impl_->state;
  s.pinned_weights.at(criterion) = 1;
  s.pinned_weight[criterion] = weight;
  s.dirty.weights = true;
}

void Evaluator::set_score(size_t option, size_t criterion, double value) {
  detail::State& s = impl_->state;
  const size_t cell = option * impl_->plan.criteria() + criterion;
  if (option >= impl_->plan.options() || criterion >= impl_->plan.criteria()) {
    throw std::out_of_range("Evaluator::set_score: no such option or criterion");
  }
  s.pinned_scores[cell] = true;
  s.write_base()[cell] = value;
  s.dirty.scores = true;
}

void Evaluator::reset() { impl_->state = detail::State(impl_->plan); }

void Evaluator::run() { detail::run_stages(impl_->plan, impl_->state, nullptr); }

double Evaluator::score(size_t option) const { return impl_->state.score.at(option); }
int Evaluator::rank(size_t option) const { return impl_->state.rank.at(option); }
bool Evaluator::eligible(size_t option) const { return impl_->state.rules.vetoed.at(option) == 0; }
size_t Evaluator::winner() const {
  return impl_->state.order.empty() ? npos : impl_->state.order.front();
}
const std::vector<size_t>& Evaluator::order() const { return impl_->state.order; }
double Evaluator::weight(size_t criterion) const {
  return impl_->state.problem.weights.at(criterion);
}
double Evaluator::stated_weight(size_t criterion) const {
  const detail::State& s = impl_->state;
  return s.pinned_weights.at(criterion) != 0 ? s.pinned_weight[criterion]
                                             : s.weighting.at(criterion);
}
double Evaluator::weight_after_rules(size_t criterion) const {
  return impl_->state.weights.at(criterion);
}
double Evaluator::raw(size_t option, size_t criterion) const {
  const detail::State& s = impl_->state;
  return detail::after_rules(s.rules, *s.base).at(option * impl_->plan.criteria() + criterion);
}
bool Evaluator::higher_is_better() const { return impl_->plan.method.info->higher_is_better; }

double Evaluator::signed_normalized(size_t option, size_t criterion) const {
  const detail::State& s = impl_->state;
  if (criterion >= impl_->plan.criteria()) {
    throw std::out_of_range("Evaluator::signed_normalized: no such criterion");
  }
  const auto& rows = s.rows.eligible;
  for (size_t r = 0; r < rows.size(); ++r) {
    if (rows[r] == option) {
      return s.normalized.sign[criterion] * s.normalized.value(s.problem, r, criterion);
    }
  }
  return 0;
}

namespace {

/// Every stage, from the numbers up, traced, in `state`; then the Result.
Result traced_run(const detail::Plan& plan, detail::State& state) {
  state.dirty = {};
  detail::Trace trace;
  detail::run_stages(plan, state, &trace);
  return detail::assemble_result(plan, state, trace);
}

}  // namespace

Result Evaluator::result() const {
  detail::State state = impl_->state;
  return traced_run(impl_->plan, state);
}

Result Evaluator::traced_result() { return traced_run(impl_->plan, impl_->state); }

}  // namespace tradeoff
