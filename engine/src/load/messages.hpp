// The loader's message builders: each message that several sections report is worded here once,
// with its error code and its did-you-mean hint. Builders only word a problem; Context reports it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::loader {

/// A worded problem, not yet located: Context::report() places it at a node or a location.
struct Message {
  ErrorCode code = ErrorCode::InvalidValue;
  std::string text;
  std::string hint;
};

/// Values quoted in a message are cut to this many characters, followed by "..." (an 8 MiB
/// scalar must not give an 8 MiB message).
inline constexpr size_t kMaxQuoted = 80;
/// Lists in a message name at most this many items, then "and N more".
inline constexpr size_t kMaxListed = 12;

/// "'TEXT'", TEXT cut to kMaxQuoted characters: how messages quote what a file says.
std::string quoted(std::string_view text);
/// "'a', 'b', 'c'": ids as messages quote them; past kMaxListed, "..., 'l' and 3 more".
std::string quoted_list(const std::vector<std::string>& ids);

/// "unknown key 'KEY' in WHAT" [unknown-key], with the closest of `known` as a hint.
Message unknown_key(std::string_view key, std::string_view what,
                    const std::vector<std::string>& known);
/// "missing key 'KEY' in WHAT" [missing-key]; `why` is appended as given (", or ...", ": ...").
Message missing_key(std::string_view key, std::string_view what, std::string_view why = {});

/// "unknown KIND 'NAME'; expected one of 'a', 'b'" [invalid-value], with a did-you-mean.
Message unknown_choice(std::string_view kind, std::string_view name,
                       const std::vector<std::string>& known);
/// "unknown KIND 'NAME'; expected EXPECTED" [invalid-value], for choices that need explaining.
Message unknown_choice(std::string_view kind, std::string_view name, std::string_view expected,
                       const std::vector<std::string>& known);
/// "expected EXPECTED for WHAT, got 'WRITTEN'" [invalid-value], with a did-you-mean.
Message not_one_of(std::string_view expected, std::string_view what, std::string_view written,
                   const std::vector<std::string>& known);

/// "unknown KIND 'NAME'CONTEXT" [unknown-reference], with the closest of `known` as a hint.
/// `context` says where, as it reads after the name: " in the veto of rule 'x'",
/// "; framework 'f' has no such input".
Message unknown_reference(std::string_view kind, std::string_view name, std::string_view context,
                          const std::vector<std::string>& known);

/// "'ID' is not one of the elements WHAT weighs ('a', 'b')" [unknown-reference], with a
/// did-you-mean among `scope`.
Message not_in_scope(std::string_view id, std::string_view what,
                     const std::vector<std::string>& scope);

/// "duplicate KIND id 'ID' (first defined on line N)" [duplicate-id].
Message duplicate_id(std::string_view kind, std::string_view id, int first_line);

/// "expected EXPECTED, got GOT" [wrong-type]; `got` as it should read ("an empty list").
Message wrong_type(std::string_view expected, std::string_view got);
/// "expected EXPECTED, got <what the node is>" [wrong-type].
Message wrong_type(std::string_view expected, const yaml::Node& got);
/// "expected EXPECTED for WHAT, got <what the node is>" [wrong-type].
Message wrong_type(std::string_view expected, std::string_view what, const yaml::Node& got);

/// "score V of 'OPTION' on 'CRITERION' is outside the criterion's scale [LOW, HIGH]", for a
/// score written in YAML or in a table.
std::string outside_scale(double value, std::string_view option, std::string_view criterion,
                          double low, double high);

/// "invalid id 'ID' for WHAT: ids are snake_case (...)" [invalid-value].
Message invalid_id(std::string_view id, std::string_view what);
/// "weight of WHAT must be a non-negative number, got WRITTEN" [invalid-weights].
Message negative_weight(std::string_view what, std::string_view written);

/// "no such file, and no built-in framework or example with this id" [io], with a did-you-mean
/// among the built-in ids.
Message unknown_builtin(std::string_view name, const std::vector<std::string>& ids);
/// "cannot tell what this file is: ..." [wrong-kind]; the hint names the kind key closest to
/// one of the file's top-level `keys`.
Message unknown_file_kind(const std::vector<std::string>& keys);

}  // namespace tradeoff::loader
