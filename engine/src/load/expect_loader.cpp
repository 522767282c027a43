// The `expect:` block of an assessment (see expect_loader.hpp): read where it is written, each
// winner checked against the framework's options, each bound against its range.
#include "load/expect_loader.hpp"

#include <fmt/format.h>

namespace tradeoff::loader {

namespace {

/// The acceptable winners: one id or a list; an empty list expects every option excluded.
std::optional<std::vector<std::string>> read_winners(Context& ctx, const yaml::Node& node,
                                                     const Framework& fw) {
  if (!node.is_scalar() && !node.is_sequence()) {
    ctx.report(node, wrong_type("an option id or a list of them", "expect: winner", node));
    return std::nullopt;
  }
  const size_t errors = ctx.sink().diagnostics().size();
  std::vector<std::string> winners = ctx.id_list(node, "expect: winner");
  if (ctx.sink().diagnostics().size() != errors) return std::nullopt;
  if (fw.id.empty()) return winners;  // no framework: its own error says so
  std::vector<std::string> option_ids;
  for (const auto& o : fw.options) option_ids.push_back(o.id);
  bool ok = true;
  const auto at = [&](size_t k) -> const yaml::Node& {
    return node.is_sequence() ? node.items[k] : node;
  };
  for (size_t k = 0; k < winners.size(); ++k) {
    if (fw.option(winners[k]) != nullptr) continue;
    ctx.report(at(k), unknown_reference("option", winners[k],
                                        fmt::format(" in 'expect: winner'; framework '{}' has {}",
                                                    fw.id, quoted_list(option_ids)),
                                        option_ids));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return winners;
}

/// A bound: a number within [low, high] (no upper end when `high` is none).
std::optional<double> read_bound(Context& ctx, const yaml::Node& node, std::string_view key,
                                 double low, std::optional<double> high) {
  const auto value = ctx.number(node, fmt::format("expect: {}", key));
  if (!value) return std::nullopt;
  if (*value < low || (high && *value > *high)) {
    ctx.error(
        ErrorCode::OutOfRange, node,
        high ? fmt::format("expect: {} must lie in [{}, {}], got {}", key, low, *high, node.scalar)
             : fmt::format("expect: {} must be at least {}, got {}", key, low, node.scalar));
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<Expectation> read_expectation(Context& ctx, const yaml::Node& node,
                                            const Framework& fw) {
  Fields f(ctx, node, "expect");
  if (!f.ok()) return std::nullopt;
  Expectation e;
  e.where = ctx.at(node);
  const yaml::Node* winner = f.optional("winner");
  const yaml::Node* margin = f.optional("min_margin");
  const yaml::Node* confidence = f.optional("min_confidence");
  f.finish();
  if (node.entries.empty()) {
    // A check that checks nothing is a mistake (a block indented under the wrong key, say).
    ctx.error(ErrorCode::MissingKey, node,
              "'expect:' is empty; give 'winner', 'min_margin' or 'min_confidence'");
    return std::nullopt;
  }
  if (winner != nullptr) {
    e.winners = read_winners(ctx, *winner, fw);
    e.winner_where = ctx.at(*winner);
  }
  if (margin != nullptr) {
    e.min_margin = read_bound(ctx, *margin, "min_margin", 0, std::nullopt);
    e.margin_where = ctx.at(*margin);
  }
  if (confidence != nullptr) {
    e.min_confidence = read_bound(ctx, *confidence, "min_confidence", 0, 1);
    e.confidence_where = ctx.at(*confidence);
  }
  return e;
}

}  // namespace tradeoff::loader
