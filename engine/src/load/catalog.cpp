// Source readers, the built-in catalog, path resolution, and the public load entry points.
#include "tradeoff/catalog.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/framework_loader.hpp"
#include "load/schema.hpp"
#include "load/yaml_tree.hpp"
#include "suggest.hpp"

namespace tradeoff {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void io_error(const std::string& path, std::string message, std::string hint = {}) {
  Diagnostic d;
  d.code = ErrorCode::Io;
  d.where = {path, 0, 0};
  d.message = std::move(message);
  d.hint = std::move(hint);
  throw Error(std::move(d));
}

bool is_builtin(std::string_view path) { return path.substr(0, kBuiltinPrefix.size()) == kBuiltinPrefix; }

const BuiltinFile* find_builtin(std::string_view path) {
  if (!is_builtin(path)) return nullptr;
  path.remove_prefix(kBuiltinPrefix.size());
  for (const auto& f : builtin_files()) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

std::vector<std::string> list_builtin(std::string_view dir) {
  std::vector<std::string> out;
  if (!is_builtin(dir)) return out;
  dir.remove_prefix(kBuiltinPrefix.size());
  std::string prefix(dir);
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  for (const auto& f : builtin_files()) {
    if (f.path.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = f.path.substr(prefix.size());
    if (rest.find('/') == std::string_view::npos) out.emplace_back(rest);
  }
  return out;
}

std::string stem_of(std::string_view name) {
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) {
      return std::string(name.substr(0, name.size() - ext.size()));
    }
  }
  return std::string(name);
}

/// Directory part of a path ("" for a bare file name), keeping the builtin prefix.
std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) {
    return is_builtin(path) ? std::string(kBuiltinPrefix) : std::string();
  }
  return path.substr(0, slash);
}

/// Joins and normalises lexically, so messages show "criteria/x.yaml", not "a/../criteria/x.yaml".
std::string join(const std::string& dir, const std::string& rel) {
  if (is_builtin(dir)) {
    std::string inner = dir.substr(kBuiltinPrefix.size());
    fs::path p = inner.empty() ? fs::path(rel) : fs::path(inner) / rel;
    return std::string(kBuiltinPrefix) + p.lexically_normal().generic_string();
  }
  if (dir.empty()) return fs::path(rel).lexically_normal().generic_string();
  return (fs::path(dir) / rel).lexically_normal().generic_string();
}

}  // namespace

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::Framework: return "framework";
    case FileKind::Assessment: return "assessment";
    case FileKind::Criterion: return "criterion";
  }
  return "framework";
}

// --- readers ---------------------------------------------------------------------------------

std::string FileReader::read(const std::string& path) {
  if (auto it = cache_.find(path); it != cache_.end()) return it->second;
  if (is_builtin(path)) {
    const BuiltinFile* f = find_builtin(path);
    if (f == nullptr) io_error(path, "no such built-in file");
    return cache_.emplace(path, std::string(f->text)).first->second;
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) io_error(path, "no such file");
  if (fs::is_directory(status)) io_error(path, "is a directory, not a file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > yaml::kMaxFileBytes) {
    io_error(path, fmt::format("file is too large ({} bytes; the limit is {} MiB)", size,
                               yaml::kMaxFileBytes >> 20));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) io_error(path, "cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) io_error(path, "cannot read file");
  return cache_.emplace(path, buffer.str()).first->second;
}

bool FileReader::exists(const std::string& path) {
  if (is_builtin(path)) return find_builtin(path) != nullptr;
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool FileReader::is_directory(const std::string& path) {
  if (is_builtin(path)) return false;
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<std::string> FileReader::list(const std::string& dir) {
  if (is_builtin(dir)) return list_builtin(dir);
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (stem_of(name) != name && it->is_regular_file(ec)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string MemoryReader::read(const std::string& path) {
  if (is_builtin(path)) {
    const BuiltinFile* f = find_builtin(path);
    if (f == nullptr) io_error(path, "no such built-in file");
    return std::string(f->text);
  }
  auto it = files_.find(path);
  if (it == files_.end()) io_error(path, "no such file");
  return it->second;
}

bool MemoryReader::exists(const std::string& path) {
  if (is_builtin(path)) return find_builtin(path) != nullptr;
  return files_.count(path) > 0;
}

std::vector<std::string> MemoryReader::list(const std::string& dir) {
  if (is_builtin(dir)) return list_builtin(dir);
  std::vector<std::string> out;
  const std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, text] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = path.substr(prefix.size());
    if (rest.find('/') == std::string::npos && stem_of(rest) != rest) out.push_back(rest);
  }
  return out;
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
    io_error(name, "no such file, and no built-in framework or example with this id",
             detail::did_you_mean(name, ids));
  }
  // Read it to get the precise I/O error (no such file, a directory, ...).
  reader.read(name);
  return name;
}

namespace {

yaml::Document parse_file(SourceReader& reader, const std::string& path) {
  const std::string text = reader.read(path);
  yaml::Document doc = yaml::parse(path, text);
  if (doc.empty) {
    Diagnostic d;
    d.code = ErrorCode::WrongKind;
    d.where = {path, 0, 0};
    d.message = "file is empty; expected a framework, an assessment or a criterion";
    throw Error(std::move(d));
  }
  return doc;
}

FileKind kind_of(const yaml::Document& doc) {
  const yaml::Node& root = doc.root;
  if (!root.is_mapping()) {
    Diagnostic d;
    d.code = ErrorCode::WrongKind;
    d.where = doc.at(root);
    d.message = fmt::format(
        "expected a mapping with 'framework:', 'assessment:' or 'criterion:' at the top, got {}",
        yaml::describe(root));
    throw Error(std::move(d));
  }
  if (root.find("assessment") != nullptr) return FileKind::Assessment;
  if (root.find("criterion") != nullptr) return FileKind::Criterion;
  if (root.find("framework") != nullptr) return FileKind::Framework;
  Diagnostic d;
  d.code = ErrorCode::WrongKind;
  d.where = doc.at(root);
  d.message =
      "cannot tell what this file is: expected a top-level 'framework:', 'assessment:' or "
      "'criterion:' key";
  std::vector<std::string> keys;
  for (const auto& [k, v] : root.entries) keys.push_back(k.scalar);
  for (const char* kind : {"framework", "assessment", "criterion"}) {
    const std::string near = detail::closest(kind, keys);
    if (!near.empty()) {
      d.hint = fmt::format("did you mean '{}' instead of '{}'?", kind, near);
      break;
    }
  }
  throw Error(std::move(d));
}

[[noreturn]] void wrong_kind(const yaml::Document& doc, FileKind got, FileKind expected) {
  Diagnostic d;
  d.code = ErrorCode::WrongKind;
  d.where = doc.at(doc.root);
  d.message = fmt::format("expected {} file, got {} file",
                          expected == FileKind::Assessment ? "an assessment" : std::string("a ") + std::string(to_string(expected)),
                          got == FileKind::Assessment ? "an assessment" : std::string("a ") + std::string(to_string(got)));
  throw Error(std::move(d));
}

/// Finds catalog criteria for a framework: a `criteria/` folder beside the framework, or one
/// level up (the repository layout), then the built-in catalog.
class CatalogResolver {
 public:
  CatalogResolver(SourceReader& reader, const std::string& framework_path,
                  DiagnosticSink& sink, std::vector<Diagnostic>& warnings)
      : reader_(reader), sink_(sink), warnings_(warnings) {
    const std::string dir = parent_of(framework_path);
    if (!is_builtin(framework_path)) {
      dirs_.push_back(join(dir, "criteria"));
      dirs_.push_back(join(dir, "../criteria"));
    }
    dirs_.push_back(std::string(kBuiltinPrefix) + "criteria");
  }

  std::optional<CatalogCriterion> operator()(const std::string& id, const yaml::Node& at,
                                             loader::Context& ctx) {
    for (const auto& dir : dirs_) {
      const std::string path = join(dir, id + ".yaml");
      if (!reader_.exists(path)) continue;
      if (auto it = cache_.find(path); it != cache_.end()) return it->second;
      try {
        std::vector<Diagnostic> warnings;
        CatalogCriterion c = load_criterion(reader_, path, &warnings);
        for (auto& w : warnings) warnings_.push_back(std::move(w));
        cache_.emplace(path, c);
        return c;
      } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) sink_.add(d);
        return std::nullopt;
      }
    }
    std::vector<std::string> ids;
    for (const auto& dir : dirs_) {
      for (const auto& f : reader_.list(dir)) ids.push_back(stem_of(f));
    }
    ctx.error(ErrorCode::UnknownReference, at,
              fmt::format("unknown catalog criterion '{}'", id), detail::did_you_mean(id, ids));
    return std::nullopt;
  }

 private:
  SourceReader& reader_;
  DiagnosticSink& sink_;
  std::vector<Diagnostic>& warnings_;
  std::vector<std::string> dirs_;
  std::map<std::string, CatalogCriterion> cache_;
};

std::vector<Diagnostic> warnings_of(const DiagnosticSink& sink) {
  std::vector<Diagnostic> out;
  for (const auto& d : sink.diagnostics()) {
    if (d.severity != Severity::Error) out.push_back(d);
  }
  return out;
}

Framework framework_from(SourceReader& reader, const yaml::Document& doc,
                         std::vector<Diagnostic>& warnings) {
  DiagnosticSink sink;
  loader::Context ctx(doc, sink);
  CatalogResolver resolver(reader, doc.file, sink, warnings);
  loader::CriterionResolver resolve = [&resolver](const std::string& id, const yaml::Node& at,
                                                loader::Context& c) { return resolver(id, at, c); };
  Framework fw = loader::read_framework(ctx, resolve);
  sink.throw_if_errors();
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
  const std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  CatalogCriterion c = loader::read_catalog_criterion(ctx, stem_of(name));
  sink.throw_if_errors();
  if (warnings != nullptr) *warnings = warnings_of(sink);
  return c;
}

Loaded framework_file(SourceReader& reader, const yaml::Document& doc) {
  const FileKind kind = kind_of(doc);
  if (kind != FileKind::Framework) wrong_kind(doc, kind, FileKind::Framework);
  Loaded out;
  out.framework = framework_from(reader, doc, out.warnings);
  return out;
}

Loaded assessment_file(SourceReader& reader, const yaml::Document& doc) {
  const FileKind kind = kind_of(doc);
  if (kind != FileKind::Assessment) wrong_kind(doc, kind, FileKind::Assessment);
  const std::string& path = doc.file;
  DiagnosticSink sink;
  loader::Context ctx(doc, sink);
  Assessment assessment = loader::read_assessment_header(ctx);
  const yaml::Node* ref = doc.root.find("framework");
  if (ref == nullptr || assessment.framework_ref.empty()) {
    // Report the header problems together with everything else in the file.
    Framework none;
    loader::read_assessment_body(ctx, assessment, none);
    sink.throw_if_errors();
  }
  // The framework: a path relative to the assessment, else a built-in id.
  std::string fw_path;
  const std::string& name = assessment.framework_ref;
  const std::string relative = join(parent_of(path), name);
  if (reader.exists(relative)) {
    fw_path = relative;
  } else {
    const bool looks_like_path = name.find('/') != std::string::npos || stem_of(name) != name;
    const std::string builtin = std::string(kBuiltinPrefix) + "frameworks/" + name + ".yaml";
    if (!looks_like_path && reader.exists(builtin)) {
      fw_path = builtin;
    } else {
      std::vector<std::string> ids;
      for (const auto& f : reader.list("builtin:frameworks")) ids.push_back(stem_of(f));
      ctx.error(ErrorCode::UnknownReference, *ref,
                looks_like_path
                    ? fmt::format("framework file '{}' not found (looked for '{}')", name, relative)
                    : fmt::format("unknown framework '{}': not a built-in framework, nor a "
                                  "file beside this assessment",
                                  name),
                looks_like_path ? std::string() : detail::did_you_mean(name, ids));
      Framework none;
      loader::read_assessment_body(ctx, assessment, none);
      sink.throw_if_errors();
    }
  }
  Loaded out = framework_file(reader, parse_file(reader, fw_path));
  loader::read_assessment_body(ctx, assessment, out.framework);
  sink.throw_if_errors();
  for (auto& w : warnings_of(sink)) out.warnings.push_back(std::move(w));
  out.assessment = std::move(assessment);
  return out;
}

Loaded framework_or_assessment(SourceReader& reader, const yaml::Document& doc) {
  const FileKind kind = kind_of(doc);
  if (kind == FileKind::Assessment) return assessment_file(reader, doc);
  if (kind == FileKind::Framework) return framework_file(reader, doc);
  Diagnostic d;
  d.code = ErrorCode::WrongKind;
  d.where = doc.at(doc.root);
  d.message = "expected a framework or an assessment, got a criterion file";
  d.hint = "criterion files are used by frameworks through 'use:'; try 'tradeoff validate'";
  throw Error(std::move(d));
}

}  // namespace

CatalogCriterion load_criterion(SourceReader& reader, const std::string& path,
                                std::vector<Diagnostic>* warnings) {
  return criterion_from(parse_file(reader, path), path, warnings);
}

Loaded load_framework(SourceReader& reader, const std::string& path) {
  return framework_file(reader, parse_file(reader, path));
}

Loaded load_assessment(SourceReader& reader, const std::string& path) {
  return assessment_file(reader, parse_file(reader, path));
}

Loaded load(SourceReader& reader, const std::string& path) {
  return framework_or_assessment(reader, parse_file(reader, path));
}

std::vector<Diagnostic> validate_file(SourceReader& reader, const std::string& path,
                                      FileKind* kind) {
  const yaml::Document doc = parse_file(reader, path);
  if (kind != nullptr) *kind = kind_of(doc);
  if (kind_of(doc) == FileKind::Criterion) {
    std::vector<Diagnostic> warnings;
    criterion_from(doc, path, &warnings);
    return warnings;
  }
  return framework_or_assessment(reader, doc).warnings;
}

void attach_excerpts(std::vector<Diagnostic>& diagnostics, SourceReader& reader) {
  std::map<std::string, std::vector<std::string>> lines_of;
  for (auto& d : diagnostics) {
    if (!d.excerpt.empty() || d.where.line <= 0 || d.where.file.empty()) continue;
    auto it = lines_of.find(d.where.file);
    if (it == lines_of.end()) {
      std::vector<std::string> lines;
      try {
        if (reader.exists(d.where.file)) {
          std::string text = reader.read(d.where.file);
          if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
          std::istringstream in(text);
          for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            lines.push_back(std::move(line));
          }
        }
      } catch (const Error&) {
        lines.clear();
      }
      it = lines_of.emplace(d.where.file, std::move(lines)).first;
    }
    const auto& lines = it->second;
    if (static_cast<size_t>(d.where.line) <= lines.size()) {
      d.excerpt = lines[static_cast<size_t>(d.where.line) - 1];
    }
  }
}

}  // namespace tradeoff
