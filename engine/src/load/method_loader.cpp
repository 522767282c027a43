// The `method:` block: aggregation method, normalisation, the parameters of VIKOR, WASPAS and
// PROMETHEE II (preference functions per criterion), and the methods `--method all` compares.
#include <algorithm>

#include <fmt/format.h>

#include "load/readers.hpp"
#include "support/text.hpp"

namespace tradeoff::loader {

namespace {

/// A parameter that must lie in [0, 1], such as VIKOR's v.
std::optional<double> read_unit_interval(Context& ctx, const yaml::Node& node,
                                         std::string_view what) {
  auto v = ctx.number(node, what);
  if (v && (*v < 0 || *v > 1)) {
    ctx.error(ErrorCode::OutOfRange, node,
              fmt::format("{} must lie in [0, 1], got {}", what, node.scalar));
    return std::nullopt;
  }
  return v;
}

void read_compare(Context& ctx, const yaml::Node& node, MethodSpec& m) {
  if (!node.is_sequence() || node.items.empty()) {
    ctx.report(node, wrong_type("a list of methods to compare", node));
    return;
  }
  for (const auto& item : node.items) {
    const auto method = read_choice<Method>(ctx, item, "a method to compare", "method");
    if (!method) continue;
    if (std::find(m.compare.begin(), m.compare.end(), *method) != m.compare.end()) {
      ctx.error(ErrorCode::DuplicateId, item,
                fmt::format("'{}' is listed twice in the methods to compare", item.scalar));
      continue;
    }
    m.compare.push_back(*method);
  }
}

/// Parameters of another method than the one named are ignored: say so.
void warn_unused_parameters(Context& ctx, const Fields& f, const MethodSpec& m) {
  if (!m.name) return;
  const std::pair<const char*, Method> owners[] = {
      {"v", Method::Vikor}, {"lambda", Method::Waspas}, {"preference", Method::Promethee2}};
  for (const auto& [param, owner] : owners) {
    if (*m.name != owner && f.key_node(param) != nullptr) {
      ctx.warning(ErrorCode::Conflict, *f.key_node(param),
                  fmt::format("'{}' is a parameter of {}, and method '{}' ignores it", param,
                              to_string(owner), to_string(*m.name)));
    }
  }
}

/// The thresholds a preference function takes, for messages: "q and p", "s", ...
struct Thresholds {
  bool q = false;
  bool p = false;
  bool s = false;

  explicit Thresholds(PreferenceShape shape) {
    using Shape = PreferenceShape;
    q = shape == Shape::UShape || shape == Shape::Level || shape == Shape::Linear;
    p = shape == Shape::VShape || shape == Shape::Level || shape == Shape::Linear;
    s = shape == Shape::Gaussian;
  }
  bool wants(char param) const { return param == 'q' ? q : param == 'p' ? p : s; }
  std::string names() const {
    return q && p ? "q and p" : p ? "p" : q ? "q" : s ? "s" : "no threshold";
  }
};

/// Each function takes exactly the thresholds it uses, non-negative, with p above q.
bool read_thresholds(Context& ctx, Fields& f, const std::string& criterion,
                     PreferenceFunction& pf) {
  const std::string& what = f.what();
  const std::string_view fn = to_string(pf.function);
  const Thresholds takes(pf.function);
  bool good = true;
  for (const char* param : {"q", "p", "s"}) {
    const yaml::Node* n = f.optional(param);
    const bool wanted = takes.wants(param[0]);
    if (n == nullptr) {
      if (wanted && good) {
        ctx.report(f.node(),
                   missing_key(param, what, fmt::format(": the {} function needs it", fn)));
        good = false;
      }
      continue;
    }
    if (!wanted) {
      ctx.error(ErrorCode::UnknownKey, *f.key_node(param),
                fmt::format("the {} function of '{}' takes {}, not '{}'", fn, criterion,
                            takes.names(), param));
      good = false;
      continue;
    }
    auto v = ctx.number(*n, fmt::format("'{}' of {}", param, what));
    if (!v) {
      good = false;
    } else if (*v < 0) {
      ctx.error(ErrorCode::OutOfRange, *n,
                fmt::format("'{}' of {} must be non-negative, got {}", param, what, n->scalar));
      good = false;
    } else {
      (param[0] == 'q' ? pf.q : param[0] == 'p' ? pf.p : pf.s) = *v;
    }
  }
  if (good && takes.p && !(pf.p > pf.q)) {
    ctx.error(ErrorCode::InvalidValue, *f.key_node("p"),
              fmt::format("{} needs p (preference) above q (indifference), got q = {} and p = {}",
                          what, detail::quantity(pf.q), detail::quantity(pf.p)));
    good = false;
  }
  if (good && takes.s && !(pf.s > 0)) {
    ctx.error(ErrorCode::InvalidValue, *f.key_node("s"), fmt::format("{} needs s above 0", what));
    good = false;
  }
  return good;
}

void read_preference(Context& ctx, const yaml::Node& key, const yaml::Node& value,
                     std::vector<PreferenceFunction>& out) {
  PreferenceFunction pf;
  pf.criterion = key.scalar == "default" ? "" : key.scalar;
  pf.where = ctx.at(value);
  Fields f(ctx, value, fmt::format("the preference function of '{}'", key.scalar));
  if (!f.ok()) return;
  bool good = true;
  if (const auto* n = f.optional("function")) {
    if (auto name = ctx.string(*n, "the preference function")) {
      auto shape = lookup_choice<PreferenceShape>(ctx, *n, *name, "preference function");
      if (shape) pf.function = *shape;
      good = shape.has_value();
    }
  }
  if (!good) {
    // An unknown function: its thresholds cannot be checked; report nothing more.
    for (const char* param : {"q", "p", "s"}) f.optional(param);
    f.finish();
    return;
  }
  good = read_thresholds(ctx, f, key.scalar, pf);
  f.finish();
  if (good) out.push_back(std::move(pf));
}

void read_preferences(Context& ctx, const yaml::Node& node,
                      const std::vector<std::string>& criteria,
                      std::vector<PreferenceFunction>& out) {
  if (!node.is_mapping()) {
    ctx.report(node,
               wrong_type("a mapping of criterion (or 'default'): preference function", node));
    return;
  }
  std::vector<std::string> keys = criteria;
  keys.insert(keys.begin(), "default");
  for (const auto& [key, value] : node.entries) {
    if (key.scalar != "default" && !contains(criteria, key.scalar)) {
      ctx.report(key,
                 unknown_reference("criterion", key.scalar, " in the preference functions", keys));
      continue;
    }
    read_preference(ctx, key, value, out);
  }
}

}  // namespace

MethodSpec read_method(Context& ctx, const yaml::Node& node,
                       const std::vector<std::string>& criteria) {
  MethodSpec m;
  m.where = ctx.at(node);
  Fields f(ctx, node, "method");
  if (const auto* n = f.optional("name")) {
    m.name = read_choice<Method>(ctx, *n, "the method name", "method");
  }
  if (const auto* n = f.optional("normalization")) {
    m.normalization_where = ctx.at(*n);
    m.normalization = read_choice<Normalization>(ctx, *n, "the normalization", "normalization");
  }
  if (const auto* n = f.optional("v")) m.v = read_unit_interval(ctx, *n, "VIKOR's v");
  if (const auto* n = f.optional("lambda"))
    m.lambda = read_unit_interval(ctx, *n, "WASPAS's lambda");
  if (const auto* n = f.optional("preference")) read_preferences(ctx, *n, criteria, m.preference);
  if (const auto* n = f.optional("compare")) read_compare(ctx, *n, m);
  f.finish();
  warn_unused_parameters(ctx, f, m);
  return m;
}

}  // namespace tradeoff::loader
