// `tradeoff show --resolved`: a file's `extends:` chain merged into one YAML document, each
// value followed by the file and line it came from. The output is itself a valid framework (or
// assessment), block style throughout, that loads to the same model.
#include <cctype>
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "load/extends.hpp"
#include "load/yaml_tree.hpp"

namespace tradeoff {

namespace {

/// Can the scalar be written plain and read back as the same string (and type)?
bool plain_safe(const yaml::Node& n) {
  const std::string& s = n.scalar;
  if (n.style != yaml::Style::Plain || s.empty()) return false;
  const bool negative_number = s[0] == '-' && s.size() > 1 && std::isdigit(s[1]) != 0;
  if (std::strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) != nullptr && !negative_number) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

class Emitter {
 public:
  Emitter(const yaml::Document& doc, const std::map<std::string, std::string>& criterion_files)
      : doc_(doc), criterion_files_(criterion_files) {}

  std::string run() {
    entries(doc_.root, 0, false, false);
    return std::move(out_);
  }

 private:
  std::string where(const yaml::Node& n) const {
    return fmt::format("{}:{}", doc_.source_of(n).file, n.line);
  }

  static std::string text(const yaml::Node& n) {
    if (n.is_null()) return "null";
    if (n.is_sequence()) return "[]";
    if (n.is_mapping()) return "{}";
    return plain_safe(n) ? n.scalar : quoted(n.scalar);
  }

  void line(const std::string& lead, const yaml::Node& origin, const std::string& extra = {}) {
    out_ += lead + "  # " + where(origin) + extra + "\n";
  }

  /// A mapping's entries at `indent`; `dash` starts the first with "- " (a list item).
  void entries(const yaml::Node& map, int indent, bool dash, bool criteria) {
    bool first = true;
    for (const auto& [key, value] : map.entries) {
      std::string lead(static_cast<size_t>(indent), ' ');
      if (dash) lead += first ? "- " : "  ";
      first = false;
      lead += text(key) + ":";
      const int inner = indent + (dash ? 2 : 0) + 2;
      std::string extra;
      if (criteria && key.scalar == "use" && value.is_scalar()) {
        auto it = criterion_files_.find(value.scalar);
        if (it != criterion_files_.end()) extra = "; defined in " + it->second;
      }
      this->value(lead, value, inner, key, extra, indent == 0 && !dash && key.scalar == "criteria");
    }
  }

  void value(const std::string& lead, const yaml::Node& v, int inner, const yaml::Node& key,
             const std::string& extra, bool criteria) {
    if (v.is_mapping() && !v.entries.empty()) {
      line(lead, key);
      entries(v, inner, false, false);
    } else if (v.is_sequence() && !v.items.empty()) {
      line(lead, key);
      items(v, inner, criteria);
    } else {
      line(lead + " " + text(v), v.is_scalar() ? v : key, extra);
    }
  }

  void items(const yaml::Node& seq, int indent, bool criteria) {
    const std::string pad(static_cast<size_t>(indent), ' ');
    for (const auto& item : seq.items) {
      if (item.is_mapping() && !item.entries.empty()) {
        entries(item, indent, true, criteria);
      } else if (item.is_sequence() && !item.items.empty()) {
        line(pad + "-", item);
        items(item, indent + 2, false);
      } else {
        line(pad + "- " + text(item), item);
      }
    }
  }

  const yaml::Document& doc_;
  const std::map<std::string, std::string>& criterion_files_;
  std::string out_;
};

}  // namespace

std::string show_resolved(SourceReader& reader, const std::string& path,
                          std::vector<Diagnostic>* warnings) {
  const Loaded loaded = load(reader, path);  // a file with errors throws them
  if (warnings != nullptr) *warnings = loaded.warnings;
  const FileKind kind = loaded.assessment ? FileKind::Assessment : FileKind::Framework;
  DiagnosticSink sink;
  resolve::Resolved resolved =
      resolve::resolve_extends(reader, yaml::parse(path, reader.read(path)), kind, sink);
  resolve::prune_removed_references(resolved.doc, resolved.removals, sink);
  std::map<std::string, std::string> criterion_files;
  if (kind == FileKind::Framework) {
    for (const auto& c : loaded.framework.criteria) {
      if (!c.catalog.empty()) criterion_files.emplace(c.catalog, c.file);
    }
  }
  std::string out =
      fmt::format("# {} '{}' as loaded, from:\n", to_string(kind),
                  kind == FileKind::Framework ? loaded.framework.id : loaded.assessment->id);
  out += "#   " + resolved.doc.file + "\n";
  for (const auto& base : resolved.doc.layers) out += "#   " + base.file + " (extended)\n";
  for (const auto& r : resolved.removals) {
    out += fmt::format("# removed {} '{}' at {}\n", r.kind, r.id, format_location(r.where));
  }
  return out + Emitter(resolved.doc, criterion_files).run();
}

}  // namespace tradeoff
