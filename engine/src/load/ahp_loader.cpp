// AHP weighting blocks: the row order, priority method and random-index table, and the pairwise
// comparison matrix (full, or the upper triangle with or without its diagonal; judgements as
// numbers or fractions such as "1/3"), checked for its diagonal and reciprocity.
#include <cmath>

#include <fmt/format.h>

#include "load/weighting_loader.hpp"
#include "support/ri_tables.hpp"
#include "support/text.hpp"

namespace tradeoff::loader {

namespace {

/// Saaty's scale runs from 1/9 to 9; judgements up to 100 times (or 1/100) are kept with a
/// warning, and beyond that refused: they are no longer judgements on that scale, and at the
/// ends of the double range (1e300, "1/1e300") they make priorities of 0 and ratios of inf.
constexpr double kMaxJudgement = 100;

/// A judgement: a positive number, or a fraction "a/b", quoted or not (a matrix often quotes
/// every cell for alignment).
std::optional<double> judgement(Context& ctx, const yaml::Node& node) {
  if (node.is_scalar()) {
    if (auto v = parse_number(node.scalar)) {
      if (*v > 0) return v;
    }
    const auto slash = node.scalar.find('/');
    if (slash != std::string::npos) {
      const auto a = parse_number(node.scalar.substr(0, slash));
      const auto b = parse_number(node.scalar.substr(slash + 1));
      if (a && b && *a > 0 && *b > 0) return *a / *b;
    }
  }
  Message m = wrong_type("a positive judgement such as 3 or \"1/3\"", node);
  m.code = ErrorCode::InvalidValue;
  ctx.report(node, std::move(m));
  return std::nullopt;
}

/// How a matrix of n elements is written: full (n rows of n), the upper triangle without the
/// diagonal (rows of n-1 ... 1), or with it (rows of n ... 1).
enum class Shape { Full, Upper, UpperWithDiagonal, Bad };

Shape shape_of(const std::vector<size_t>& lengths, size_t n) {
  auto lengths_are = [&](size_t rows, auto length_of) {
    if (lengths.size() != rows) return false;
    for (size_t r = 0; r < rows; ++r) {
      if (lengths[r] != length_of(r)) return false;
    }
    return true;
  };
  if (lengths_are(n, [&](size_t) { return n; })) return Shape::Full;
  if (n > 1 && lengths_are(n - 1, [&](size_t r) { return n - 1 - r; })) return Shape::Upper;
  if (lengths_are(n, [&](size_t r) { return n - r; })) return Shape::UpperWithDiagonal;
  return Shape::Bad;
}

void report_bad_shape(Context& ctx, const yaml::Node& node, const std::string& what, size_t n,
                      const std::vector<size_t>& lengths) {
  std::string given;
  for (size_t l : lengths) given += (given.empty() ? "" : ", ") + std::to_string(l);
  ctx.error(ErrorCode::InvalidValue, node,
            fmt::format("the matrix of {} compares {} elements, so it must be {} rows of {} "
                        "judgements (the full matrix), or the upper triangle: rows of {} "
                        "down to 1 without the diagonal, or of {} down to 1 with it; got {} "
                        "row{} of {}",
                        what, n, n, n, n > 1 ? n - 1 : 1, n, lengths.size(),
                        lengths.size() == 1 ? "" : "s", given.empty() ? "nothing" : given));
}

/// Reads every judgement written into the n x n matrix (the diagonal set to 1 first).
bool read_cells(Context& ctx, const yaml::Node& node, Shape shape, PairwiseJudgements& ahp) {
  const size_t n = ahp.elements.size();
  ahp.matrix.assign(n * n, 0.0);
  ahp.cells.assign(n * n, SourceLocation{});
  for (size_t i = 0; i < n; ++i) ahp.matrix[i * n + i] = 1.0;
  bool good = true;
  for (size_t r = 0; r < node.items.size(); ++r) {
    const auto& row = node.items[r];
    for (size_t k = 0; k < row.items.size(); ++k) {
      const size_t c = shape == Shape::Full ? k : shape == Shape::Upper ? r + 1 + k : r + k;
      auto v = judgement(ctx, row.items[k]);
      if (!v) {
        good = false;
        continue;
      }
      if (*v < 1 / kMaxJudgement - 1e-12 || *v > kMaxJudgement + 1e-9) {
        ctx.error(ErrorCode::OutOfRange, row.items[k],
                  fmt::format("judgement {} of '{}' over '{}' lies far outside Saaty's scale "
                              "(1/9 to 9); judgements must lie within 1/100 to 100",
                              row.items[k].scalar, ahp.elements[r], ahp.elements[c]),
                  "split the elements into groups of comparable importance (weighting: "
                  "{method: groups})");
        good = false;
        continue;
      }
      ahp.matrix[r * n + c] = *v;
      ahp.cells[r * n + c] = ctx.at(row.items[k]);
      if (*v < 1.0 / 9 - 1e-9 || *v > 9 + 1e-9) {
        ctx.warning(ErrorCode::InvalidValue, row.items[k],
                    fmt::format("judgement {} of '{}' over '{}' lies outside Saaty's scale "
                                "(1/9 to 9)",
                                row.items[k].scalar, ahp.elements[r], ahp.elements[c]));
      }
    }
  }
  return good;
}

/// The diagonal must be 1; below it, a full matrix holds reciprocals, a triangle gets them.
bool check_reciprocal(DiagnosticSink& sink, Shape shape, const std::string& what,
                      PairwiseJudgements& ahp) {
  const size_t n = ahp.elements.size();
  bool good = true;
  for (size_t i = 0; i < n; ++i) {
    if (std::fabs(ahp.matrix[i * n + i] - 1) > 1e-9) {
      sink.error(ErrorCode::InvalidValue, ahp.cells[i * n + i],
                 fmt::format("the diagonal of the matrix of {} must be 1: '{}' compared "
                             "with itself",
                             what, ahp.elements[i]));
      good = false;
    }
    for (size_t j = i + 1; j < n; ++j) {
      if (shape != Shape::Full) {
        ahp.matrix[j * n + i] = 1.0 / ahp.matrix[i * n + j];
        continue;
      }
      const double product = ahp.matrix[i * n + j] * ahp.matrix[j * n + i];
      if (std::fabs(product - 1) <= 0.01) continue;
      sink.error(
          ErrorCode::InvalidValue, ahp.cells[j * n + i],
          fmt::format("judgement of '{}' over '{}' ({}) is not the reciprocal of '{}' "
                      "over '{}' ({})",
                      ahp.elements[j], ahp.elements[i], detail::quantity(ahp.matrix[j * n + i]),
                      ahp.elements[i], ahp.elements[j], detail::quantity(ahp.matrix[i * n + j])),
          "write 1/x below the diagonal, or give only the upper triangle");
      good = false;
    }
  }
  return good;
}

bool read_matrix(Context& ctx, const yaml::Node& node, const std::string& what,
                 PairwiseJudgements& ahp) {
  const size_t n = ahp.elements.size();
  if (!node.is_sequence() || n == 0) {
    ctx.report(
        node, wrong_type(fmt::format("the pairwise comparison matrix of {} (a list of rows)", what),
                         node));
    return false;
  }
  std::vector<size_t> lengths;
  for (const auto& row : node.items) lengths.push_back(row.is_sequence() ? row.items.size() : 0);
  const Shape shape = shape_of(lengths, n);
  if (shape == Shape::Bad) {
    report_bad_shape(ctx, node, what, n, lengths);
    return false;
  }
  if (!read_cells(ctx, node, shape, ahp)) return false;
  return check_reciprocal(ctx.sink(), shape, what, ahp);
}

/// The row order: the elements listed under `criteria:` (`rows`), or the scope's own order.
bool read_elements(Context& ctx, const yaml::Node* rows, const std::vector<std::string>& scope,
                   const std::string& what, PairwiseJudgements& ahp) {
  if (rows == nullptr) {
    ahp.elements = scope;
    return true;
  }
  ElementRefs ids;
  bool good = true;
  for (const auto& item : rows->items) {
    if (auto id = ctx.string(item, "an element")) {
      ahp.elements.push_back(*id);
      ids.emplace_back(*id, &item);
    } else {
      good = false;
    }
  }
  return check_cover(ctx, ids, scope, *rows, what) && good;
}

/// The chosen random-index table must cover the matrix's size.
bool check_ri_limit(Context& ctx, const Fields& f, const std::string& what,
                    const PairwiseJudgements& ahp) {
  const size_t limit = detail::random_index_limit(ahp.ri_table);
  if (ahp.elements.size() <= limit) return true;
  const yaml::Node* at = f.node().find("ri_table") ? f.node().find("ri_table") : &f.node();
  ctx.error(ErrorCode::OutOfRange, *at,
            fmt::format("the {} random-index table stops at {} elements, and {} compares {}",
                        to_string(ahp.ri_table), limit, what, ahp.elements.size()),
            "use ri_table: donegan_dodd_1991 (up to 100) or alonso_lamata_2006 (any size)");
  return false;
}

}  // namespace

bool read_ahp(Context& ctx, Fields& f, const std::vector<std::string>& scope,
              const std::string& what, PairwiseJudgements& ahp) {
  ahp.where = ctx.at(f.node());
  const yaml::Node* rows = f.optional("criteria");
  if (rows != nullptr && !rows->is_sequence()) {
    // Nothing more is read (the keys after this one are then reported as unknown).
    ctx.report(*rows, wrong_type("the list of elements in row order", what, *rows));
    return false;
  }
  bool good = read_elements(ctx, rows, scope, what, ahp);
  if (const auto* n = f.optional("priority")) {
    if (auto p = ctx.string(*n, "the priority method")) {
      auto priority = lookup_choice<PriorityMethod>(ctx, *n, *p, "priority method");
      if (priority) ahp.priority = *priority;
      good = priority.has_value() && good;
    }
  }
  if (const auto* n = f.optional("ri_table")) {
    if (auto t = ctx.string(*n, "the random-index table")) {
      auto table = lookup_choice<RiTable>(ctx, *n, *t, "random-index table");
      if (table) ahp.ri_table = *table;
      good = table.has_value() && good;
    }
  }
  good = good && check_ri_limit(ctx, f, what, ahp);
  const yaml::Node* matrix = f.required("matrix");
  if (matrix == nullptr || !good) return false;
  return read_matrix(ctx, *matrix, what, ahp);
}

}  // namespace tradeoff::loader
