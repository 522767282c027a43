// Reasons that name an id the framework does not have: a `because` text mentioning an option or
// criterion that was renamed or removed. A heuristic: any snake_case word (one with '_') in a
// reason is taken for an id, and checked against every id, level and choice of the framework
// (and of the assessment). Words that are parts of paths, addresses or file names are skipped.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "lint/checks.hpp"

namespace tradeoff::linter {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// A snake_case id as ids are written: a lower-case letter, then lower-case letters, digits or
/// '_', with at least one '_'.
bool looks_like_id(std::string_view w) {
  if (w.empty() || w.size() > 64 || std::islower(static_cast<unsigned char>(w[0])) == 0) {
    return false;
  }
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c)) == 0 &&
        std::isdigit(static_cast<unsigned char>(c)) == 0 && c != '_') {
      return false;
    }
  }
  return w.find('_') != std::string_view::npos && w.back() != '_';
}

/// The snake_case words of a text, once each, in order; not those inside a path, an address
/// or a file name ("docs/setup_guide.md", "ops_team@example.com").
std::vector<std::string> id_like_words(const std::string& text) {
  std::vector<std::string> words;
  for (size_t i = 0; i < text.size();) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && word_char(text[end])) ++end;
    const char before = i > 0 ? text[i - 1] : ' ';
    const char after = end < text.size() ? text[end] : ' ';
    const bool dotted = after == '.' && end + 1 < text.size() && word_char(text[end + 1]);
    const bool in_path = std::string_view("./@-").find(before) != std::string_view::npos ||
                         std::string_view("/@-").find(after) != std::string_view::npos || dotted;
    const std::string w = text.substr(i, end - i);
    if (!in_path && looks_like_id(w) && std::find(words.begin(), words.end(), w) == words.end()) {
      words.push_back(w);
    }
    i = end;
  }
  return words;
}

void add_weighting_ids(const WeightingSpec& spec, std::set<std::string>& ids) {
  for (const auto& g : spec.groups) {
    ids.insert(g.id);
    if (g.local) add_weighting_ids(*g.local, ids);
  }
  if (spec.top) add_weighting_ids(*spec.top, ids);
  for (const auto& s : spec.stakeholders) {
    ids.insert(s.id);
    if (s.weighting) add_weighting_ids(*s.weighting, ids);
  }
}

/// Every id a reason may name: the framework's (and the assessment's) ids, levels and choices.
std::set<std::string> known_ids(const Framework& fw, const Assessment* assessment) {
  std::set<std::string> ids{fw.id};
  for (const auto& o : fw.options) ids.insert(o.id);
  for (const auto& c : fw.criteria) {
    ids.insert(c.id);
    if (!c.catalog.empty()) ids.insert(c.catalog);
  }
  for (const auto& in : fw.inputs) {
    ids.insert(in.name);
    ids.insert(in.values.begin(), in.values.end());
  }
  for (const auto& d : fw.derived) ids.insert(d.name);
  for (const auto& r : fw.rules) ids.insert(r.id);
  for (const auto& s : fw.sources) ids.insert(s.id);
  if (fw.weighting) add_weighting_ids(*fw.weighting, ids);
  if (assessment != nullptr) {
    ids.insert(assessment->id);
    for (const auto& s : assessment->sources) ids.insert(s.id);
    if (assessment->weighting) add_weighting_ids(*assessment->weighting, ids);
  }
  return ids;
}

/// "an option", "an input", "a criterion": the kind of a removed id with its article.
std::string with_article(const std::string& kind) {
  const bool vowel =
      !kind.empty() && std::string_view("aeiou").find(kind[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + kind;
}

class ReasonCheck {
 public:
  explicit ReasonCheck(Context& ctx) : ctx_(ctx), known_(known_ids(ctx.fw, ctx.assessment)) {
    for (const auto& r : ctx.options.removed) removed_.emplace(r.id, r.kind);
  }

  /// Checks one reason; `from` is where to look for its words (the reason itself, or a place
  /// before it in the same mapping).
  void check(const std::string& reason, const SourceLocation& from, const std::string& what) {
    for (const auto& word : id_like_words(reason)) {
      if (known_.count(word) > 0) continue;
      const auto [where, length] = ctx_.texts.find_word(from, word);
      const auto removed = removed_.find(word);
      if (removed != removed_.end()) {
        ctx_.warn(ErrorCode::UnknownIdInReason, where,
                  fmt::format("{} names '{}', {} that this framework removes", what, word,
                              with_article(removed->second)),
                  "update the reason: what it refers to is no longer there", length);
        continue;
      }
      ctx_.warn(ErrorCode::UnknownIdInReason, where,
                fmt::format("{} names '{}', which is not an id of this framework", what, word),
                "a snake_case word in a reason is taken for the id of an option, criterion, "
                "input, derived value, rule or source: fix the reference, or reword it if it is "
                "not one",
                length);
    }
  }

 private:
  Context& ctx_;
  std::set<std::string> known_;
  std::map<std::string, std::string> removed_;
};

SourceLocation or_else(const SourceLocation& where, const SourceLocation& fallback) {
  return where.line > 0 ? where : fallback;
}

/// Where to look for the words of a score's reason: from its criterion key, which comes before
/// the value and the reason, unless an overlay (`extends:`) wrote the score over a base's.
const SourceLocation& reason_start(const Score& s) {
  return s.where.file == s.key_where.file ? s.key_where : s.where;
}

void framework_reasons(ReasonCheck& check, const Framework& fw) {
  for (const auto& option : fw.options) {
    for (const auto& s : option.scores) {
      if (s.because.empty()) continue;
      check.check(s.because, reason_start(s),
                  fmt::format("the reason for the score of '{}' on '{}'", option.id, s.criterion));
    }
  }
  for (const auto& c : fw.criteria) {
    if (!c.limit || c.limit->because.empty()) continue;
    check.check(c.limit->because, or_else(c.limit->because_where, c.limit->where),
                fmt::format("the reason of the limit on '{}'", c.id));
  }
  for (const auto& r : fw.rules) {
    if (r.because.empty()) continue;
    check.check(r.because, or_else(r.because_where, r.where),
                fmt::format("the reason of rule '{}'", r.id));
  }
}

void assessment_reasons(ReasonCheck& check, const Assessment& a) {
  for (const auto& in : a.inputs) {
    if (in.because.empty()) continue;
    check.check(in.because, or_else(in.because_where, in.where),
                fmt::format("the reason for the answer to '{}'", in.name));
  }
  for (const auto& w : a.weights) {
    if (w.because.empty()) continue;
    check.check(w.because, or_else(w.because_where, w.where),
                fmt::format("the reason for the weight of '{}'", w.criterion));
  }
  for (const auto& o : a.scores) {
    if (o.score.because.empty()) continue;
    check.check(
        o.score.because, reason_start(o.score),
        fmt::format("the reason for the score of '{}' on '{}'", o.option, o.score.criterion));
  }
}

}  // namespace

void check_reasons(Context& ctx) {
  ReasonCheck check(ctx);
  if (ctx.assessment == nullptr) {
    framework_reasons(check, ctx.fw);
  } else {
    assessment_reasons(check, *ctx.assessment);
  }
}

}  // namespace tradeoff::linter
