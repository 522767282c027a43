// Score tables: see load/score_table.hpp.
#include "load/score_table.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "load/csv_pipeline.hpp"
#include "load/csv_records.hpp"
#include "load/fields.hpp"
#include "load/messages.hpp"
#include "load/source_reader.hpp"
#include "support/id_index.hpp"
#include "support/sha256.hpp"
#include "support/text.hpp"

namespace tradeoff::loader {

namespace {

/// What a column of the table holds.
enum class ColumnKind { Option, Criterion, Name, Description, Skipped };

/// Columns `--format csv` writes besides the scores: skipped, so that a result reads back in.
bool result_column(std::string_view header) {
  return header == "rank" || header == "score" || header == "vetoed_by" ||
         (header.size() > 13 && header.substr(header.size() - 13) == ".contribution");
}

class TableReader {
 public:
  TableReader(const TableSpec& spec, DiagnosticSink& diagnostics, TableText* text)
      : spec_(spec), fw_(*spec.framework), sink_(diagnostics), text_(text) {
    table_.file = spec.file;
    for (size_t j = 0; j < fw_.criteria.size(); ++j) criterion_index_[fw_.criteria[j].id] = j;
    if (spec.assessment) {
      for (size_t i = 0; i < fw_.options.size(); ++i) known_options_[fw_.options[i].id] = i;
    }
  }

  bool on_record(const CsvRecord& record) {
    if (record.fields.size() == 1 && record.fields[0].text.empty() && !record.fields[0].quoted) {
      return true;  // a blank line
    }
    if (!header_done_) {
      header(record);
      header_done_ = true;
    } else {
      row(record);
    }
    return !stopped_;
  }

  void on_split_error(uint32_t line, uint32_t column, std::string message,
                      std::string_view excerpt) {
    error(ErrorCode::InvalidValue, line, column, std::move(message), excerpt);
  }

  ScoreTable finish() {
    if (!header_done_ && errors_ == 0) {
      error(ErrorCode::InvalidValue, 1, 1,
            "the table is empty; its first row names the option column and the criteria", {});
    }
    return std::move(table_);
  }

 private:
  void error(ErrorCode code, uint32_t line, uint32_t column, std::string message,
             std::string_view excerpt, size_t length = 1, std::string hint = {}) {
    if (stopped_) return;
    Diagnostic d =
        make_diagnostic(code, {spec_.file, static_cast<int>(line), static_cast<int>(column)},
                        std::move(message), std::move(hint));
    d.excerpt = std::string(excerpt.substr(0, 4096));
    d.length = static_cast<int>(std::max<size_t>(1, std::min<size_t>(length, 200)));
    if (d.excerpt.empty()) d.excerpt = " ";  // a position past the text: nothing to quote
    sink_.add(std::move(d));
    if (++errors_ < kMaxTableErrors) return;
    stopped_ = true;
    // At the last problem's place, so that it stays after it in source order.
    Diagnostic note = make_diagnostic(
        ErrorCode::InvalidValue, {spec_.file, static_cast<int>(line), static_cast<int>(column)},
        fmt::format("too many problems in this table; stopped after {}", errors_));
    note.excerpt = sink_.diagnostics().back().excerpt;
    sink_.add(std::move(note));
  }

  void error_at(ErrorCode code, const CsvField& f, const CsvRecord& r, std::string message,
                std::string hint = {}) {
    // The excerpt is the field's own line: the record's first unless a quoted cell broke it.
    const std::string_view excerpt =
        f.line == r.fields.front().line ? r.first_line : std::string_view{};
    error(code, f.line, f.column, std::move(message), excerpt, f.text.size() + (f.quoted ? 2 : 0),
          std::move(hint));
  }

  /// Reserves the matrix for as many rows as the file holds if they are as long as the first:
  /// growing it by doubling would copy and fault in most of it again.
  void reserve(const CsvRecord& r) {
    size_t bytes = 0;
    for (const auto& f : r.fields) bytes += f.text.size() + 1;
    if (spec_.size_hint == 0 || bytes == 0) return;
    const size_t rows = spec_.size_hint / bytes + spec_.size_hint / bytes / 8 + 16;
    const size_t cells = std::min(rows * table_.criteria.size(), kMaxTableCells);
    table_.values.reserve(cells);
    table_.columns.reserve(cells);
    table_.options.reserve(cells / std::max<size_t>(1, table_.criteria.size()));
    table_.lines.reserve(cells / std::max<size_t>(1, table_.criteria.size()));
    rows_.reserve(cells / std::max<size_t>(1, table_.criteria.size()), row_key());
  }
  /// Records where cell k is, widening the table's positions once a cell needs more than a
  /// column of 16 bits.
  void place(size_t k, uint32_t below, uint32_t column) {
    if (table_.positions.empty() && below == 0 && column <= 0xFFFF) {
      table_.columns[k] = static_cast<uint16_t>(column);
      return;
    }
    if (table_.positions.empty()) {
      table_.positions.reserve(table_.columns.capacity());
      table_.positions.assign(table_.columns.begin(), table_.columns.end());
      std::vector<uint16_t>().swap(table_.columns);
    }
    table_.positions[k] =
        std::min<uint32_t>(below, 255) << 24 | std::min<uint32_t>(column, 0xFFFFFF);
  }
  /// The option id of row r, which rows_ indexes.
  struct RowKey {
    const ScoreTable* table;
    std::string_view operator()(size_t r) const { return table->options[r]; }
  };
  RowKey row_key() const { return {&table_}; }
  void header(const CsvRecord& r);
  void classify(const CsvRecord& r, size_t k, std::vector<std::string>& seen_criteria);
  void row(const CsvRecord& r);
  bool row_id(const CsvRecord& r, std::string& id);
  void cell(const CsvRecord& r, const CsvField& f, size_t column, double& out);

  const TableSpec& spec_;
  const Framework& fw_;
  DiagnosticSink& sink_;
  TableText* text_;
  ScoreTable table_;
  std::unordered_map<std::string, size_t> criterion_index_;
  std::unordered_map<std::string, size_t> known_options_;
  /// The rows by option id (their ids are table_.options).
  detail::IdIndex rows_;
  std::vector<ColumnKind> kinds_;
  std::vector<size_t> criterion_of_column_;  ///< per column: index into fw_.criteria
  size_t option_column_ = 0;
  size_t errors_ = 0;
  bool header_done_ = false;
  bool stopped_ = false;
};

void TableReader::classify(const CsvRecord& r, size_t k, std::vector<std::string>& seen) {
  const CsvField& f = r.fields[k];
  const std::string_view h = trim_blanks(f.text);
  if (k == option_column_) {
    kinds_[k] = ColumnKind::Option;
    return;
  }
  if (auto it = criterion_index_.find(std::string(h)); it != criterion_index_.end()) {
    for (size_t c = 0; c < seen.size(); ++c) {
      if (seen[c] != h) continue;
      error_at(ErrorCode::DuplicateKey, f, r,
               fmt::format("criterion '{}' has two columns; each criterion has one", h));
      return;
    }
    seen.emplace_back(h);
    kinds_[k] = ColumnKind::Criterion;
    criterion_of_column_[k] = it->second;
    table_.criteria.emplace_back(h);
    return;
  }
  if (h == "name" || h == "description") {
    kinds_[k] = h == "name" ? ColumnKind::Name : ColumnKind::Description;
    return;
  }
  if (result_column(h)) return;  // Skipped
  if (h.empty()) {
    error_at(
        ErrorCode::MissingKey, f, r,
        fmt::format("column {} has no header; name a criterion of framework '{}'", k + 1, fw_.id));
    return;
  }
  std::vector<std::string> ids;
  for (const auto& c : fw_.criteria) ids.push_back(c.id);
  const Message m = unknown_reference(
      "criterion", h, fmt::format(" in the header; framework '{}' has no such criterion", fw_.id),
      ids);
  error_at(m.code, f, r, m.text, m.hint);
}

void TableReader::header(const CsvRecord& r) {
  if (r.fields.size() > kMaxTableColumns) {
    error(ErrorCode::YamlLimit, r.end_line, 1,
          fmt::format("the header has {} columns; a table has at most {}", r.fields.size(),
                      kMaxTableColumns),
          r.first_line);
    stopped_ = true;
    return;
  }
  for (size_t k = 0; k < r.fields.size(); ++k) {
    if (trim_blanks(r.fields[k].text) == "option") option_column_ = k;
  }
  kinds_.assign(r.fields.size(), ColumnKind::Skipped);
  criterion_of_column_.assign(r.fields.size(), 0);
  std::vector<std::string> seen;
  for (size_t k = 0; k < r.fields.size(); ++k) classify(r, k, seen);
  if (table_.criteria.empty() && errors_ == 0) {
    error(ErrorCode::MissingKey, r.fields.front().line, 1,
          fmt::format("the header names no criterion of framework '{}'; its columns are the "
                      "option ids, then criterion ids",
                      fw_.id),
          r.first_line);
  }
  if (errors_ > 0) stopped_ = true;  // rows read against a broken header would only echo it
  table_.column_of_criterion.assign(fw_.criteria.size(), -1);
  for (size_t c = 0; c < table_.criteria.size(); ++c) {
    table_.column_of_criterion[criterion_index_[table_.criteria[c]]] = static_cast<int32_t>(c);
  }
}

bool TableReader::row_id(const CsvRecord& r, std::string& id) {
  const CsvField& f = r.fields[option_column_];
  id = std::string(trim_blanks(f.text));
  if (id.empty()) {
    error_at(ErrorCode::MissingKey, f, r, "a row without an option id");
    return false;
  }
  if (!is_valid_id(id)) {
    const Message m = invalid_id(id, "an option");
    error_at(m.code, f, r, m.text, m.hint);
    return false;
  }
  if (const size_t first = rows_.find(id, row_key()); first != detail::IdIndex::npos) {
    error_at(
        ErrorCode::DuplicateId, f, r,
        fmt::format("option '{}' has two rows; the first is on line {}", id, table_.lines[first]));
    return false;
  }
  if (spec_.assessment && known_options_.count(id) == 0) {
    std::vector<std::string> ids;
    for (const auto& o : fw_.options) ids.push_back(o.id);
    const Message m = unknown_reference(
        "option", id, fmt::format("; framework '{}' has no such option", fw_.id), ids);
    error_at(m.code, f, r, m.text, m.hint);
    return false;
  }
  return true;
}

void TableReader::cell(const CsvRecord& r, const CsvField& f, size_t column, double& out) {
  const std::string_view s = trim_blanks(f.text);
  if (s.empty()) return;  // no score here
  const Criterion& c = fw_.criteria[criterion_of_column_[column]];
  const std::string& option = table_.options.back();
  // Parsed ahead when the rows were split on a second thread.
  const std::optional<double> v = f.parsed < 0    ? parse_cell(s)
                                  : f.parsed == 1 ? std::optional<double>(f.number)
                                                  : std::nullopt;
  if (!v) {
    const bool comma = s.find(',') != std::string_view::npos;
    error_at(ErrorCode::WrongType, f, r,
             fmt::format("the score of '{}' on '{}' is not a number: {}", option, c.id, quoted(s)),
             comma ? "write numbers with a decimal point and no thousands separators" : "");
    return;
  }
  if (!std::isfinite(*v)) {
    error_at(ErrorCode::InvalidValue, f, r,
             fmt::format("the score of '{}' on '{}' is not a finite number: {}", option, c.id,
                         quoted(s)));
    return;
  }
  if (c.scale && (*v < c.scale->first || *v > c.scale->second)) {
    error_at(ErrorCode::OutOfRange, f, r,
             outside_scale(*v, option, c.id, c.scale->first, c.scale->second));
    return;
  }
  out = *v;
}

void TableReader::row(const CsvRecord& r) {
  if (r.fields.size() != kinds_.size()) {
    const bool short_row = r.fields.size() < kinds_.size();
    const CsvField& at = short_row ? r.fields.back() : r.fields[kinds_.size()];
    error(ErrorCode::InvalidValue, short_row ? r.end_line : at.line,
          short_row ? r.end_column : at.column,
          fmt::format("this row has {} cells; the header has {}", r.fields.size(), kinds_.size()),
          r.end_line == r.fields.front().line ? r.first_line : std::string_view{});
    return;
  }
  std::string id;
  if (!row_id(r, id)) return;
  const size_t m = table_.criteria.size();
  if ((table_.options.size() + 1) * m > kMaxTableCells) {
    error(ErrorCode::YamlLimit, r.fields.front().line, 1,
          fmt::format("the table has over {} cells; split it", kMaxTableCells), r.first_line);
    stopped_ = true;
    return;
  }
  if (table_.options.empty()) reserve(r);
  table_.options.push_back(std::move(id));
  rows_.insert(table_.options.size() - 1, row_key());
  const uint32_t line = r.fields.front().line;
  table_.lines.push_back(line);
  const size_t base = table_.values.size();
  table_.values.resize(base + m, std::numeric_limits<double>::quiet_NaN());
  if (table_.positions.empty()) {
    table_.columns.resize(base + m, 1);
  } else {
    table_.positions.resize(base + m, 0);
  }
  size_t c = 0;
  for (size_t k = 0; k < kinds_.size(); ++k) {
    const CsvField& f = r.fields[k];
    switch (kinds_[k]) {
      case ColumnKind::Criterion: {
        place(base + c, f.line - line, f.column);
        cell(r, f, k, table_.values[base + c]);
        ++c;
        break;
      }
      case ColumnKind::Name:
        if (text_ != nullptr) text_->names.emplace_back(trim_blanks(f.text));
        break;
      case ColumnKind::Description:
        if (text_ != nullptr) text_->descriptions.emplace_back(trim_blanks(f.text));
        break;
      default:
        break;
    }
  }
}

}  // namespace

std::shared_ptr<ScoreTable> table_reference(Context& ctx, const yaml::Node& node) {
  const auto name = ctx.string(node, "scores_from");
  if (!name) return nullptr;
  const size_t dot = name->rfind('.');
  const std::string ext = dot == std::string::npos ? "" : name->substr(dot);
  if (ext != ".csv" && ext != ".tsv") {
    ctx.error(ErrorCode::InvalidValue, node,
              fmt::format("scores_from names {}; a table of scores is a .csv or .tsv file",
                          quoted(*name)));
    return nullptr;
  }
  auto table = std::make_shared<ScoreTable>();
  table->where = ctx.at(node);
  table->file = join(parent_of(table->where.file), *name);
  return table;
}

ScoreTable read_score_table(const TableSpec& spec, const ByteSource& bytes,
                            DiagnosticSink& diagnostics, std::string* sha256, TableText* text) {
  TableReader reader(spec, diagnostics, text);
  const size_t dot = spec.file.rfind('.');
  const bool tsv = dot != std::string::npos && spec.file.substr(dot) == ".tsv";
  const CsvSplitter::OnRecord on_record = [&](const CsvRecord& r) { return reader.on_record(r); };
  const CsvSplitter::OnError on_error = [&](uint32_t line, uint32_t column, std::string message,
                                            std::string_view excerpt) {
    reader.on_split_error(line, column, std::move(message), excerpt);
  };
  const char delimiter = tsv ? '\t' : ',';
  detail::Sha256 digest;
  if (spec.size_hint >= spec.second_thread_from) {
    split_on_second_thread(delimiter, kMaxRowBytes, bytes, sha256 != nullptr ? &digest : nullptr,
                           on_record, on_error);
  } else {
    split_on_this_thread(delimiter, kMaxRowBytes, bytes, sha256 != nullptr ? &digest : nullptr,
                         on_record, on_error);
  }
  if (sha256 != nullptr) *sha256 = digest.hex();
  return reader.finish();
}

}  // namespace tradeoff::loader
