// The loader's shared messages, worded once (see messages.hpp). The exact words are part of the
// interface: tests compare them byte for byte.
#include "load/messages.hpp"

#include <fmt/format.h>

#include "support/printable.hpp"
#include "support/suggest.hpp"
#include "support/text.hpp"

namespace tradeoff::loader {

std::string quoted(std::string_view text) { return "'" + detail::shorten(text, kMaxQuoted) + "'"; }

std::string quoted_list(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t k = 0; k < ids.size() && k < kMaxListed; ++k) {
    if (!out.empty()) out += ", ";
    out += quoted(ids[k]);
  }
  if (ids.size() > kMaxListed) out += fmt::format(" and {} more", ids.size() - kMaxListed);
  return out;
}

Message unknown_key(std::string_view key, std::string_view what,
                    const std::vector<std::string>& known) {
  return {ErrorCode::UnknownKey, fmt::format("unknown key {} in {}", quoted(key), what),
          detail::did_you_mean(key, known)};
}

Message missing_key(std::string_view key, std::string_view what, std::string_view why) {
  return {ErrorCode::MissingKey, fmt::format("missing key {} in {}{}", quoted(key), what, why), {}};
}

Message unknown_choice(std::string_view kind, std::string_view name,
                       const std::vector<std::string>& known) {
  return unknown_choice(kind, name, "one of " + quoted_list(known), known);
}

Message unknown_choice(std::string_view kind, std::string_view name, std::string_view expected,
                       const std::vector<std::string>& known) {
  return {ErrorCode::InvalidValue,
          fmt::format("unknown {} {}; expected {}", kind, quoted(name), expected),
          detail::did_you_mean(name, known)};
}

Message not_one_of(std::string_view expected, std::string_view what, std::string_view written,
                   const std::vector<std::string>& known) {
  return {ErrorCode::InvalidValue,
          fmt::format("expected {} for {}, got {}", expected, what, quoted(written)),
          detail::did_you_mean(written, known)};
}

Message unknown_reference(std::string_view kind, std::string_view name, std::string_view context,
                          const std::vector<std::string>& known) {
  return {ErrorCode::UnknownReference, fmt::format("unknown {} {}{}", kind, quoted(name), context),
          detail::did_you_mean(name, known)};
}

Message not_in_scope(std::string_view id, std::string_view what,
                     const std::vector<std::string>& scope) {
  return {ErrorCode::UnknownReference,
          fmt::format("{} is not one of the elements {} weighs ({})", quoted(id), what,
                      quoted_list(scope)),
          detail::did_you_mean(id, scope)};
}

Message duplicate_id(std::string_view kind, std::string_view id, int first_line) {
  return {
      ErrorCode::DuplicateId,
      fmt::format("duplicate {} id {} (first defined on line {})", kind, quoted(id), first_line),
      {}};
}

Message wrong_type(std::string_view expected, std::string_view got) {
  return {ErrorCode::WrongType, fmt::format("expected {}, got {}", expected, got), {}};
}

namespace {

/// yaml::describe(), with a scalar's text cut as quoted() cuts it.
std::string described(const yaml::Node& node) {
  if (!node.is_scalar()) return yaml::describe(node);
  return node.style != yaml::Style::Plain ? "the string " + quoted(node.scalar)
                                          : quoted(node.scalar);
}

}  // namespace

Message wrong_type(std::string_view expected, const yaml::Node& got) {
  return wrong_type(expected, described(got));
}

Message wrong_type(std::string_view expected, std::string_view what, const yaml::Node& got) {
  return wrong_type(fmt::format("{} for {}", expected, what), described(got));
}

Message invalid_id(std::string_view id, std::string_view what) {
  return {ErrorCode::InvalidValue,
          fmt::format("invalid id {} for {}: ids are snake_case (a lower-case letter, then "
                      "lower-case letters, digits or '_', at most 64)",
                      quoted(id), what),
          {}};
}

Message negative_weight(std::string_view what, std::string_view written) {
  return {ErrorCode::InvalidWeights,
          fmt::format("weight of {} must be a non-negative number, got {}", what,
                      detail::shorten(written, kMaxQuoted)),
          {}};
}

Message unknown_builtin(std::string_view name, const std::vector<std::string>& ids) {
  return {ErrorCode::Io, "no such file, and no built-in framework or example with this id",
          detail::did_you_mean(name, ids)};
}

Message unknown_file_kind(const std::vector<std::string>& keys) {
  Message m{ErrorCode::WrongKind,
            "cannot tell what this file is: expected a top-level 'framework:', 'assessment:' or "
            "'criterion:' key",
            {}};
  for (const char* kind : {"framework", "assessment", "criterion"}) {
    const std::string near = detail::closest(kind, keys);
    if (!near.empty()) {
      m.hint = fmt::format("did you mean '{}' instead of {}?", kind, quoted(near));
      break;
    }
  }
  return m;
}

std::string outside_scale(double value, std::string_view option, std::string_view criterion,
                          double low, double high) {
  return fmt::format("score {} of '{}' on '{}' is outside the criterion's scale [{}, {}]",
                     detail::quantity(value), option, criterion, detail::quantity(low),
                     detail::quantity(high));
}

}  // namespace tradeoff::loader
