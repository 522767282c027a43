// Expressions in YAML: parse a scalar, map every byte of its value back to the YAML source (so
// errors point inside quoted and block scalars too), and check names and types.
#include "load/expression_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace tradeoff::loader {

/// Aligns the scalar's value with its source text: for each byte of the value, the byte of the
/// source it came from. Handles quotes, escapes, line folding and block indentation; where the
/// two cannot be aligned, later bytes point at the last aligned one.
std::vector<std::pair<int, int>> scalar_positions(const yaml::Document& merged,
                                                  const yaml::Node& node) {
  const yaml::Document& doc = merged.source_of(node);
  const std::string& value = node.scalar;
  const std::string& text = doc.text;
  std::vector<std::pair<int, int>> out(value.size() + 1);
  size_t s = doc.offset_of(node.line, node.column);
  const bool single = node.style == yaml::Style::SingleQuoted;
  const bool dbl = node.style == yaml::Style::DoubleQuoted;
  if (single || dbl) {
    ++s;  // the opening quote
  } else if (node.style == yaml::Style::Literal || node.style == yaml::Style::Folded) {
    while (s < text.size() && text[s] != '\n') ++s;  // the header line: '|', '>', indicators
    if (s < text.size()) ++s;
  }
  for (size_t k = 0; k < value.size(); ++k) {
    const char v = value[k];
    size_t scan = s;
    size_t guard = 0;
    while (scan < text.size() && guard++ < 4096) {
      const char c = text[scan];
      if (dbl && c == '\\' && scan + 1 < text.size() &&
          (text[scan + 1] == '\n' || text[scan + 1] == '\r')) {
        scan += 2;  // an escaped line break yields nothing; the next line's indentation follows
        continue;
      }
      if (dbl && c == '\\') break;  // an escape yields v
      if (single && c == '\'' && scan + 1 < text.size() && text[scan + 1] == '\'') break;
      if (c == v) break;
      if ((c == '\n' || c == '\r') && (v == ' ' || v == '\n')) break;  // a folded line break
      ++scan;  // indentation, or a character the value does not keep
    }
    if (scan >= text.size() || guard > 4096) scan = s;
    out[k] = doc.position_of(scan);
    size_t step = 1;
    if ((dbl && text[scan] == '\\') || (single && text[scan] == '\'' && v == '\'')) step = 2;
    if (text[scan] == '\r' && scan + 1 < text.size() && text[scan + 1] == '\n') step = 2;
    s = std::min(text.size(), scan + step);
  }
  out[value.size()] = doc.position_of(s);
  return out;
}

namespace {

/// After a plain scalar inside {...} or [...], is the next character a comma? Then YAML cut a
/// formula such as min(2, x) at its comma.
bool cut_at_comma(const yaml::Document& merged, const yaml::Node& node) {
  const yaml::Document& doc = merged.source_of(node);
  if (node.style != yaml::Style::Plain) return false;
  size_t end = doc.offset_of(node.line, node.column);
  end += node.scalar.size();
  while (end < doc.text.size() && (doc.text[end] == ' ' || doc.text[end] == '\t')) ++end;
  return end < doc.text.size() && doc.text[end] == ',';
}

}  // namespace

std::optional<Expression> read_expression(Context& ctx, const yaml::Node& node,
                                          std::string_view what, std::string_view expected) {
  if (!node.is_scalar()) {
    ctx.report(node, wrong_type(expected, what, node));
    return std::nullopt;
  }
  Expression e;
  e.text = node.scalar;
  e.where = ctx.at(node);
  e.positions = scalar_positions(ctx.doc(), node);
  try {
    e.tree = std::make_shared<expr::Tree>(expr::parse(node.scalar));
  } catch (const expr::ParseError& p) {
    const ErrorCode code = p.kind == expr::ParseError::Kind::Limit ? ErrorCode::ExprLimit
                           : p.kind == expr::ParseError::Kind::UnknownName
                               ? ErrorCode::UnknownReference
                               : ErrorCode::ExprSyntax;
    // "End of input" errors point just after the last character written, not at the
    // trailing newline of a block scalar (which is on the next line of the file).
    uint32_t begin = p.begin;
    const size_t last = e.text.find_last_not_of(" \t\r\n");
    if (last != std::string::npos && begin > last + 1) begin = static_cast<uint32_t>(last + 1);
    SourceLocation where = e.at(begin);
    if (begin > last && last != std::string::npos) {
      const auto after = e.at(last);
      where = {after.file, after.line, after.column + 1};
    }
    std::string hint = p.hint;
    if (hint.empty() && cut_at_comma(ctx.doc(), node)) {
      hint = "inside {...} or [...] a comma ends a plain value; quote the whole formula";
    }
    Diagnostic d = make_diagnostic(code, std::move(where),
                                   fmt::format("in {}: {}", what, p.message), std::move(hint));
    const auto end = e.at(std::max(p.end, begin));
    d.length = end.line == d.where.line ? std::max(1, end.column - d.where.column) : 1;
    ctx.sink().add(std::move(d));
    return std::nullopt;
  }
  return e;
}

bool check_expression(DiagnosticSink& sink, Expression& e, const expr::Symbols& symbols,
                      expr::Type expected, std::string_view what) {
  const auto errors = expr::check(*e.tree, symbols, expected);
  for (const auto& err : errors) {
    Diagnostic d = make_diagnostic(err.code, e.at(err.begin),
                                   fmt::format("in {}: {}", what, err.message), err.hint);
    const auto end = e.at(err.end);
    d.length = end.line == d.where.line ? std::max(1, end.column - d.where.column) : 1;
    sink.add(std::move(d));
  }
  return errors.empty();
}

}  // namespace tradeoff::loader
