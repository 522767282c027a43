// The `extends:` chain: finding each base, refusing cycles, and stacking the files' trees so
// that each node still knows its file; then the references a `remove:` left dangling.
#include "load/extends.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "load/messages.hpp"
#include "load/source_reader.hpp"

namespace tradeoff::resolve {

namespace {

using loader::is_builtin;
using loader::join;
using loader::parent_of;
using loader::stem_of;

/// Adds `shift` to the layer of every node: the tree moves one file further down the stack.
void retag(yaml::Node& node, uint16_t shift) {
  node.layer = static_cast<uint16_t>(node.layer + shift);
  for (auto& item : node.items) retag(item, shift);
  for (auto& [key, value] : node.entries) {
    retag(key, shift);
    retag(value, shift);
  }
}

/// The base `extends:` names: a file relative to the overlay, else a built-in framework (or,
/// for an assessment, a built-in example) with that id. Throws when there is none.
std::string base_path(SourceReader& reader, const yaml::Document& doc, const yaml::Node& ref,
                      FileKind kind, DiagnosticSink& sink) {
  const std::string& name = ref.scalar;
  const std::string relative = join(parent_of(doc.file), name);
  if (reader.exists(relative)) return relative;
  const bool looks_like_path = name.find('/') != std::string::npos || stem_of(name) != name;
  const char* dir = kind == FileKind::Framework ? "frameworks" : "frameworks/examples";
  const std::string builtin = fmt::format("{}{}/{}.yaml", kBuiltinPrefix, dir, name);
  if (!looks_like_path && reader.exists(builtin)) return builtin;
  if (looks_like_path) {
    sink.error(ErrorCode::UnknownReference, doc.at(ref),
               fmt::format("cannot extend '{}': no such file (looked for '{}')", name, relative));
  } else {
    std::vector<std::string> ids;
    for (const auto& f : reader.list(std::string(kBuiltinPrefix) + dir)) ids.push_back(stem_of(f));
    loader::Message m =
        loader::unknown_reference(kind == FileKind::Framework ? "framework" : "example assessment",
                                  name, ": not a built-in one, nor a file beside this one", ids);
    sink.error(m.code, doc.at(ref), std::move(m.text), std::move(m.hint));
  }
  sink.throw_if_errors();
  return {};
}

/// Parses a base and checks it is of the overlay's kind.
yaml::Document parse_base(SourceReader& reader, const std::string& path, const yaml::Document& doc,
                          const yaml::Node& ref, FileKind kind, DiagnosticSink& sink) {
  yaml::Document base = yaml::parse(path, reader.read(path));
  const char* want = kind == FileKind::Framework ? "framework" : "assessment";
  const bool ok = base.root.is_mapping() && base.root.find(want) != nullptr &&
                  (kind == FileKind::Assessment || base.root.find("assessment") == nullptr);
  if (!ok) {
    sink.error(ErrorCode::WrongKind, doc.at(ref),
               fmt::format("'{}' is not {} file; {} can only extend {}", ref.scalar,
                           kind == FileKind::Framework ? "a framework" : "an assessment",
                           kind == FileKind::Framework ? "a framework" : "an assessment",
                           kind == FileKind::Framework ? "a framework" : "an assessment"));
    sink.throw_if_errors();
  }
  return base;
}

std::string chain_text(const std::vector<std::string>& chain, const std::string& last) {
  std::string out;
  for (const auto& f : chain) out += f + " -> ";
  return out + last;
}

Resolved resolve_chain(SourceReader& reader, yaml::Document doc, FileKind kind,
                       DiagnosticSink& sink, std::vector<std::string>& chain) {
  const yaml::Node* ext = doc.root.is_mapping() ? doc.root.find("extends") : nullptr;
  const yaml::Node* rem = doc.root.is_mapping() ? doc.root.find("remove") : nullptr;
  if (ext == nullptr) {
    if (rem != nullptr) {
      sink.error(ErrorCode::Conflict, doc.at(*rem),
                 "'remove' takes entries out of a base, but this file extends none",
                 "add 'extends: BASE' (a built-in id or a relative path)");
      std::vector<std::pair<yaml::Node, yaml::Node>> entries;
      for (auto& e : doc.root.entries) {
        if (e.first.scalar != "remove") entries.push_back(std::move(e));
      }
      doc.root.entries = yaml::List<std::pair<yaml::Node, yaml::Node>>(entries);
    }
    return {std::move(doc), {}};
  }
  if (!ext->is_scalar() || ext->scalar.empty()) {
    sink.error(ErrorCode::WrongType, doc.at(*ext),
               fmt::format("expected a built-in id or a relative path for 'extends', got {}",
                           yaml::describe(*ext)));
    sink.throw_if_errors();
  }
  const std::string path = base_path(reader, doc, *ext, kind, sink);
  if (std::find(chain.begin(), chain.end(), path) != chain.end()) {
    sink.error(ErrorCode::Cycle, doc.at(*ext),
               fmt::format("'extends' makes a cycle: {}", chain_text(chain, path)));
    sink.throw_if_errors();
  }
  if (chain.size() >= kMaxChain) {
    sink.error(ErrorCode::YamlLimit, doc.at(*ext),
               fmt::format("'extends' chain longer than {} files", kMaxChain));
    sink.throw_if_errors();
  }
  chain.push_back(path);
  Resolved base =
      resolve_chain(reader, parse_base(reader, path, doc, *ext, kind, sink), kind, sink, chain);
  if (rem != nullptr) apply_removals(base.doc.root, *rem, doc, kind, sink, base.removals);

  yaml::Node merged = std::move(base.doc.root);
  retag(merged, 1);
  merge_overlay(merged, std::move(doc.root), kind);
  Resolved out{std::move(doc), std::move(base.removals)};
  out.doc.root = std::move(merged);
  std::vector<yaml::Document> deeper = std::move(base.doc.layers);
  base.doc.layers.clear();
  out.doc.layers.push_back(std::move(base.doc));
  for (auto& d : deeper) out.doc.layers.push_back(std::move(d));
  return out;
}

}  // namespace

Resolved resolve_extends(SourceReader& reader, yaml::Document doc, FileKind kind,
                         DiagnosticSink& sink) {
  std::vector<std::string> chain{doc.file};
  return resolve_chain(reader, std::move(doc), kind, sink, chain);
}

// --- references to removed entries ----------------------------------------------------------

namespace {

class Pruner {
 public:
  Pruner(yaml::Document& doc, const std::vector<Removal>& removals, DiagnosticSink& sink)
      : doc_(doc), removals_(removals), sink_(sink) {}

  /// False when the rule has no effect left.
  bool rule(yaml::Node& rule) {
    if (!rule.is_mapping()) return true;
    const yaml::Node* id = rule.find("id");
    rule_ = id != nullptr && id->is_scalar() ? id->scalar : "?";
    std::vector<std::pair<yaml::Node, yaml::Node>> kept;
    bool effect = false;
    for (auto& entry : rule.entries) {
      const std::string& key = entry.first.scalar;
      const bool keep = key == "veto"     ? ids(entry.second, "option")
                        : key == "adjust" ? effects(entry.second, true)
                        : key == "weight" ? effects(entry.second, false)
                                          : true;
      if (keep) {
        effect |= key == "veto" || key == "adjust" || key == "weight" || key == "note";
        kept.push_back(std::move(entry));
      }
    }
    rule.entries = yaml::List<std::pair<yaml::Node, yaml::Node>>(kept);
    if (!effect && id != nullptr) {
      sink_.warning(
          ErrorCode::RemovedReference, doc_.at(rule),
          fmt::format("rule '{}' is dropped: every effect it had named a removed entry", rule_));
    }
    return effect;
  }

 private:
  const Removal* removed(const std::string& kind, const yaml::Node& n) const {
    if (!n.is_scalar()) return nullptr;
    for (const auto& r : removals_) {
      if (r.kind == kind && r.id == n.scalar) return &r;
    }
    return nullptr;
  }

  void warn(const yaml::Node& at, const Removal& r) {
    sink_.warning(ErrorCode::RemovedReference, doc_.at(at),
                  fmt::format("rule '{}' names {} '{}', which is removed at {}; the reference "
                              "is dropped",
                              rule_, r.kind, r.id, format_location(r.where)));
  }

  /// A list of ids (or one id) with the removed ones taken out; false when none is left.
  bool ids(yaml::Node& list, const std::string& kind) {
    if (const Removal* r = removed(kind, list)) {
      warn(list, *r);
      return false;
    }
    if (!list.is_sequence()) return true;
    std::vector<yaml::Node> kept;
    for (auto& n : list.items) {
      if (const Removal* r = removed(kind, n)) {
        warn(n, *r);
      } else {
        kept.push_back(std::move(n));
      }
    }
    list.items = yaml::List<yaml::Node>(kept);
    return !list.items.empty();
  }

  /// One effect (`{option, criterion, ...}`), false when it names a removed entry it cannot do
  /// without.
  bool effect(yaml::Node& e, bool has_options) {
    if (!e.is_mapping()) return true;
    for (auto& [key, value] : e.entries) {
      if (key.scalar == "criterion") {
        if (const Removal* r = removed("criterion", value)) {
          warn(value, *r);
          return false;
        }
      } else if (key.scalar == "option" && has_options && !ids(value, "option")) {
        return false;
      }
    }
    return true;
  }

  /// An effect or a list of them, with those naming removed entries taken out.
  bool effects(yaml::Node& node, bool has_options) {
    if (node.is_mapping()) return effect(node, has_options);
    if (!node.is_sequence()) return true;
    std::vector<yaml::Node> kept;
    for (auto& e : node.items) {
      if (effect(e, has_options)) kept.push_back(std::move(e));
    }
    node.items = yaml::List<yaml::Node>(kept);
    return !node.items.empty();
  }

  yaml::Document& doc_;
  const std::vector<Removal>& removals_;
  DiagnosticSink& sink_;
  std::string rule_;
};

}  // namespace

void prune_removed_references(yaml::Document& doc, const std::vector<Removal>& removals,
                              DiagnosticSink& sink) {
  if (removals.empty() || !doc.root.is_mapping()) return;
  for (auto& [key, rules] : doc.root.entries) {
    if (key.scalar != "rules" || !rules.is_sequence()) continue;
    Pruner pruner(doc, removals, sink);
    std::vector<yaml::Node> kept;
    for (auto& rule : rules.items) {
      if (pruner.rule(rule)) kept.push_back(std::move(rule));
    }
    rules.items = yaml::List<yaml::Node>(kept);
  }
}

void explain_removed(DiagnosticSink& sink, const std::vector<Removal>& removals) {
  if (removals.empty()) return;
  std::vector<Diagnostic> all = sink.take();
  DiagnosticSink out;
  for (auto& d : all) {
    if (d.severity == Severity::Error && d.code == ErrorCode::UnknownReference) {
      for (const auto& r : removals) {
        if (d.message.find("'" + r.id + "'") == std::string::npos) continue;
        d.message +=
            fmt::format(" ({} '{}' is removed at {})", r.kind, r.id, format_location(r.where));
        break;
      }
    }
    out.add(std::move(d));
  }
  sink = std::move(out);
}

}  // namespace tradeoff::resolve
