// The only header that includes Eigen: zero-copy views of the engine's std::vector storage.
#pragma once

#include <vector>

#include <Eigen/Dense>

namespace tradeoff::detail {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

inline Eigen::Map<const Eigen::VectorXd> as_vector(const std::vector<double>& v) {
  return {v.data(), static_cast<Eigen::Index>(v.size())};
}
inline Eigen::Map<Eigen::VectorXd> as_vector(std::vector<double>& v) {
  return {v.data(), static_cast<Eigen::Index>(v.size())};
}
/// A rows x cols row-major view (options as rows, criteria as columns).
inline Eigen::Map<const RowMatrix> as_matrix(const double* v, size_t rows, size_t cols) {
  return {v, static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols)};
}
inline Eigen::Map<const RowMatrix> as_matrix(const std::vector<double>& v, size_t rows,
                                             size_t cols) {
  return as_matrix(v.data(), rows, cols);
}
inline Eigen::Map<RowMatrix> as_matrix(std::vector<double>& v, size_t rows, size_t cols) {
  return {v.data(), static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols)};
}

}  // namespace tradeoff::detail
