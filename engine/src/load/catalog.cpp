// The public load entry points (tradeoff/catalog.hpp): resolving names to paths, telling file
// kinds apart, finding catalog criteria for `use:`, and loading each kind of file. Each file is
// parsed once; every problem in it is reported together, sorted by DiagnosticSink.
#include "tradeoff/catalog.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "load/extends.hpp"
#include "load/framework_loader.hpp"
#include "load/messages.hpp"
#include "load/score_table.hpp"
#include "load/source_reader.hpp"
#include "load/yaml_tree.hpp"
#include "support/printable.hpp"
#include "support/sha256.hpp"

namespace tradeoff {

namespace {

using loader::is_builtin;
using loader::join;
using loader::parent_of;
using loader::stem_of;

/// Throws a located problem worded by a message builder.
[[noreturn]] void fail_with(SourceLocation where, loader::Message m) {
  fail(m.code, std::move(where), std::move(m.text), std::move(m.hint));
}

}  // namespace

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::Framework:
      return "framework";
    case FileKind::Assessment:
      return "assessment";
    case FileKind::Criterion:
      return "criterion";
  }
  return "framework";
}

// --- resolution ------------------------------------------------------------------------------

std::string resolve_path(SourceReader& reader, const std::string& name) {
  if (reader.exists(name)) return name;
  const bool looks_like_path = name.find('/') != std::string::npos || stem_of(name) != name;
  if (!looks_like_path && !reader.is_directory(name)) {
    for (const char* dir : {"frameworks/", "frameworks/examples/"}) {
      const std::string builtin = std::string(kBuiltinPrefix) + dir + name + ".yaml";
      if (reader.exists(builtin)) return builtin;
    }
    std::vector<std::string> ids;
    for (const char* dir : {"builtin:frameworks", "builtin:frameworks/examples"}) {
      for (const auto& f : reader.list(dir)) ids.push_back(stem_of(f));
    }
    fail_with({name, 0, 0}, loader::unknown_builtin(name, ids));
  }
  // Read it to get the precise I/O error (no such file, a directory, ...).
  reader.read(name);
  return name;
}

namespace {

/// The file's document tree. The document takes the text read (no second copy); callers keep
/// it only while they build the model from it.
yaml::Document parse_file(SourceReader& reader, const std::string& path) {
  yaml::Document doc = yaml::parse(path, reader.read(path));
  if (doc.empty) {
    fail(ErrorCode::WrongKind, {path, 0, 0},
         "file is empty; expected a framework, an assessment or a criterion");
  }
  return doc;
}

FileKind kind_of(const yaml::Document& doc) {
  const yaml::Node& root = doc.root;
  if (!root.is_mapping()) {
    // A scalar root is any text that is not YAML mappings (a file named by mistake, or by a
    // hostile assessment's `framework:`): neither quoted nor echoed, so no file is dumped.
    fail(ErrorCode::WrongKind, root.is_scalar() ? SourceLocation{doc.file, 0, 0} : doc.at(root),
         fmt::format("expected a mapping with 'framework:', 'assessment:' or 'criterion:' at the "
                     "top, got {}",
                     root.is_scalar() ? "a scalar (plain text)" : yaml::describe(root)));
  }
  if (root.find("assessment") != nullptr) return FileKind::Assessment;
  if (root.find("criterion") != nullptr) return FileKind::Criterion;
  if (root.find("framework") != nullptr) return FileKind::Framework;
  std::vector<std::string> keys;
  for (const auto& [k, v] : root.entries) keys.push_back(k.scalar);
  fail_with(doc.at(root), loader::unknown_file_kind(keys));
}

/// "a framework", "an assessment", "a criterion".
std::string a_kind(FileKind kind) {
  return kind == FileKind::Assessment ? "an assessment" : "a " + std::string(to_string(kind));
}

[[noreturn]] void wrong_kind(const yaml::Document& doc, FileKind got, FileKind expected) {
  fail(ErrorCode::WrongKind, doc.at(doc.root),
       fmt::format("expected {} file, got {} file", a_kind(expected), a_kind(got)));
}

/// Finds catalog criteria for a framework: a `criteria/` folder beside the file that says
/// `use:` (a framework of an `extends:` chain looks beside itself), or one level up (the
/// repository layout), then the built-in catalog. A local file that hides a built-in criterion
/// of the same id with other contents is worth a warning: it silently changes what the
/// framework means.
class CatalogResolver {
 public:
  CatalogResolver(SourceReader& reader, DiagnosticSink& sink, std::vector<Diagnostic>& warnings)
      : reader_(reader), sink_(sink), warnings_(warnings) {}

  std::optional<CatalogCriterion> operator()(const std::string& id, const yaml::Node& at,
                                             loader::Context& ctx) {
    const std::vector<std::string> dirs = dirs_for(ctx.at(at).file);
    for (const auto& dir : dirs) {
      const std::string path = join(dir, id + ".yaml");
      if (!reader_.exists(path)) continue;
      if (auto it = cache_.find(path); it != cache_.end()) return it->second;
      try {
        std::vector<Diagnostic> warnings;
        CatalogCriterion c = load_criterion(reader_, path, &warnings);
        used_.push_back({path, detail::sha256_hex(reader_.read(path))});
        for (auto& w : warnings) warnings_.push_back(std::move(w));
        warn_if_shadowing(path, id, at, ctx);
        cache_.emplace(path, c);
        return c;
      } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) sink_.add(d);
        return std::nullopt;
      }
    }
    std::vector<std::string> ids;
    for (const auto& dir : dirs) {
      for (const auto& f : reader_.list(dir)) ids.push_back(stem_of(f));
    }
    ctx.report(at, loader::unknown_reference("catalog criterion", id, "", ids));
    return std::nullopt;
  }

  /// The catalog files loaded so far, in order of first use, with their digests.
  const std::vector<FileDigest>& used() const { return used_; }

 private:
  static std::vector<std::string> dirs_for(const std::string& file) {
    std::vector<std::string> dirs;
    if (!is_builtin(file)) {
      dirs.push_back(join(parent_of(file), "criteria"));
      dirs.push_back(join(parent_of(file), "../criteria"));
    }
    dirs.push_back(std::string(kBuiltinPrefix) + "criteria");
    return dirs;
  }

  void warn_if_shadowing(const std::string& path, const std::string& id, const yaml::Node& at,
                         loader::Context& ctx) {
    const std::string builtin = std::string(kBuiltinPrefix) + "criteria/" + id + ".yaml";
    // An identical copy (the repository's own catalog beside its frameworks) changes nothing.
    if (is_builtin(path) || !reader_.exists(builtin)) return;
    if (reader_.read(path) == reader_.read(builtin)) return;
    ctx.warning(ErrorCode::Shadowed, at,
                fmt::format("catalog criterion '{}' is read from '{}', which shadows the "
                            "built-in '{}'",
                            id, path, builtin),
                "rename the local file, or define the criterion inline with 'id:' to make the "
                "choice explicit");
  }

  SourceReader& reader_;
  DiagnosticSink& sink_;
  std::vector<Diagnostic>& warnings_;
  std::map<std::string, CatalogCriterion> cache_;
  std::vector<FileDigest> used_;
};

/// The digests of a merged document's files: the file itself, then its bases, nearest first.
std::vector<FileDigest> digests_of(SourceReader& reader, const yaml::Document& doc) {
  std::vector<FileDigest> out{{doc.file, detail::sha256_hex(reader.read(doc.file))}};
  for (const auto& base : doc.layers) {
    out.push_back({base.file, detail::sha256_hex(reader.read(base.file))});
  }
  return out;
}

std::vector<Diagnostic> warnings_of(const DiagnosticSink& sink) {
  std::vector<Diagnostic> out;
  for (const auto& d : sink.diagnostics()) {
    if (d.severity != Severity::Error) out.push_back(d);
  }
  return out;
}

/// What a chain removed, as lint names it.
void add_removed(const std::vector<resolve::Removal>& removals, std::vector<RemovedId>& out) {
  for (const auto& r : removals) out.push_back({r.kind, r.id});
}

Framework framework_from(SourceReader& reader, yaml::Document file,
                         std::vector<Diagnostic>& warnings, std::vector<RemovedId>& removed) {
  DiagnosticSink sink;
  resolve::Resolved resolved =
      resolve::resolve_extends(reader, std::move(file), FileKind::Framework, sink);
  add_removed(resolved.removals, removed);
  resolve::prune_removed_references(resolved.doc, resolved.removals, sink);
  const yaml::Document& doc = resolved.doc;
  loader::Context ctx(doc, sink);
  CatalogResolver resolver(reader, sink, warnings);
  loader::CriterionResolver resolve = [&resolver](const std::string& id, const yaml::Node& at,
                                                  loader::Context& c) {
    return resolver(id, at, c);
  };
  std::optional<FileDigest> table;
  Framework fw = loader::read_framework(
      ctx, resolve, [&](Framework& f) { table = loader::attach_framework_table(reader, f, sink); });
  resolve::explain_removed(sink, resolved.removals);
  sink.throw_if_errors();
  fw.files = digests_of(reader, doc);
  fw.files.insert(fw.files.end(), resolver.used().begin(), resolver.used().end());
  if (table) fw.files.push_back(std::move(*table));
  auto own = warnings_of(sink);
  warnings.insert(warnings.end(), own.begin(), own.end());
  return fw;
}

}  // namespace

FileKind detect_kind(SourceReader& reader, const std::string& path) {
  return kind_of(parse_file(reader, path));
}

namespace {

// Each file is parsed once: the public entry points parse, then dispatch on the document.

CatalogCriterion criterion_from(const yaml::Document& doc, const std::string& path,
                                std::vector<Diagnostic>* warnings) {
  const FileKind kind = kind_of(doc);
  if (kind != FileKind::Criterion) wrong_kind(doc, kind, FileKind::Criterion);
  DiagnosticSink sink;
  loader::Context ctx(doc, sink);
  const std::string name =
      path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  CatalogCriterion c = loader::read_catalog_criterion(ctx, stem_of(name));
  sink.throw_if_errors();
  if (warnings != nullptr) *warnings = warnings_of(sink);
  return c;
}

Loaded framework_file(SourceReader& reader, yaml::Document doc) {
  const FileKind kind = kind_of(doc);
  if (kind != FileKind::Framework) wrong_kind(doc, kind, FileKind::Framework);
  Loaded out;
  out.framework = framework_from(reader, std::move(doc), out.warnings, out.removed);
  return out;
}

/// The framework an assessment names: a path relative to the assessment, else a built-in id.
/// Returns "" when there is none (reported at `ref`).
std::string framework_path_of(SourceReader& reader, loader::Context& ctx, const yaml::Node& ref,
                              const std::string& name) {
  const std::string relative = join(parent_of(ctx.at(ref).file), name);
  if (reader.exists(relative)) return relative;
  const bool looks_like_path = name.find('/') != std::string::npos || stem_of(name) != name;
  const std::string builtin = std::string(kBuiltinPrefix) + "frameworks/" + name + ".yaml";
  if (!looks_like_path && reader.exists(builtin)) return builtin;
  if (looks_like_path) {
    ctx.error(ErrorCode::UnknownReference, ref,
              fmt::format("framework file '{}' not found (looked for '{}')", name, relative));
    return {};
  }
  std::vector<std::string> ids;
  for (const auto& f : reader.list("builtin:frameworks")) ids.push_back(stem_of(f));
  ctx.report(ref, loader::unknown_reference(
                      "framework", name,
                      ": not a built-in framework, nor a file beside this assessment", ids));
  return {};
}

/// An assessment read against its framework, with its own warnings.
struct AssessmentOnly {
  Assessment assessment;
  std::vector<Diagnostic> warnings;
  std::vector<RemovedId> removed;  ///< what its own `extends:` chain removed
};

/// The framework an assessment names, by its resolved path; throws Error when it does not load.
using FrameworkAt = std::function<const Framework&(const std::string& path)>;

AssessmentOnly assessment_from(SourceReader& reader, yaml::Document file,
                               const FrameworkAt& framework_at) {
  const FileKind kind = kind_of(file);
  if (kind != FileKind::Assessment) wrong_kind(file, kind, FileKind::Assessment);
  DiagnosticSink sink;
  resolve::Resolved resolved =
      resolve::resolve_extends(reader, std::move(file), FileKind::Assessment, sink);
  const yaml::Document& doc = resolved.doc;
  loader::Context ctx(doc, sink);
  AssessmentOnly out;
  Assessment& assessment = out.assessment;
  assessment = loader::read_assessment_header(ctx);
  const yaml::Node* ref = doc.root.find("framework");
  // Without a framework, report the header's problems with everything else in the file.
  const auto fail_without_framework = [&] {
    Framework none;
    loader::read_assessment_body(ctx, assessment, none);
    sink.throw_if_errors();
  };
  if (ref == nullptr || assessment.framework_ref.empty()) fail_without_framework();
  const std::string fw_path = framework_path_of(reader, ctx, *ref, assessment.framework_ref);
  if (fw_path.empty()) fail_without_framework();
  const Framework& fw = framework_at(fw_path);
  loader::read_assessment_body(ctx, assessment, fw);
  resolve::explain_removed(sink, resolved.removals);
  sink.throw_if_errors();
  std::optional<FileDigest> table;
  if (assessment.table) table = loader::attach_assessment_table(reader, fw, assessment, sink);
  sink.throw_if_errors();
  out.warnings = warnings_of(sink);
  add_removed(resolved.removals, out.removed);
  assessment.files = digests_of(reader, doc);
  if (table) assessment.files.push_back(std::move(*table));
  return out;
}

Loaded assessment_file(SourceReader& reader, yaml::Document doc) {
  Loaded out;
  AssessmentOnly a =
      assessment_from(reader, std::move(doc), [&](const std::string& path) -> const Framework& {
        out = framework_file(reader, parse_file(reader, path));
        return out.framework;
      });
  for (auto& w : a.warnings) out.warnings.push_back(std::move(w));
  out.removed.insert(out.removed.end(), a.removed.begin(), a.removed.end());
  out.assessment = std::move(a.assessment);
  return out;
}

Loaded framework_or_assessment(SourceReader& reader, yaml::Document doc) {
  const FileKind kind = kind_of(doc);
  if (kind == FileKind::Assessment) return assessment_file(reader, std::move(doc));
  if (kind == FileKind::Framework) return framework_file(reader, std::move(doc));
  fail(ErrorCode::WrongKind, doc.at(doc.root),
       "expected a framework or an assessment, got a criterion file",
       "criterion files are used by frameworks through 'use:'; try 'tradeoff validate'");
}

}  // namespace

CatalogCriterion load_criterion(SourceReader& reader, const std::string& path,
                                std::vector<Diagnostic>* warnings) {
  return criterion_from(parse_file(reader, path), path, warnings);
}

namespace {

Loaded sorted(Loaded loaded) {
  sort_by_source(loaded.warnings);
  return loaded;
}

}  // namespace

Loaded load_framework(SourceReader& reader, const std::string& path) {
  return sorted(framework_file(reader, parse_file(reader, path)));
}

Loaded load_assessment(SourceReader& reader, const std::string& path) {
  return sorted(assessment_file(reader, parse_file(reader, path)));
}

Loaded load(SourceReader& reader, const std::string& path) {
  return sorted(framework_or_assessment(reader, parse_file(reader, path)));
}

// --- frameworks shared between assessments ----------------------------------------------------

/// One framework of the cache: loaded by the first caller that asks for it while the others
/// wait on its own lock (other frameworks load meanwhile), then shared, or its error repeated.
struct FrameworkCache::Entry {
  std::mutex mutex;
  bool done = false;
  std::shared_ptr<const Loaded> loaded;
  std::vector<Diagnostic> errors;
};

FrameworkCache::FrameworkCache() = default;
FrameworkCache::~FrameworkCache() = default;

std::shared_ptr<const Loaded> FrameworkCache::get(SourceReader& reader, const std::string& path) {
  std::shared_ptr<Entry> entry;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = entries_[path];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
  }
  const std::lock_guard<std::mutex> lock(entry->mutex);
  if (!entry->done) {
    try {
      entry->loaded = std::make_shared<const Loaded>(load_framework(reader, path));
    } catch (const Error& e) {
      entry->errors = e.diagnostics();
    }
    entry->done = true;
  }
  if (!entry->errors.empty()) throw Error(entry->errors);
  return entry->loaded;
}

size_t FrameworkCache::size() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

SharedAssessment load_assessment(SourceReader& reader, const std::string& path,
                                 FrameworkCache& cache) {
  SharedAssessment out;
  AssessmentOnly a = assessment_from(reader, parse_file(reader, path),
                                     [&](const std::string& fw_path) -> const Framework& {
                                       out.framework = cache.get(reader, fw_path);
                                       return out.framework->framework;
                                     });
  out.assessment = std::move(a.assessment);
  out.warnings = std::move(a.warnings);
  sort_by_source(out.warnings);
  return out;
}

std::vector<Diagnostic> validate_file(SourceReader& reader, const std::string& path,
                                      FileKind* kind) {
  yaml::Document doc = parse_file(reader, path);
  if (kind != nullptr) *kind = kind_of(doc);
  if (kind_of(doc) == FileKind::Criterion) {
    std::vector<Diagnostic> warnings;
    criterion_from(doc, path, &warnings);
    sort_by_source(warnings);
    return warnings;
  }
  return sorted(framework_or_assessment(reader, std::move(doc))).warnings;
}

namespace {

/// A file's text and where each of its lines starts, for excerpts. A file holding a NUL byte is
/// binary (or not meant for us: an assessment's `framework:` may name any file), so none of its
/// lines is shown.
struct SourceLines {
  std::string text;
  std::vector<size_t> starts;

  std::string_view line(int number) const {
    if (number <= 0 || static_cast<size_t>(number) > starts.size()) return {};
    const size_t from = starts[static_cast<size_t>(number) - 1];
    const size_t end = std::min(text.find('\n', from), text.size());
    std::string_view line(text.data() + from, end - from);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }
};

SourceLines lines_of(SourceReader& reader, const std::string& file) {
  SourceLines lines;
  try {
    if (!reader.exists(file)) return lines;
    lines.text = reader.read(file);
  } catch (const Error&) {
    return lines;
  }
  if (lines.text.find('\0') != std::string::npos) {  // not text: nothing of it is echoed
    lines.text.clear();
    return lines;
  }
  if (lines.text.compare(0, 3, "\xEF\xBB\xBF") == 0) lines.text.erase(0, 3);
  for (size_t i = 0; i < lines.text.size();) {
    lines.starts.push_back(i);
    const size_t newline = lines.text.find('\n', i);
    if (newline == std::string::npos) break;
    i = newline + 1;
  }
  return lines;
}

}  // namespace

std::vector<Excerpt> source_excerpts(const std::vector<Diagnostic>& diagnostics,
                                     SourceReader& reader) {
  std::map<std::string, SourceLines> files;
  std::vector<Excerpt> out;
  out.reserve(diagnostics.size());
  // Diagnostics come in source order: on one long line, each caret is found from the last one,
  // so that many problems on a minified line cost one pass over it, not one each.
  struct {
    const char* line = nullptr;
    size_t chars = 0;
    size_t byte = 0;
  } cursor;
  for (const auto& d : diagnostics) {
    std::string_view line = d.excerpt;
    if (line.empty() && d.where.line > 0 && !d.where.file.empty()) {
      auto it = files.find(d.where.file);
      if (it == files.end()) it = files.emplace(d.where.file, lines_of(reader, d.where.file)).first;
      line = it->second.line(d.where.line);
    }
    if (line.empty() || d.where.line <= 0) {
      out.emplace_back();
      continue;
    }
    const size_t want = d.where.column > 0 ? static_cast<size_t>(d.where.column - 1) : 0;
    if (cursor.line != line.data() || cursor.chars > want) cursor = {line.data(), 0, 0};
    size_t counted = 0;
    cursor.byte = detail::advance(line, cursor.byte, want - cursor.chars, counted);
    cursor.chars += counted;
    out.push_back(
        detail::excerpt_at(line, cursor.byte, want - cursor.chars, d.where.column > 0, d.length));
  }
  return out;
}

}  // namespace tradeoff
