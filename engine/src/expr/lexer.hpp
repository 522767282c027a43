// The expression language's lexer: splits formula text into tokens for the parser (parser.cpp).
// Like the parser, it reports every failure as a ParseError with a byte range (expr/ast.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "expr/ast.hpp"

namespace tradeoff::expr {

enum class Tok {
  End,
  Number,
  String,
  Ident,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
};

struct Token {
  Tok kind = Tok::End;
  uint32_t begin = 0;  ///< byte range in the source text
  uint32_t end = 0;
  double number = 0;  ///< Number: the value
  std::string text;   ///< Ident: the word; String: the literal's value, unescaped
};

/// Throws a ParseError for bytes [begin, end) of the text (at least one byte wide). Unlike
/// tradeoff::fail, it knows no file: the caller places the range (expression_loader.cpp).
[[noreturn]] void fail(uint32_t begin, uint32_t end, std::string message,
                       ParseError::Kind kind = ParseError::Kind::Syntax);

/// A token as messages quote it: "'foo'", or "end of input".
std::string describe(const Token& t, std::string_view src);

class Lexer {
 public:
  /// `src` must outlive the lexer.
  explicit Lexer(std::string_view src) : src_(src) {}
  /// The next token (Tok::End at the end of the text, again and again); throws ParseError.
  Token next();

 private:
  void lex_number(Token& t);
  void take_digits(std::string& digits);
  void lex_string(Token& t);
  void lex_name(Token& t);
  void lex_operator(Token& t);
  [[noreturn]] void unexpected_character(const Token& t) const;
  bool next_is(char c) const { return pos_ + 1 < src_.size() && src_[pos_ + 1] == c; }
  /// Makes `t` a `kind` token `length` bytes long.
  void take(Token& t, Tok kind, size_t length) {
    t.kind = kind;
    pos_ += length;
  }

  std::string_view src_;
  size_t pos_ = 0;  ///< the first byte not yet read
};

}  // namespace tradeoff::expr
