// The expression language's lexer (see lexer.hpp): numbers with '_' separators, quoted
// strings, names, and operators, with a hint for the operators of other languages.
#include "expr/lexer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace tradeoff::expr {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

void fail(uint32_t begin, uint32_t end, std::string message, ParseError::Kind kind) {
  throw ParseError{begin, std::max(end, begin + 1), std::move(message), {}, kind};
}

std::string describe(const Token& t, std::string_view src) {
  if (t.kind == Tok::End) return "end of input";
  return fmt::format("'{}'", src.substr(t.begin, t.end - t.begin));
}

Token Lexer::next() {
  while (pos_ < src_.size() && std::isspace(static_cast<unsigned char>(src_[pos_]))) ++pos_;
  Token t;
  t.begin = static_cast<uint32_t>(pos_);
  if (pos_ >= src_.size()) {
    t.end = t.begin;
    return t;
  }
  const char c = src_[pos_];
  if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
    lex_number(t);
  } else if (is_name_start(c)) {
    lex_name(t);
  } else if (c == '"' || c == '\'') {
    lex_string(t);
  } else {
    lex_operator(t);
  }
  t.end = static_cast<uint32_t>(pos_);
  return t;
}

void Lexer::take_digits(std::string& digits) {
  while (pos_ < src_.size() && (is_digit(src_[pos_]) || src_[pos_] == '_')) {
    if (src_[pos_] == '_') {
      const bool between = !digits.empty() && is_digit(digits.back()) && pos_ + 1 < src_.size() &&
                           is_digit(src_[pos_ + 1]);
      if (!between) {
        fail(static_cast<uint32_t>(pos_), static_cast<uint32_t>(pos_ + 1),
             "'_' may only separate digits");
      }
    } else {
      digits += src_[pos_];
    }
    ++pos_;
  }
}

void Lexer::lex_number(Token& t) {
  std::string digits;
  take_digits(digits);
  if (pos_ < src_.size() && src_[pos_] == '.') {
    digits += '.';
    ++pos_;
    take_digits(digits);
  }
  if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
    size_t j = pos_ + 1;
    if (j < src_.size() && (src_[j] == '+' || src_[j] == '-')) ++j;
    if (j < src_.size() && is_digit(src_[j])) {
      digits += src_.substr(pos_, j - pos_);
      pos_ = j;
      take_digits(digits);
    }
  }
  if (pos_ < src_.size() && is_name_start(src_[pos_])) {
    size_t j = pos_;
    while (j < src_.size() && is_name_char(src_[j])) ++j;
    fail(t.begin, static_cast<uint32_t>(j),
         fmt::format("invalid number '{}'", src_.substr(t.begin, j - t.begin)));
  }
  const double value = std::strtod(digits.c_str(), nullptr);
  if (!std::isfinite(value)) {
    fail(t.begin, static_cast<uint32_t>(pos_), "number is too large", ParseError::Kind::Limit);
  }
  t.kind = Tok::Number;
  t.number = value;
}

void Lexer::lex_string(Token& t) {
  const char quote = src_[pos_++];
  std::string value;
  while (true) {
    if (pos_ >= src_.size()) fail(t.begin, static_cast<uint32_t>(pos_), "unterminated string");
    const char c = src_[pos_];
    if (c == quote) {
      ++pos_;
      break;
    }
    if (c == '\\' && pos_ + 1 < src_.size() &&
        (src_[pos_ + 1] == quote || src_[pos_ + 1] == '\\')) {
      value += src_[pos_ + 1];
      pos_ += 2;
      continue;
    }
    value += c;
    ++pos_;
  }
  t.kind = Tok::String;
  t.text = std::move(value);
}

void Lexer::lex_name(Token& t) {
  while (pos_ < src_.size() && is_name_char(src_[pos_])) ++pos_;
  t.kind = Tok::Ident;
  t.text = std::string(src_.substr(t.begin, pos_ - t.begin));
}

void Lexer::lex_operator(Token& t) {
  switch (src_[pos_]) {
    case '+':
      take(t, Tok::Plus, 1);
      break;
    case '-':
      take(t, Tok::Minus, 1);
      break;
    case '*':
      if (next_is('*')) fail(t.begin, t.begin + 2, "unexpected '**'; write powers with '^'");
      take(t, Tok::Star, 1);
      break;
    case '/':
      take(t, Tok::Slash, 1);
      break;
    case '^':
      take(t, Tok::Caret, 1);
      break;
    case '(':
      take(t, Tok::LParen, 1);
      break;
    case ')':
      take(t, Tok::RParen, 1);
      break;
    case '[':
      take(t, Tok::LBracket, 1);
      break;
    case ']':
      take(t, Tok::RBracket, 1);
      break;
    case ',':
      take(t, Tok::Comma, 1);
      break;
    case '=':
      if (!next_is('=')) fail(t.begin, t.begin + 1, "unexpected '='; compare with '=='");
      take(t, Tok::Eq, 2);
      break;
    case '!':
      if (!next_is('=')) fail(t.begin, t.begin + 1, "unexpected '!'; negate with 'not'");
      take(t, Tok::Ne, 2);
      break;
    case '<':
      take(t, next_is('=') ? Tok::Le : Tok::Lt, next_is('=') ? 2 : 1);
      break;
    case '>':
      take(t, next_is('=') ? Tok::Ge : Tok::Gt, next_is('=') ? 2 : 1);
      break;
    case '&':
      fail(t.begin, next_is('&') ? t.begin + 2 : t.begin + 1,
           next_is('&') ? "unexpected '&&'; use 'and'" : "unexpected '&'; use 'and'");
    case '|':
      fail(t.begin, next_is('|') ? t.begin + 2 : t.begin + 1,
           next_is('|') ? "unexpected '||'; use 'or'" : "unexpected '|'; use 'or'");
    default:
      unexpected_character(t);
  }
}

void Lexer::unexpected_character(const Token& t) const {
  // One UTF-8 character, for the message and the caret.
  size_t n = 1;
  while (pos_ + n < src_.size() && (static_cast<unsigned char>(src_[pos_ + n]) & 0xC0) == 0x80) {
    ++n;
  }
  fail(t.begin, static_cast<uint32_t>(pos_ + n),
       fmt::format("unexpected character '{}'", src_.substr(pos_, n)));
}

}  // namespace tradeoff::expr
