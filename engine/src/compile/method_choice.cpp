// Choosing the method, its normalisation and parameters: see compile/method_choice.hpp.
#include "compile/method_choice.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace tradeoff::detail {

namespace {

/// A normalisation goes with the method chosen beside it or below it: switching the method on
/// the command line does not inherit a normalisation picked for the framework's method.
void choose_normalization(const Framework& fw, const Assessment& a, const EvaluateOptions& opt,
                          MethodChoice& choice) {
  const int method_level = opt.method ? 3 : a.method.name ? 2 : fw.method.name ? 1 : 0;
  const std::pair<int, const std::optional<Normalization>*> levels[] = {
      {3, &opt.normalization}, {2, &a.method.normalization}, {1, &fw.method.normalization}};
  choice.normalization = choice.info->normalization;
  for (const auto& [level, chosen] : levels) {
    if (chosen->has_value() && level >= method_level) {
      choice.normalization = **chosen;
      choice.normalization_chosen = true;
      return;
    }
  }
}

void check_allowed(const Framework& fw, const Assessment& a, const EvaluateOptions& opt,
                   const MethodChoice& choice) {
  const MethodInfo& method = *choice.info;
  const auto& allowed = method.allowed;
  if (allowed.empty() ||
      std::find(allowed.begin(), allowed.end(), choice.normalization) != allowed.end()) {
    return;
  }
  std::string list;
  for (size_t k = 0; k < allowed.size(); ++k) {
    list += (k == 0                    ? "'"
             : k + 1 == allowed.size() ? " or '"
                                       : ", '") +
            std::string(to_string(allowed[k])) + "'";
  }
  std::string message = fmt::format("{} works with the {} normalization, not '{}'", method.title,
                                    list, to_string(choice.normalization));
  std::string hint = fmt::format("{} normalises with '{}' by default", method.title,
                                 to_string(method.normalization));
  if (opt.normalization || opt.method) usage_error(std::move(message), std::move(hint));
  const MethodSpec& chosen = a.method.normalization ? a.method : fw.method;
  fail(ErrorCode::InvalidValue,
       chosen.normalization_where.line > 0 ? chosen.normalization_where : chosen.where,
       std::move(message), std::move(hint));
}

/// Each criterion's PROMETHEE function: its own, else the default, the assessment's over the
/// framework's.
std::vector<Preference> preferences(const Framework& fw, const Assessment& a) {
  std::vector<Preference> out;
  for (const auto& c : fw.criteria) {
    const PreferenceFunction* chosen = nullptr;
    for (const auto* list : {&fw.method.preference, &a.method.preference}) {
      for (const auto& pf : *list) {
        if (pf.criterion.empty() && (chosen == nullptr || chosen->criterion.empty())) chosen = &pf;
      }
      for (const auto& pf : *list) {
        if (pf.criterion == c.id) chosen = &pf;
      }
    }
    Preference pref;
    if (chosen != nullptr) {
      pref = {chosen->function, chosen->q, chosen->p, chosen->s, &chosen->where};
    }
    out.push_back(pref);
  }
  return out;
}

}  // namespace

MethodChoice choose_method(const Framework& fw, const Assessment& a, const EvaluateOptions& opt) {
  MethodChoice choice;
  const Method method = opt.method       ? *opt.method
                        : a.method.name  ? *a.method.name
                        : fw.method.name ? *fw.method.name
                                         : Method::Wsm;
  choice.info = &method_info(method);
  choose_normalization(fw, a, opt, choice);
  check_allowed(fw, a, opt, choice);
  choice.params.v = a.method.v.value_or(fw.method.v.value_or(0.5));
  choice.params.lambda = a.method.lambda.value_or(fw.method.lambda.value_or(0.5));
  choice.params.preference = preferences(fw, a);
  return choice;
}

}  // namespace tradeoff::detail
