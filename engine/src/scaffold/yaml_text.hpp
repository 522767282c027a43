// YAML text for the scaffolds `tradeoff init` writes: scalars that read back as the same value,
// and comments wrapped to a width, so that a line a user uncomments is valid YAML as it stands.
#pragma once

#include <string>
#include <string_view>

namespace tradeoff::scaffold {

/// A text as a YAML scalar that reads back as the same text: plain where that is safe (in flow
/// collections too), else double-quoted, with control and invisible format characters escaped
/// ("\x1b", "\u202e") so that none reaches a terminal raw. "1.0", "true" and "" are quoted.
std::string yaml_text(std::string_view text);

/// A number as YAML writes it and the loader reads it back: "100000", "0.25", "1e+12".
std::string yaml_number(double value);

/// A formula as a YAML scalar: a number stays plain ("1.5"), other text as yaml_text().
std::string yaml_formula(std::string_view text);

/// Text for a comment: every run of white space or control characters becomes one space, and
/// other characters that must not reach a terminal raw are shown as escapes (printable()).
std::string one_line(std::string_view text);

/// `text` as comment lines of at most `width` columns, each starting with `prefix` (such as
/// "# " or "#   # "); a word longer than a line stays whole.
std::string comment(std::string_view text, std::string_view prefix, size_t width = 100);

}  // namespace tradeoff::scaffold
