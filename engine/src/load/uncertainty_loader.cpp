// Ranges, triangles and the `uncertainty:` block (see uncertainty_loader.hpp): what Monte-Carlo
// analysis may vary, read and checked where it is written.
#include "load/uncertainty_loader.hpp"

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff::loader {

namespace {

/// The largest concentration taken: beyond it the weights hardly move, and the gamma variates
/// of a Dirichlet sample would approach the largest double.
constexpr double kMaxConcentration = 1e6;

std::string items(size_t n) {
  if (n == 0) return "an empty list";
  return fmt::format("a list of {} item{}", n, n == 1 ? "" : "s");
}

/// low <= high, else reported at the whole value: either end may be the one mistyped.
bool ordered(Context& ctx, const yaml::Node& node, const Distribution& d, std::string_view what) {
  if (d.low <= d.high) return true;
  ctx.error(ErrorCode::InvalidValue, node,
            fmt::format("the low end of {} ({}) is above its high end ({})", what,
                        detail::quantity(d.low), detail::quantity(d.high)));
  return false;
}

std::optional<Distribution> read_range(Context& ctx, const yaml::Node& node,
                                       std::string_view what) {
  if (node.items.size() != 2) {
    ctx.report(node, wrong_type(fmt::format("a range [low, high] for {}", what),
                                items(node.items.size())));
    return std::nullopt;
  }
  const auto low = ctx.number(node.items[0], fmt::format("the low end of {}", what));
  const auto high = ctx.number(node.items[1], fmt::format("the high end of {}", what));
  if (!low || !high) return std::nullopt;
  Distribution d;
  d.kind = Distribution::Kind::Range;
  d.low = *low;
  d.high = *high;
  // Halves first: the sum of two large ends may overflow where their midpoint does not.
  d.mode = d.low / 2 + d.high / 2;
  d.where = ctx.at(node);
  d.low_where = ctx.at(node.items[0]);
  d.high_where = ctx.at(node.items[1]);
  if (!ordered(ctx, node, d, what)) return std::nullopt;
  return d;
}

std::optional<Distribution> read_triangle(Context& ctx, const yaml::Node& node,
                                          std::string_view what) {
  const std::string triangle = fmt::format("the triangle of {}", what);
  Fields f(ctx, node, triangle);
  const yaml::Node* low = f.required("low");
  const yaml::Node* mode = f.optional("mode");
  const yaml::Node* high = f.required("high");
  f.finish();
  if (mode == nullptr) {
    // {low, high} is most likely meant as a range.
    ctx.report(node, missing_key("mode", triangle, "; a range is written [low, high]"));
  }
  if (low == nullptr || mode == nullptr || high == nullptr) return std::nullopt;
  const auto l = ctx.number(*low, fmt::format("the low end of {}", what));
  const auto m = ctx.number(*mode, fmt::format("the mode of {}", what));
  const auto h = ctx.number(*high, fmt::format("the high end of {}", what));
  if (!l || !m || !h) return std::nullopt;
  Distribution d;
  d.kind = Distribution::Kind::Triangle;
  d.low = *l;
  d.mode = *m;
  d.high = *h;
  d.where = ctx.at(node);
  d.low_where = ctx.at(*low);
  d.high_where = ctx.at(*high);
  if (!ordered(ctx, node, d, what)) return std::nullopt;
  if (d.mode < d.low || d.mode > d.high) {
    ctx.error(
        ErrorCode::OutOfRange, *mode,
        fmt::format("the mode of {} ({}) is outside its range [{}, {}]", what,
                    detail::quantity(d.mode), detail::quantity(d.low), detail::quantity(d.high)));
    return std::nullopt;
  }
  return d;
}

/// One `criterion: [low, high]` of `ranges:`, in the weighting's units.
bool read_weight_range(Context& ctx, const yaml::Node& key, const yaml::Node& value,
                       Uncertainty& u) {
  const std::string what = fmt::format("the weight of {}", quoted(key.scalar));
  if (!value.is_sequence()) {
    ctx.report(value, wrong_type("a range [low, high]", what, value));
    return false;
  }
  const auto d = read_distribution(ctx, value, what);
  if (!d) return false;
  if (d->low < 0) {
    ctx.report(value.items[0], {ErrorCode::InvalidWeights,
                                fmt::format("the low end of {} must be non-negative, got {}", what,
                                            value.items[0].scalar),
                                {}});
    return false;
  }
  u.ranges.push_back({key.scalar, d->low, d->high, ctx.at(key)});
  return true;
}

bool read_weight_ranges(Context& ctx, const yaml::Node& node,
                        const std::vector<std::string>& criteria,
                        const std::vector<std::string>& ignored, Uncertainty& u) {
  if (!node.is_mapping() || node.entries.empty()) {
    ctx.report(node, wrong_type("a non-empty mapping of criterion: [low, high]",
                                "the weight ranges", node));
    return false;
  }
  bool good = true;
  for (const auto& [key, value] : node.entries) {
    if (contains(ignored, key.scalar)) {
      good = false;
    } else if (!contains(criteria, key.scalar)) {
      ctx.report(key,
                 unknown_reference("criterion", key.scalar, " in the weight ranges", criteria));
      good = false;
    } else {
      good = read_weight_range(ctx, key, value, u) && good;
    }
  }
  u.weights = Uncertainty::Weights::Ranges;
  return good;
}

bool read_concentration(Context& ctx, const yaml::Node& node, Uncertainty& u) {
  const auto c = ctx.number(node, "the concentration of the weights");
  if (!c) return false;
  if (*c <= 0 || *c > kMaxConcentration) {
    ctx.error(ErrorCode::InvalidValue, node,
              fmt::format("the concentration of the weights must be above 0 and at most {}, "
                          "got {}",
                          detail::quantity(kMaxConcentration), node.scalar),
              *c > 0 ? "with so high a concentration the weights hardly vary: write 'weights: "
                       "stated'"
                     : "");
    return false;
  }
  u.weights = Uncertainty::Weights::Concentration;
  u.concentration = *c;
  return true;
}

/// `weights:` stated, none, {concentration: C} or {ranges: {criterion: [low, high]}}.
bool read_weights_model(Context& ctx, const yaml::Node& node,
                        const std::vector<std::string>& criteria,
                        const std::vector<std::string>& ignored, Uncertainty& u) {
  static const std::vector<std::string> kNames = {"stated", "none"};
  if (node.is_scalar()) {
    if (node.scalar == "stated" || node.scalar == "none") {
      u.weights =
          node.scalar == "stated" ? Uncertainty::Weights::Stated : Uncertainty::Weights::None;
      return true;
    }
    ctx.report(node, unknown_choice("weight uncertainty", node.scalar,
                                    "'stated', 'none', {concentration: C} or "
                                    "{ranges: {criterion: [low, high]}}",
                                    kNames));
    return false;
  }
  Fields f(ctx, node, "the weight uncertainty");
  if (!f.ok()) return false;
  const yaml::Node* concentration = f.optional("concentration");
  const yaml::Node* ranges = f.optional("ranges");
  f.finish();
  if (concentration != nullptr && ranges != nullptr) {
    ctx.error(ErrorCode::Conflict, *f.key_node("ranges"),
              "give the weights either a 'concentration' or 'ranges', not both");
    read_concentration(ctx, *concentration, u);  // for its own problems, if any
    return false;
  }
  if (concentration != nullptr) return read_concentration(ctx, *concentration, u);
  if (ranges != nullptr) return read_weight_ranges(ctx, *ranges, criteria, ignored, u);
  ctx.error(ErrorCode::MissingKey, node,
            "missing key 'concentration' or 'ranges' in the weight uncertainty");
  return false;
}

}  // namespace

bool is_distribution(const yaml::Node& node) { return node.is_sequence() || node.is_mapping(); }

bool is_triangle(const yaml::Node& node) {
  if (!node.is_mapping() || node.find("value") != nullptr) return false;
  return node.find("low") != nullptr || node.find("mode") != nullptr ||
         node.find("high") != nullptr;
}

std::optional<Distribution> read_distribution(Context& ctx, const yaml::Node& node,
                                              std::string_view what) {
  if (node.is_sequence()) return read_range(ctx, node, what);
  if (node.is_mapping()) return read_triangle(ctx, node, what);
  ctx.report(node, wrong_type("a range [low, high] or a triangle {low, mode, high}", what, node));
  return std::nullopt;
}

std::optional<Uncertainty> read_uncertainty(Context& ctx, const yaml::Node& node,
                                            const std::vector<std::string>& criteria,
                                            const std::vector<std::string>& ignored) {
  Uncertainty u;
  u.where = ctx.at(node);
  Fields f(ctx, node, "uncertainty");
  if (!f.ok()) return std::nullopt;
  bool good = true;
  if (const auto* w = f.optional("weights")) {
    good = read_weights_model(ctx, *w, criteria, ignored, u);
  }
  f.finish();
  if (!good) return std::nullopt;
  return u;
}

}  // namespace tradeoff::loader
