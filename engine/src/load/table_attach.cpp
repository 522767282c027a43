// Attaching a table of scores to the framework or the assessment that names it: the rows become
// options (or override their scores), and every option must end up with a score on every
// criterion, from its YAML or from the table.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "load/messages.hpp"
#include "load/score_table.hpp"
#include "support/id_index.hpp"

namespace tradeoff::loader {

namespace {

/// Reads the table `named` names, through `reader`, against `fw`.
ScoreTable read_named(SourceReader& reader, const ScoreTable& named, const Framework& fw,
                      bool assessment, DiagnosticSink& sink, FileDigest& digest, TableText* text) {
  TableSpec spec;
  spec.file = named.file;
  spec.framework = &fw;
  spec.assessment = assessment;
  spec.size_hint = reader.size(named.file).value_or(0);
  digest.path = named.file;
  ScoreTable table;
  try {
    table = read_score_table(
        spec, [&](const auto& piece_sink) { reader.stream(named.file, piece_sink); }, sink,
        &digest.sha256, text);
  } catch (const Error& e) {
    // A file that cannot be read is reported where it is named.
    for (Diagnostic d : e.diagnostics()) {
      d.where = named.where;
      d.message = fmt::format("cannot read table of scores '{}': {}", named.file, d.message);
      sink.add(std::move(d));
    }
  }
  table.file = named.file;
  table.where = named.where;
  return table;
}

/// Links the table's rows to the framework's options (adding options for new ids) and reports
/// scores given both in YAML and in the table.
void link_rows(Framework& fw, ScoreTable& table, const TableText& text, DiagnosticSink& sink) {
  // The options given in YAML, by id (the rows' own ids are unique: the reader made sure).
  detail::IdIndex index;
  const auto key_of = [&fw](size_t i) -> std::string_view { return fw.options[i].id; };
  index.reserve(fw.options.size(), key_of);
  for (size_t i = 0; i < fw.options.size(); ++i) index.insert(i, key_of);
  table.row_of_option.assign(fw.options.size(), -1);
  fw.options.reserve(fw.options.size() + table.options.size());
  const size_t m = table.criteria.size();
  size_t reported = 0;
  for (size_t r = 0; r < table.options.size(); ++r) {
    const size_t i = index.find(table.options[r], key_of);
    if (i == detail::IdIndex::npos) {
      Alternative a;
      a.id = std::move(table.options[r]);  // the table's ids are released after linking
      a.name = r < text.names.size() && !text.names[r].empty() ? text.names[r] : a.id;
      if (r < text.descriptions.size()) a.description = text.descriptions[r];
      a.where.line = static_cast<int>(table.lines[r]);  // no file: it is the table's
      a.where.column = 1;
      fw.options.push_back(std::move(a));
      table.row_of_option.push_back(static_cast<int32_t>(r));
      continue;
    }
    const Alternative& yaml = fw.options[i];
    table.row_of_option[i] = static_cast<int32_t>(r);
    for (size_t c = 0; c < m && reported < kMaxTableErrors; ++c) {
      const Score* s = yaml.score(table.criteria[c]);
      if (s == nullptr || std::isnan(table.values[r * m + c])) continue;
      const int32_t j = static_cast<int32_t>(fw.criterion(table.criteria[c]) - fw.criteria.data());
      sink.error(ErrorCode::DuplicateKey, table.location(i, static_cast<size_t>(j)),
                 fmt::format("the score of '{}' on '{}' is given twice: here and at {}", yaml.id,
                             table.criteria[c], format_location(s->where)),
                 "give each score once: in the table or under the option's scores");
      ++reported;
    }
  }
}

/// Every option has a score on every criterion, from its YAML or from the table.
void check_complete(const Framework& fw, const ScoreTable& table, DiagnosticSink& sink) {
  size_t reported = 0;
  for (size_t i = 0; i < fw.options.size() && reported < kMaxTableErrors; ++i) {
    const Alternative& o = fw.options[i];
    if (o.scores.empty() && table.complete_row(i)) continue;  // the plain row of a table
    std::vector<std::string> missing;
    SourceLocation first;
    for (size_t j = 0; j < fw.criteria.size(); ++j) {
      if (o.score(fw.criteria[j].id) != nullptr || !std::isnan(table.value(i, j))) continue;
      if (missing.empty()) first = table.location(i, j);
      missing.push_back(fw.criteria[j].id);
    }
    if (missing.empty()) continue;
    const bool in_table = table.row_of_option[i] >= 0;
    const bool cell = in_table && first.line > 0;
    // An empty cell is pointed at; a row or column the table lacks, at the option (an option
    // its row added: at the row).
    SourceLocation where = cell ? first : o.scores_where.line > 0 ? o.scores_where : o.where;
    if (where.file.empty() && in_table) {
      where = {table.file,
               static_cast<int>(table.lines[static_cast<size_t>(table.row_of_option[i])]), 1};
    }
    sink.error(ErrorCode::MissingScore, where,
               fmt::format("option '{}' has no score for {} {}", o.id,
                           missing.size() == 1 ? "criterion" : "criteria", quoted_list(missing)),
               cell       ? "fill in the cell, or give the score under the option in YAML"
               : in_table ? "add a column for it to the table, or give the score in YAML"
                          : "add a row for it to the table, or give its scores in YAML");
    ++reported;
  }
}

}  // namespace

FileDigest attach_framework_table(SourceReader& reader, Framework& fw, DiagnosticSink& sink) {
  FileDigest digest;
  TableText text;
  auto table =
      std::make_shared<ScoreTable>(read_named(reader, *fw.table, fw, false, sink, digest, &text));
  if (sink.has_errors()) return digest;
  link_rows(fw, *table, text, sink);
  // Every row is an option now, linked by row_of_option: a second list of 100,000 ids would
  // only be read again by nothing.
  std::vector<std::string>().swap(table->options);
  if (fw.options.empty()) {
    sink.error(ErrorCode::InvalidValue, table->where,
               fmt::format("the framework has no options: table '{}' has no rows, and "
                           "'options:' lists none",
                           table->file));
    return digest;
  }
  check_complete(fw, *table, sink);
  fw.table = std::move(table);
  return digest;
}

FileDigest attach_assessment_table(SourceReader& reader, const Framework& fw, Assessment& a,
                                   DiagnosticSink& sink) {
  FileDigest digest;
  auto table =
      std::make_shared<ScoreTable>(read_named(reader, *a.table, fw, true, sink, digest, nullptr));
  if (sink.has_errors()) return digest;
  detail::IdIndex row;
  const auto key_of = [&table](size_t r) -> std::string_view { return table->options[r]; };
  row.reserve(table->options.size(), key_of);
  for (size_t r = 0; r < table->options.size(); ++r) row.insert(r, key_of);
  table->row_of_option.assign(fw.options.size(), -1);
  for (size_t i = 0; i < fw.options.size(); ++i) {
    if (const size_t r = row.find(fw.options[i].id, key_of); r != detail::IdIndex::npos) {
      table->row_of_option[i] = static_cast<int32_t>(r);
    }
  }
  a.table = std::move(table);
  return digest;
}

}  // namespace tradeoff::loader
