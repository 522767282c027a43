// Splitting a large table on a second thread: one thread reads the bytes, hashes them and splits
// them into records (load/csv_records.hpp), handing them over in batches; the calling thread
// takes the records, in order, as a CsvSplitter would give them. Records, errors and their
// order are the same as when one thread does both; only the time differs.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "load/csv_records.hpp"

namespace tradeoff::detail {
class Sha256;
}

namespace tradeoff::loader {

/// Feeds bytes to `sink` in pieces, in order.
using PieceSource = std::function<void(const std::function<void(std::string_view)>& sink)>;

/// When the splitting thread parses the cells' numbers for the other (CsvField::parsed).
enum class ParseAhead {
  WhenBehind,  ///< while the other thread has batches waiting: it is then the slower
  Always,
  Never,
};

/// Splits what `bytes` gives (hashing it into `digest`, when not null) and calls `on_record` and
/// `on_error`, all on this thread: a small table, or a large one when no thread can be started.
void split_on_this_thread(char delimiter, size_t max_record, const PieceSource& bytes,
                          detail::Sha256* digest, const CsvSplitter::OnRecord& on_record,
                          const CsvSplitter::OnError& on_error);

/// Splits what `bytes` gives (hashing it into `digest`, when not null) on another thread, and
/// calls `on_record` and `on_error` on this one, in the order of the text. `on_record`
/// returning false stops the splitting (the bytes are still read to the end and hashed, as a
/// CsvSplitter's caller does). An exception thrown while reading is thrown here, after the
/// records before it were handed over. When the other thread cannot be started, all is done on
/// this one (split_on_this_thread()).
void split_on_second_thread(char delimiter, size_t max_record, const PieceSource& bytes,
                            detail::Sha256* digest, const CsvSplitter::OnRecord& on_record,
                            const CsvSplitter::OnError& on_error,
                            ParseAhead parse_ahead = ParseAhead::WhenBehind);

}  // namespace tradeoff::loader
