// Finding and loading YAML files: the SourceReader interface (real files and built-ins, or an
// in-memory fake for tests), the built-in catalog, and the loaders for each file kind.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tradeoff/error.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/printable.hpp"

namespace tradeoff {

/// Paths of built-in files start with this prefix, e.g. "builtin:frameworks/llm_build_vs_buy.yaml".
inline constexpr std::string_view kBuiltinPrefix = "builtin:";

/// Reads source files. Every file the engine reads goes through one of these.
class SourceReader {
 public:
  virtual ~SourceReader() = default;
  /// The file's contents; throws Error [io] when it cannot be read.
  virtual std::string read(const std::string& path) = 0;
  virtual bool exists(const std::string& path) = 0;
  /// Names of the `.yaml` files directly in `dir`, sorted; empty when there is no such folder.
  virtual std::vector<std::string> list(const std::string& dir) = 0;
  /// True when `path` names a folder (which is not a file, nor a built-in id).
  virtual bool is_directory(const std::string& /*path*/) { return false; }
  /// The file's contents in pieces, in order, without keeping them: for files too large to
  /// hold (a table of scores). Throws Error [io] when it cannot be read. By default, read()
  /// whole.
  virtual void stream(const std::string& path, const std::function<void(std::string_view)>& sink) {
    sink(read(path));
  }
  /// The file's size in bytes when it is known without reading the file, else nothing: a table
  /// of scores reserves its matrix by it, and is split on a second thread from 8 MiB. By
  /// default, the file system's size of `path`.
  virtual std::optional<std::size_t> size(const std::string& path);
};

/// Reads the file system, and "builtin:" paths from the catalog compiled into the binary.
/// Caches what it has read, so that diagnostics quote exactly the text that was parsed.
class FileReader : public SourceReader {
 public:
  std::string read(const std::string& path) override;
  bool exists(const std::string& path) override;
  std::vector<std::string> list(const std::string& dir) override;
  bool is_directory(const std::string& path) override;
  /// Reads the file in fixed pieces, bypassing the cache.
  void stream(const std::string& path, const std::function<void(std::string_view)>& sink) override;

 private:
  std::map<std::string, std::string> cache_;
};

/// An in-memory file system (tests, fuzzing); "builtin:" paths still read the built-in catalog.
class MemoryReader : public SourceReader {
 public:
  void add(std::string path, std::string text) { files_[std::move(path)] = std::move(text); }
  std::string read(const std::string& path) override;
  bool exists(const std::string& path) override;
  std::vector<std::string> list(const std::string& dir) override;
  /// The text in pieces of 1 MiB, as a file streams, without copying it.
  void stream(const std::string& path, const std::function<void(std::string_view)>& sink) override;
  std::optional<std::size_t> size(const std::string& path) override;

 private:
  std::map<std::string, std::string> files_;
};

/// A file of the built-in catalog: path relative to the catalog root, e.g. "criteria/moat.yaml".
struct BuiltinFile {
  std::string_view path;
  std::string_view text;
};
/// All built-in files, sorted by path.
const std::vector<BuiltinFile>& builtin_files();

enum class FileKind { Framework, Assessment, Criterion };
std::string_view to_string(FileKind kind);

/// Turns a command-line argument into a path: an existing file, or the built-in framework or
/// example assessment with that id. Throws Error [io] with a did-you-mean otherwise.
std::string resolve_path(SourceReader& reader, const std::string& name);

/// What a file holds, judged by its top-level keys; throws Error when it cannot tell.
FileKind detect_kind(SourceReader& reader, const std::string& path);

/// An id that a tailored framework removed from the one it extends, so that a reason still
/// naming it can say so.
struct RemovedId {
  std::string kind;  ///< "option", "criterion", "input", "derived value", "rule" or "source"
  std::string id;
};

/// A loaded framework, optionally answered by an assessment, with the warnings seen on the way.
struct Loaded {
  Framework framework;
  std::optional<Assessment> assessment;
  std::vector<Diagnostic> warnings;
  /// What the `extends:` chains of the framework and the assessment removed (`remove:`).
  std::vector<RemovedId> removed;
};

/// Loads and validates a framework file; criteria with `use:` are resolved against the catalog.
Loaded load_framework(SourceReader& reader, const std::string& path);
/// Loads and validates an assessment and the framework it names.
Loaded load_assessment(SourceReader& reader, const std::string& path);
/// Loads a framework or an assessment, whichever the file is.
Loaded load(SourceReader& reader, const std::string& path);
/// A framework or an assessment as loaded, for `tradeoff show --resolved`: its `extends:`
/// chain merged into one YAML document, each value followed by a comment naming the file and
/// line it came from, and each catalog criterion by the file that defines it. The file is
/// loaded first: one with errors throws them; its warnings go to `warnings`.
std::string show_resolved(SourceReader& reader, const std::string& path,
                          std::vector<Diagnostic>* warnings = nullptr);
/// Frameworks loaded once and shared, by the path an assessment's `framework:` resolves to, for
/// loading many assessments (`tradeoff batch`). Safe to use from several threads at once.
class FrameworkCache {
 public:
  FrameworkCache();
  ~FrameworkCache();
  FrameworkCache(const FrameworkCache&) = delete;
  FrameworkCache& operator=(const FrameworkCache&) = delete;

  /// The framework at `path` with its warnings, loaded through `reader` the first time it is
  /// asked for and shared afterwards; a framework that does not load throws the same Error
  /// every time, without being read again.
  std::shared_ptr<const Loaded> get(SourceReader& reader, const std::string& path);
  /// How many frameworks were asked for (loaded or failed).
  size_t size() const;

 private:
  struct Entry;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
};

/// An assessment whose framework is shared through a FrameworkCache.
struct SharedAssessment {
  std::shared_ptr<const Loaded> framework;  ///< the framework and its own warnings
  Assessment assessment;
  std::vector<Diagnostic> warnings;  ///< the assessment's own (the framework's are above)
};

/// Loads and validates an assessment, taking its framework from `cache` (loading it there the
/// first time): the same checks and diagnostics as load_assessment().
SharedAssessment load_assessment(SourceReader& reader, const std::string& path,
                                 FrameworkCache& cache);

/// Loads and validates a catalog criterion file.
CatalogCriterion load_criterion(SourceReader& reader, const std::string& path,
                                std::vector<Diagnostic>* warnings = nullptr);
/// Validates any of the three kinds; returns its warnings (and, if asked, what kind of file it
/// was), throws Error with every problem.
std::vector<Diagnostic> validate_file(SourceReader& reader, const std::string& path,
                                      FileKind* kind = nullptr);

/// Each diagnostic's source line as the CLI prints it under the message (see make_excerpt()):
/// escaped, and cut to a window around the caret however long the line. Lines are read from
/// the reader, once per file; a diagnostic's own `excerpt`, when set, is used instead. An empty
/// Excerpt where there is no line.
std::vector<Excerpt> source_excerpts(const std::vector<Diagnostic>& diagnostics,
                                     SourceReader& reader);

}  // namespace tradeoff
