// Rendering `tradeoff sensitivity`: weight stability, input break-even points, Monte-Carlo
// acceptability and the sweeps. Text for people (the sweeps are data: JSON and CSV only), JSON
// for programs and reports, CSV the sweeps one row per probe and option, for charts.
#include <ostream>

#include <fmt/format.h>

#include "report/json_writer.hpp"
#include "report/renderers.hpp"
#include "report/robustness_report.hpp"
#include "report/sensitivity_renderers.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

std::string share_range(double low, double high) { return fixed(low, 3) + " - " + fixed(high, 3); }

std::string weight_range(const WeightStability& w) {
  return rounded(w.weight_low) + " - " + (w.weight_high ? rounded(*w.weight_high) : "any");
}

void stability_text(const Sensitivity& s, const Style& st, std::ostream& out) {
  if (s.weights.empty()) return;
  out << '\n' << st.bold("Weight stability") << " (each weight alone, the others in proportion)\n";
  TextTable t({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
               TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Left,
               TextTable::Align::Left, TextTable::Align::Right});
  t.add({"criterion", "weight", "share", "winner stays (share)", "(weight)", "below", "above",
         "ranking stays (share)"});
  for (const auto& w : s.weights) {
    t.add({one_line(w.criterion), quantity(w.weight), fixed(w.share, 3),
           share_range(w.winner_low, w.winner_high), weight_range(w),
           w.winner_below.empty() ? "-" : one_line(w.winner_below),
           w.winner_above.empty() ? "-" : one_line(w.winner_above),
           share_range(w.ranking_low, w.ranking_high)});
  }
  for (const auto& line : t.lines()) out << line << '\n';
}

std::string points_text(const InputSensitivity& in) {
  if (!in.winners.empty()) {
    std::string s;
    for (const auto& [value, winner] : in.winners) {
      s += (s.empty() ? "" : "; ") + one_line(value) + ": " +
           (winner.empty() ? "-" : one_line(winner));
    }
    return s;
  }
  if (in.points.empty()) return "no change";
  std::string s;
  for (const auto& p : in.points) {
    s += (s.empty() ? "" : "; ") + fmt::format("{} ({} -> {})", rounded(p.value),
                                               p.before.empty() ? "-" : one_line(p.before),
                                               p.after.empty() ? "-" : one_line(p.after));
  }
  return s;
}

void break_even_text(const Sensitivity& s, const Style& st, std::ostream& out) {
  if (s.inputs.empty()) return;
  out << '\n' << st.bold("Input break-even points") << " (where the winner changes)\n";
  TextTable t({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left,
               TextTable::Align::Left});
  t.add({"input", "now", "range", "winner changes at / winner by value"});
  for (const auto& in : s.inputs) {
    const bool numeric = in.winners.empty();
    t.add({one_line(in.input), numeric ? quantity(in.current) : "-",
           numeric ? quantity(in.low) + " - " + quantity(in.high) + (in.unit.empty() ? "" : " ") +
                         one_line(in.unit)
                   : "-",
           points_text(in)});
  }
  for (const auto& line : t.lines()) out << line << '\n';
}

std::string percent(double share) { return fixed(share * 100, 1) + "%"; }

void smaa_text(const Smaa& m, const Style& st, std::ostream& out) {
  out << '\n'
      << st.bold("Monte-Carlo acceptability")
      << fmt::format(" ({} samples, seed {}, weights: {})\n", m.samples, m.seed,
                     one_line(m.weights_model));
  if (!m.uncertain.empty()) {
    std::string list;
    for (const auto& u : m.uncertain) list += (list.empty() ? "" : ", ") + one_line(u);
    out << "  varied: " << list << '\n';
  }
  std::vector<TextTable::Align> align = {TextTable::Align::Left};
  std::vector<std::string> head = {"option"};
  const size_t ranks = m.options.empty() ? 0 : m.options[0].rank_acceptability.size();
  for (size_t r = 0; r < ranks; ++r) {
    align.push_back(TextTable::Align::Right);
    head.push_back(fmt::format("rank {}", r + 1));
  }
  TextTable t(align);
  t.add(head);
  for (const auto& o : m.options) {
    std::vector<std::string> row = {one_line(o.option)};
    for (double a : o.rank_acceptability) row.push_back(percent(a));
    t.add(std::move(row));
  }
  for (const auto& line : t.lines()) out << line << '\n';
  out << fmt::format("  confidence in {}: {} +- {}", one_line(m.winner), percent(m.confidence),
                     percent(m.confidence_error));
  if (m.failed > 0) out << fmt::format("; {} samples could not be evaluated", m.failed);
  out << '\n';
}

}  // namespace

void render_sensitivity_text(const Sensitivity& s, bool color, std::ostream& out) {
  const Style st{color};
  const Result& r = s.result;
  out << st.bold(one_line(r.framework_title)) << '\n';
  out << "framework " << one_line(r.framework);
  if (!r.framework_version.empty()) out << ' ' << one_line(r.framework_version);
  if (!r.assessment.empty()) out << ", assessment " << one_line(r.assessment);
  out << "; method " << r.method << ", winner "
      << (r.explanation.winner.empty() ? "none (every option vetoed)"
                                       : one_line(r.explanation.winner))
      << '\n';
  if (r.robustness) robustness_text(r, st, out);
  stability_text(s, st, out);
  break_even_text(s, st, out);
  if (s.smaa) smaa_text(*s.smaa, st, out);
  if (!s.sweeps.empty()) {
    out << '\n' << fmt::format("{} sweeps: --format json or csv.\n", s.sweeps.size());
  }
  out << '\n' << st.dim(provenance_text(r.provenance)) << '\n';
}

void render_sensitivity_csv(const Sensitivity& s, std::ostream& out) {
  out << "sweep,id,at,option,score,eligible,winner\r\n";
  for (const auto& sw : s.sweeps) {
    const char* kind = sw.kind == Sweep::Kind::Weight ? "weight" : "input";
    for (size_t p = 0; p < sw.at.size(); ++p) {
      for (size_t o = 0; o < sw.options.size(); ++o) {
        out << kind << ',' << csv_text(sw.id) << ',' << plain_number(sw.at[p]) << ','
            << csv_text(sw.options[o]) << ',' << plain_number(sw.score[p][o]) << ','
            << (sw.eligible[p][o] ? "true" : "false") << ',' << csv_text(sw.winner[p]) << "\r\n";
      }
    }
  }
}

}  // namespace tradeoff::detail
