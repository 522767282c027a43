// A Result's options as columns, each OptionResult built on first read (see option_columns.hpp).
#include "evaluate/option_columns.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace tradeoff {
namespace detail {

OptionColumns::OptionColumns(size_t options, size_t criteria)
    : n(options), m(criteria), built_(std::make_unique<std::atomic<const OptionResult*>[]>(n)) {
  for (size_t i = 0; i < n; ++i) built_[i].store(nullptr, std::memory_order_relaxed);
}

OptionColumns::OptionColumns(std::vector<OptionResult> options)
    : n(options.size()), own_(std::move(options)) {}

OptionColumns::~OptionColumns() {
  if (!built_) return;
  for (size_t i = 0; i < n; ++i) delete built_[i].load(std::memory_order_relaxed);
}

const OptionResult& OptionColumns::get(size_t i) const {
  if (!own_.empty()) return own_[i];
  if (const OptionResult* done = built_[i].load(std::memory_order_acquire)) return *done;
  auto made = std::make_unique<const OptionResult>(build(i));
  const OptionResult* expected = nullptr;
  // Two threads may build the same option; the first to publish it wins.
  if (built_[i].compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel,
                                        std::memory_order_acquire)) {
    return *made.release();
  }
  return *expected;
}

Figures OptionColumns::normalized_row(size_t i) const {
  const uint32_t r = row_of(i);
  if (r == kNoRow) return {zeros, 0, m};
  if (normalized) return {normalized, r, m};
  // A plain transform per column, applied for this option alone.
  std::vector<double> values(m);
  for (size_t j = 0; j < m; ++j) values[j] = transform[j].apply((*normalize_from)[r * m + j]);
  return Figures(std::move(values));
}

Figures OptionColumns::contribution_row(size_t i, const Figures& values) const {
  const uint32_t r = row_of(i);
  if (r == kNoRow) return {zeros, 0, m};
  if (contribution) return {contribution, r, m};
  std::vector<double> parts(m);
  for (size_t j = 0; j < m; ++j) parts[j] = weighted.value(j, values[j]);
  return Figures(std::move(parts));
}

OptionResult OptionColumns::build(size_t i) const {
  OptionResult o;
  o.id = (*ids)[i];
  o.name = names.empty() ? o.id : names[i];
  if (!descriptions.empty()) o.description = descriptions[i];
  o.raw = Figures(raw, i, m);
  o.normalized = normalized_row(i);
  o.contribution = contribution_row(i, o.normalized);
  const auto bits = overridden.begin() + static_cast<std::ptrdiff_t>(i * m);
  o.overridden.assign(bits, bits + static_cast<std::ptrdiff_t>(m));
  const auto given =
      std::lower_bound(reasons.begin(), reasons.end(), i,
                       [](const OptionReasons& r, size_t option) { return r.option < option; });
  if (given != reasons.end() && given->option == i) {
    o.because = given->because;
    o.source = given->source;
  }
  o.score = score[i];
  o.rank = rank[i];
  o.eligible = eligible[i] != 0;
  return o;
}

size_t OptionColumns::find(std::string_view key) const {
  const auto key_of = [this](size_t i) -> std::string_view { return id(i); };
  std::call_once(hashed_, [&] {
    index_.reserve(n, key_of);
    for (size_t i = 0; i < n; ++i) index_.insert(i, key_of);  // a repeated id: the first is found
  });
  const size_t at = index_.find(key, key_of);
  return at == IdIndex::npos ? n : at;
}

}  // namespace detail

OptionResults::OptionResults(std::vector<OptionResult> options)
    : columns_(std::make_shared<const detail::OptionColumns>(std::move(options))) {}

OptionResults::OptionResults(std::shared_ptr<const detail::OptionColumns> columns)
    : columns_(std::move(columns)) {}

size_t OptionResults::size() const { return columns_ ? columns_->n : 0; }

const OptionResult& OptionResults::operator[](size_t i) const { return columns_->get(i); }

const OptionResult& OptionResults::at(size_t i) const {
  if (i >= size()) throw std::out_of_range("OptionResults::at: no option " + std::to_string(i));
  return columns_->get(i);
}

const std::string& OptionResults::id(size_t i) const { return columns_->id(i); }

size_t OptionResults::find(std::string_view id) const { return columns_ ? columns_->find(id) : 0; }

}  // namespace tradeoff
