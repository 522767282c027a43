// CSV for spreadsheets (RFC 4180 quoting): one row per option, best first, with the raw score
// and the contribution on every criterion. Text cells cannot open as formulas (csv_text);
// numbers are written as plain numbers, never prefixed.
#include <ostream>

#include "report/renderers.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

/// A text cell: escaped, formulas neutralised, quoted when needed (see detail::csv_text).
std::string field(const std::string& s) { return csv_text(s); }

// Plain digits (no grouping) so that spreadsheets read them as numbers.
std::string number(double v) { return plain_number(v); }

}  // namespace

void render_csv(const Result& r, std::ostream& out) {
  out << "rank,option,name,score,vetoed_by";
  for (const auto& c : r.criteria) out << ',' << field(c.id);
  for (const auto& c : r.criteria) out << ',' << field(c.id + ".contribution");
  out << "\r\n";
  for (const OptionResult* o : options_by_rank(r)) {
    std::string vetoed_by;
    for (const auto& v : r.vetoed) {
      if (v.option == o->id) vetoed_by = v.rule.empty() ? "limit:" + v.limit : v.rule;
    }
    out << (o->rank > 0 ? std::to_string(o->rank) : std::string()) << ',' << field(o->id) << ','
        << field(o->name) << ',' << (o->eligible ? number(o->score) : std::string()) << ','
        << field(vetoed_by);
    for (double v : o->raw) out << ',' << number(v);
    for (double v : o->contribution) out << ',' << (o->eligible ? number(v) : std::string());
    out << "\r\n";
  }
}

void render_weights_csv(const Result& r, std::ostream& out) {
  out << "criterion,name,direction,weight,share,origin\r\n";
  for (const auto& c : r.criteria) {
    out << field(c.id) << ',' << field(c.name) << ',' << to_string(c.direction) << ','
        << number(c.weight) << ',' << number(c.normalized_weight) << ',' << field(c.weight_origin)
        << "\r\n";
  }
}

}  // namespace tradeoff::detail
