// The comparison as text for people: 100 columns, a heading per part, each change on a line
// ("+" added, "-" removed, "~" changed), a long old and new value on lines of their own.
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "report/diff_renderers.hpp"
#include "report/renderers.hpp"
#include "report/text_summary.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"
#include "tradeoff/version.hpp"

namespace tradeoff::detail {

namespace {

constexpr size_t kIndent = 4;  ///< a change line
constexpr size_t kIdWidth = 24;
constexpr size_t kNameWidth = 24;
constexpr size_t kOriginWidth = 40;
constexpr size_t kRankRows = 50;  ///< past this many options, only those whose place changed

/// one_line(text), cut to `width` display columns with "...".
std::string fit(std::string_view text, size_t width) {
  std::string s = one_line(text);
  if (display_width(s) <= width) return s;
  return shorten(s, width - 3);
}

std::string heading(DiffSection section) {
  switch (section) {
    case DiffSection::Derived:
      return "Derived values";
    case DiffSection::Weights:
      return "Weights (as the evaluation used them)";
    default:
      break;
  }
  std::string name(to_string(section));
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

std::string shown(const DiffValue& v) { return v.present() ? one_line(v.text) : "not set"; }

std::string side_text(const DiffSide& s) {
  std::string framework = "framework " + one_line(s.framework);
  if (!s.framework_version.empty()) framework += " " + one_line(s.framework_version);
  if (s.kind == FileKind::Assessment) {
    return fmt::format("{} (assessment {} of {})", one_line(s.file), one_line(s.assessment),
                       framework);
  }
  return fmt::format("{} ({})", one_line(s.file), framework);
}

void header(const DecisionDiff& d, const Style& st, std::ostream& out) {
  out << st.bold(d.before.kind == FileKind::Assessment ? "Comparing two assessments"
                                                       : "Comparing two frameworks")
      << '\n';
  wrap("old: " + side_text(d.before), 2, 7, out);
  wrap("new: " + side_text(d.after), 2, 7, out);
  const auto method = [](const DiffSide& s) {
    return fmt::format("{}, normalization {}", s.method, s.normalization);
  };
  if (method(d.before) == method(d.after)) {
    wrap("method " + method(d.after) + " on both sides", 2, 4, out);
  } else {
    wrap(fmt::format("method {} (old), {} (new)", method(d.before), method(d.after)), 2, 4, out);
  }
  for (const auto& note : d.notes) {
    out << '\n';
    wrap(note, 0, 2, out);
  }
}

/// "~ id: field old -> new" on one line when it fits, else the old and new values on lines of
/// their own.
void change_line(const Change& c, std::ostream& out) {
  const char* mark = c.kind == Change::Kind::Added     ? "+ "
                     : c.kind == Change::Kind::Removed ? "- "
                                                       : "~ ";
  std::string head = mark + one_line(c.id);
  if (c.field.empty()) {
    wrap(head + ": " + shown(c.kind == Change::Kind::Added ? c.after : c.before), kIndent,
         kIndent + 4, out);
    return;
  }
  head += c.id.empty() ? one_line(c.field) + ":" : ": " + one_line(c.field);
  const std::string line = head + " " + shown(c.before) + " -> " + shown(c.after);
  if (kIndent + display_width(line) <= kTerminalWidth) {
    out << std::string(kIndent, ' ') << line << '\n';
    return;
  }
  out << std::string(kIndent, ' ') << head << '\n';
  wrap("old: " + shown(c.before), kIndent + 4, kIndent + 9, out);
  wrap("new: " + shown(c.after), kIndent + 4, kIndent + 9, out);
}

/// "20 -> 35", or `same` when it did not change.
std::string before_after(const Change* c, const std::string& same) {
  if (c == nullptr) return same;
  return shown(c->before) + " -> " + shown(c->after);
}

/// The weights as a table: each criterion whose weight, share or origin changed.
void weights_table(const std::vector<const Change*>& changes, const Style& st, std::ostream& out) {
  std::vector<std::string> ids;
  std::map<std::string, std::map<std::string, const Change*>> by_id;
  bool origins = false;
  for (const Change* c : changes) {
    if (by_id.count(c->id) == 0) ids.push_back(c->id);
    by_id[c->id][c->field] = c;
    origins = origins || c->field == "origin";
  }
  TextTable t({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
               TextTable::Align::Left});
  t.add({"criterion", "weight", "share", origins ? "origin" : ""});
  for (const auto& id : ids) {
    const auto& fields = by_id[id];
    const auto get = [&](const char* f) {
      const auto found = fields.find(f);
      return found == fields.end() ? nullptr : found->second;
    };
    t.add({fit(id, kIdWidth), before_after(get("weight"), "same"),
           before_after(get("share"), "same"), fit(before_after(get("origin"), ""), kOriginWidth)});
  }
  const auto lines = t.lines(kIndent);
  out << st.dim(lines[0]) << '\n';
  for (size_t k = 1; k < lines.size(); ++k) out << lines[k] << '\n';
  for (const Change* c : changes) {
    if (c->field == "because") change_line(*c, out);
  }
}

void changes_text(const DecisionDiff& d, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Changes to the definition") << " (+ added, - removed, ~ changed)\n";
  if (d.changes.empty()) {
    out << "  none\n";
    return;
  }
  for (DiffSection section : diff_sections()) {
    std::vector<const Change*> changes;
    for (const auto& c : d.changes) {
      if (c.section == section) changes.push_back(&c);
    }
    if (changes.empty()) continue;
    out << "  " << st.bold(heading(section)) << '\n';
    if (section == DiffSection::Weights) {
      weights_table(changes, st, out);
      continue;
    }
    for (const Change* c : changes) change_line(*c, out);
  }
}

/// "a -> b", or "a" when both are the same.
std::string pair_text(const std::string& before, const std::string& after) {
  return before == after ? before : before + " -> " + after;
}

std::string winner_text(const std::string& id) {
  return id.empty() ? "none (no option is eligible)" : one_line(id);
}

std::string margin_text(const std::optional<double>& margin, bool tie) {
  if (!margin) return "-";
  return tie ? fixed(*margin, 4) + " (tie)" : fixed(*margin, 4);
}

/// The option's scores, "0.7110 -> 0.7340"; to 12 digits when four decimals read the same.
std::string scores_text(const OptionChange& o) {
  const auto show = [](const OptionSide& s) { return s.score ? fixed(*s.score, 4) : "-"; };
  std::string b = show(o.before);
  std::string a = show(o.after);
  if (b == a && o.before.score != o.after.score) {
    b = plain_number(*o.before.score);
    a = plain_number(*o.after.score);
  }
  return pair_text(b, a);
}

std::string status_text(const OptionChange& o) {
  if (!o.before.present) return "added";
  if (!o.after.present) return "removed";
  if (o.before.excluded_by != o.after.excluded_by) {
    return o.after.excluded_by.empty() ? "eligible" : "excluded";
  }
  if (!o.after.excluded_by.empty()) return "still excluded";
  const auto moved = rank_change(o);
  if (moved && *moved > 0) return fmt::format("up {}", *moved);
  if (moved && *moved < 0) return fmt::format("down {}", -*moved);
  return "";
}

void ranks_table(const ResultDiff& r, const Style& st, std::ostream& out) {
  out << "\n  " << st.bold("Ranks") << '\n';
  TextTable t({TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Right,
               TextTable::Align::Right, TextTable::Align::Left});
  t.add({"option", "name", "rank", "score", "change"});
  const auto rank = [](const OptionSide& s) {
    return s.rank ? std::to_string(*s.rank) : std::string("-");
  };
  // A long list shows at most kRankRows options whose place changed; JSON lists them all.
  const bool all = r.options.size() <= kRankRows;
  size_t shown_rows = 0;
  for (const auto& o : r.options) {
    const bool moved = o.before.rank != o.after.rank ||
                       o.before.excluded_by != o.after.excluded_by ||
                       o.before.present != o.after.present;
    if (!all && (!moved || shown_rows == kRankRows)) continue;
    t.add({fit(o.option, kIdWidth), fit(o.name, kNameWidth),
           pair_text(rank(o.before), rank(o.after)), scores_text(o), status_text(o)});
    ++shown_rows;
  }
  const auto lines = t.lines(kIndent);
  out << st.dim(lines[0]) << '\n';
  for (size_t k = 1; k < lines.size(); ++k) out << lines[k] << '\n';
  if (shown_rows < r.options.size()) {
    wrap(fmt::format("and {} more options (--format json lists every option)",
                     r.options.size() - shown_rows),
         kIndent, kIndent + 2, out);
  }
}

void exclusions_text(const ResultDiff& r, const Style& st, std::ostream& out) {
  const auto excluded = r.became_excluded();
  if (!excluded.empty()) out << "\n  " << st.bold("Became excluded") << '\n';
  for (const auto& o : excluded) {
    std::string line = one_line(o.option) + ": by " + exclusion_text(o.after.excluded_by);
    if (!o.before.excluded_by.empty())
      line += " (was " + exclusion_text(o.before.excluded_by) + ")";
    wrap(line, kIndent, kIndent + 2, out);
  }
  const auto eligible = r.became_eligible();
  if (!eligible.empty()) out << "\n  " << st.bold("Became eligible") << '\n';
  for (const auto& o : eligible) {
    wrap(one_line(o.option) + ": was excluded by " + exclusion_text(o.before.excluded_by), kIndent,
         kIndent + 2, out);
  }
}

void rules_text(const ResultDiff& r, const Style& st, std::ostream& out) {
  if (r.rules.empty()) return;
  out << "\n  " << st.bold("Rules") << '\n';
  for (const auto& f : r.rules) {
    std::string what = f.after.value_or(false) ? "now fires" : "no longer fires";
    if (!f.before) what += " (a new rule)";
    if (!f.after) what += " (removed)";
    wrap(one_line(f.rule) + ": " + what, kIndent, kIndent + 2, out);
  }
}

void result_text(const ResultDiff& r, const Style& st, std::ostream& out) {
  out << '\n' << st.bold("Changes to the result") << '\n';
  if (!r.changed()) {
    wrap(r.winner_after.empty()
             ? "none: no option is eligible on either side"
             : fmt::format("none: {} ranks first on both sides, and every option keeps its rank "
                           "and score",
                           one_line(r.winner_after)),
         2, 4, out);
    return;
  }
  wrap(r.winner_changed()
           ? fmt::format("The winner changes from {} to {}.", winner_text(r.winner_before),
                         winner_text(r.winner_after))
           : fmt::format("The winner is unchanged: {}.", winner_text(r.winner_after)),
       2, 4, out);
  TextTable t({TextTable::Align::Left, TextTable::Align::Left});
  t.add({"winner", pair_text(winner_text(r.winner_before), winner_text(r.winner_after))});
  t.add({"runner-up", pair_text(r.runner_up_before.empty() ? "-" : one_line(r.runner_up_before),
                                r.runner_up_after.empty() ? "-" : one_line(r.runner_up_after))});
  t.add({"margin", pair_text(margin_text(r.margin_before, r.tie_before),
                             margin_text(r.margin_after, r.tie_after))});
  for (const auto& l : t.lines(2)) out << l << '\n';
  ranks_table(r, st, out);
  exclusions_text(r, st, out);
  rules_text(r, st, out);
}

void footer(const DecisionDiff& d, std::ostream& out) {
  out << '\n' << "tradeoff " << kVersion << '\n';
  const auto digests = [](const char* label, const DiffSide& s) {
    std::string line =
        fmt::format("  {}: framework sha256 {}", label, s.framework_sha256.substr(0, 16));
    if (!s.assessment_sha256.empty()) {
      line += ", assessment sha256 " + s.assessment_sha256.substr(0, 16);
    }
    return line + "\n";
  };
  out << digests("old", d.before) << digests("new", d.after);
}

}  // namespace

void render_diff_text(const DecisionDiff& d, bool color, std::ostream& out) {
  const Style st{color};
  header(d, st, out);
  if (d.same()) {
    out << "\nno differences\n";
  } else {
    changes_text(d, st, out);
    result_text(d.result, st, out);
  }
  footer(d, out);
}

}  // namespace tradeoff::detail
