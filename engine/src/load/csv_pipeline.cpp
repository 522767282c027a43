// Splitting a large table on a second thread: see load/csv_pipeline.hpp.
#include "load/csv_pipeline.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "support/sha256.hpp"

namespace tradeoff::loader {

namespace {

/// A batch is handed over once its text reaches this size (some 150 rows of 20 numbers).
constexpr size_t kBatchBytes = size_t{128} << 10;
/// Batches waiting at most: the splitting thread waits beyond, so memory stays bounded.
constexpr size_t kDepth = 4;

/// Records as the splitting thread hands them over: their bytes copied, fields as offsets into
/// the copy (a view into the splitter's buffer would not outlive the next piece).
struct Batch {
  struct Field {
    uint32_t offset = 0;
    uint32_t size = 0;
    uint32_t line = 0;
    uint32_t column = 0;
    bool quoted = false;
    int8_t parsed = -1;
    double number = 0;
  };
  struct Record {
    uint32_t first_field = 0;
    uint32_t fields = 0;
    uint32_t end_line = 0;
    uint32_t end_column = 0;
    uint32_t first_line = 0;  ///< offset of the record's first line
    uint32_t first_line_size = 0;
  };
  struct Error {
    uint32_t line = 0;
    uint32_t column = 0;
    std::string message;
    std::string excerpt;
  };

  std::string text;
  std::vector<Field> fields;
  std::vector<Record> records;
  std::optional<Error> error;  ///< after the records: splitting stopped at it
  std::exception_ptr failure;  ///< thrown while reading, after the records
  bool last = false;           ///< nothing follows

  void clear() {
    text.clear();
    fields.clear();
    records.clear();
    error.reset();
    failure = nullptr;
    last = false;
  }

  /// Copies a record: its first line once (a plain record's fields are all on it), and the
  /// text of any field that is not on it (a quoted cell over several lines, or one with
  /// doubled quotes, which the splitter unescaped into a copy of its own).
  void add(const CsvRecord& r, bool parse) {
    Record rec;
    rec.first_field = static_cast<uint32_t>(fields.size());
    rec.fields = static_cast<uint32_t>(r.fields.size());
    rec.end_line = r.end_line;
    rec.end_column = r.end_column;
    rec.first_line = static_cast<uint32_t>(text.size());
    rec.first_line_size = static_cast<uint32_t>(r.first_line.size());
    text.append(r.first_line);
    const std::less<const char*> before;
    const char* lo = r.first_line.data();
    const char* hi = lo + r.first_line.size();
    for (const CsvField& f : r.fields) {
      Field out{0, static_cast<uint32_t>(f.text.size()), f.line, f.column, f.quoted};
      if (parse) {
        const std::optional<double> number = parse_cell(trim_blanks(f.text));
        out.parsed = number ? 1 : 0;
        out.number = number.value_or(0.0);
      }
      const char* p = f.text.data();
      if (!f.text.empty() && !before(p, lo) && !before(hi, p + f.text.size())) {
        out.offset = rec.first_line + static_cast<uint32_t>(p - lo);
      } else {
        out.offset = static_cast<uint32_t>(text.size());
        text.append(f.text);
      }
      fields.push_back(out);
    }
    records.push_back(rec);
  }
};

/// Full batches from the splitting thread to the caller, and spent ones back for reuse.
class Channel {
 public:
  /// A spent batch to fill, or a new one.
  Batch spare() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (spent_.empty()) return {};
    Batch b = std::move(spent_.back());
    spent_.pop_back();
    b.clear();
    return b;
  }
  void publish(Batch b) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [this] { return full_.size() < kDepth; });
    full_.push_back(std::move(b));
    waiting_.store(full_.size(), std::memory_order_relaxed);
    ready_.notify_one();
  }
  /// Batches handed over and not yet taken: a hint of which thread is behind.
  size_t waiting() const { return waiting_.load(std::memory_order_relaxed); }
  Batch next() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !full_.empty(); });
    Batch b = std::move(full_.front());
    full_.pop_front();
    waiting_.store(full_.size(), std::memory_order_relaxed);
    room_.notify_one();
    return b;
  }
  void recycle(Batch b) {
    const std::lock_guard<std::mutex> lock(mutex_);
    spent_.push_back(std::move(b));
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<Batch> full_;
  std::vector<Batch> spent_;
  std::atomic<size_t> waiting_{0};
};

/// Hashes each piece on a thread of its own while the splitting thread splits it: SHA-256 of a
/// 37 MB table is a sixth of the splitting thread's work, and the thread that takes the
/// records has time to spare. hash() hands a piece over; wait() returns once it is hashed, and
/// must be called before the piece's bytes change. Without a thread (one could not be
/// started), hash() hashes the piece itself.
class DigestThread {
 public:
  explicit DigestThread(detail::Sha256& digest) : digest_(digest) {
    try {
      thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
      // No thread: hash() hashes in place.
    }
  }
  DigestThread(const DigestThread&) = delete;
  DigestThread& operator=(const DigestThread&) = delete;
  ~DigestThread() {
    if (!thread_.joinable()) return;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  void hash(std::string_view piece) {
    if (!thread_.joinable()) {
      digest_.update(piece);
      return;
    }
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      piece_ = piece;
      pending_ = true;
    }
    changed_.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !pending_; });
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      changed_.wait(lock, [this] { return pending_ || stop_; });
      if (!pending_) return;  // stopped, nothing left to hash
      lock.unlock();
      digest_.update(piece_);
      lock.lock();
      pending_ = false;
      changed_.notify_all();
    }
  }

  detail::Sha256& digest_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string_view piece_;
  bool pending_ = false;
  bool stop_ = false;
  std::thread thread_;
};

/// The splitting thread: reads, hashes and splits everything, handing over batches; the last
/// one says so, and carries what reading threw.
void split_all(char delimiter, size_t max_record, const PieceSource& bytes, detail::Sha256* digest,
               ParseAhead parse_ahead, Channel& channel, const std::atomic<bool>& stop) {
  Batch batch = channel.spare();
  CsvSplitter splitter(
      delimiter, max_record,
      [&](const CsvRecord& r) {
        if (stop.load(std::memory_order_relaxed)) return false;
        // While the other thread has batches to take, it is the slower: this one parses the
        // numbers for it (the same numbers either way).
        batch.add(r, parse_ahead == ParseAhead::Always ||
                         (parse_ahead == ParseAhead::WhenBehind && channel.waiting() > 0));
        if (batch.text.size() >= kBatchBytes) {
          channel.publish(std::move(batch));
          batch = channel.spare();
        }
        return true;
      },
      [&](uint32_t line, uint32_t column, std::string message, std::string_view excerpt) {
        batch.error = Batch::Error{line, column, std::move(message), std::string(excerpt)};
      });
  try {
    std::optional<DigestThread> hasher;
    if (digest != nullptr) hasher.emplace(*digest);
    bytes([&](std::string_view piece) {
      if (!hasher) {
        splitter.feed(piece);
        return;
      }
      hasher->hash(piece);
      // The piece is hashed before its buffer is read into again, whatever feed() throws.
      struct Hashed {
        DigestThread& hasher;
        ~Hashed() { hasher.wait(); }
      } hashed{*hasher};
      splitter.feed(piece);
    });
    splitter.finish();
  } catch (...) {
    batch.failure = std::current_exception();
  }
  batch.last = true;
  channel.publish(std::move(batch));
}

/// Hands a batch's records, then its error, to the caller's callbacks, until one says stop.
void hand_over(const Batch& b, CsvRecord& record, const CsvSplitter::OnRecord& on_record,
               const CsvSplitter::OnError& on_error, std::atomic<bool>& stop) {
  for (const Batch::Record& rec : b.records) {
    if (stop.load(std::memory_order_relaxed)) return;
    record.fields.clear();
    for (uint32_t k = rec.first_field; k < rec.first_field + rec.fields; ++k) {
      const Batch::Field& f = b.fields[k];
      record.fields.push_back({std::string_view(b.text.data() + f.offset, f.size), f.line, f.column,
                               f.quoted, f.parsed, f.number});
    }
    record.end_line = rec.end_line;
    record.end_column = rec.end_column;
    record.first_line = std::string_view(b.text.data() + rec.first_line, rec.first_line_size);
    if (!on_record(record)) stop.store(true, std::memory_order_relaxed);
  }
  if (b.error && !stop.load(std::memory_order_relaxed)) {
    on_error(b.error->line, b.error->column, b.error->message, b.error->excerpt);
  }
}

}  // namespace

void split_on_this_thread(char delimiter, size_t max_record, const PieceSource& bytes,
                          detail::Sha256* digest, const CsvSplitter::OnRecord& on_record,
                          const CsvSplitter::OnError& on_error) {
  CsvSplitter splitter(delimiter, max_record, on_record, on_error);
  bytes([&](std::string_view piece) {
    if (digest != nullptr) digest->update(piece);
    splitter.feed(piece);
  });
  splitter.finish();
}

void split_on_second_thread(char delimiter, size_t max_record, const PieceSource& bytes,
                            detail::Sha256* digest, const CsvSplitter::OnRecord& on_record,
                            const CsvSplitter::OnError& on_error, ParseAhead parse_ahead) {
  Channel channel;
  std::atomic<bool> stop{false};
  std::thread splitter;
  try {
    splitter = std::thread(
        [&] { split_all(delimiter, max_record, bytes, digest, parse_ahead, channel, stop); });
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): the same outcome, on this one.
    split_on_this_thread(delimiter, max_record, bytes, digest, on_record, on_error);
    return;
  }
  CsvRecord record;
  std::exception_ptr failure;
  std::exception_ptr thrown;  // by a callback: the splitting thread is let finish first
  while (true) {
    Batch b = channel.next();
    if (!thrown) {
      try {
        hand_over(b, record, on_record, on_error, stop);
      } catch (...) {
        thrown = std::current_exception();
        stop.store(true, std::memory_order_relaxed);
      }
    }
    const bool last = b.last;
    failure = b.failure;
    channel.recycle(std::move(b));
    if (last) break;
  }
  splitter.join();
  if (thrown) std::rethrow_exception(thrown);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tradeoff::loader
