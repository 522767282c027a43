// Scaffolds of a client folder (`tradeoff init`): a framework that extends a base framework,
// with commented places to change its weights, add a criterion, score it, change a default,
// remove an option and replace a rule; and an assessment that answers it, listing every input of
// the base with its default, type, unit, allowed values and source, ready to be uncommented.
#pragma once

#include <string>
#include <string_view>

#include "tradeoff/model.hpp"

namespace tradeoff {

struct ScaffoldOptions {
  std::string id;  ///< the id of the new framework and of its assessment
  /// What the framework extends: the base's built-in id, or the path of its file relative to
  /// the folder the scaffold is written to.
  std::string extends;
  std::string date;  ///< the assessment's date, YYYY-MM-DD; "" leaves a commented placeholder
};

/// The files of a scaffold, as text.
struct Scaffold {
  std::string framework;   ///< framework.yaml: extends the base
  std::string assessment;  ///< assessment.yaml: answers framework.yaml
};

/// The scaffold tailoring `base`. The same base and options give the same bytes. Text from the
/// base is written so that it reads back as the same text, and with no character that must not
/// reach a terminal raw (control, bidirectional and invisible ones are escaped): the files may
/// be printed as they are.
Scaffold make_scaffold(const Framework& base, const ScaffoldOptions& options);

/// A snake_case id made of a folder's name: "Acme Corp." -> "acme_corp"; a name that does not
/// start with a letter gets "client_" in front ("2026 Q1" -> "client_2026_q1").
std::string id_from_name(std::string_view name);

}  // namespace tradeoff
