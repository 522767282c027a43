// Overlays: a framework or an assessment that `extends:` a base (a built-in id or a relative
// path) is merged over it at the level of the YAML tree, before any section is read. Every node
// keeps the file it was written in (yaml::Node::layer), so each diagnostic points at the file
// that holds the offending text, whichever level of the chain that is.
#pragma once

#include <string>
#include <vector>

#include "load/yaml_tree.hpp"
#include "tradeoff/catalog.hpp"

namespace tradeoff::resolve {

/// An entry an overlay's `remove:` took out of its base.
struct Removal {
  std::string kind;  ///< "option", "criterion", "input", "derived value", "rule", "source", ...
  std::string id;
  SourceLocation where;  ///< the id in the `remove:` list
};

struct Resolved {
  yaml::Document doc;  ///< the merged tree; doc.layers holds the bases, nearest first
  std::vector<Removal> removals;
};

/// Resolves a file's `extends:` chain: reads each base, takes out what the overlay's `remove:`
/// lists, then merges the overlay over it (see merge_overlay). Without `extends:` the document
/// comes back as it was. A base that cannot be found or is of another kind, a cycle, or a chain
/// deeper than kMaxChain throws Error with the problems collected in `sink`.
Resolved resolve_extends(SourceReader& reader, yaml::Document doc, FileKind kind,
                         DiagnosticSink& sink);

inline constexpr std::size_t kMaxChain = 16;

/// Merges `overlay` (a framework's or an assessment's top-level mapping) over `base`:
/// scalars and whole sections such as `method:` are replaced; `inputs`, `derived` and `sources`
/// merge by key (a framework's input entries field by field); `criteria` and `options` merge by
/// id field by field (an option's `scores` by criterion); `rules` are replaced by id; an
/// assessment's `scores` merge by option, then criterion. New entries are appended.
void merge_overlay(yaml::Node& base, yaml::Node overlay, FileKind kind);

/// Takes out of `base` what `remove` lists (written in `overlay`), recording each removal;
/// an id the base does not have is reported into `sink`.
void apply_removals(yaml::Node& base, const yaml::Node& remove, const yaml::Document& overlay,
                    FileKind kind, DiagnosticSink& sink, std::vector<Removal>& out);

/// Drops references to removed options and criteria from the rules' effects, each with a
/// warning at the reference; a rule left without an effect is dropped too.
void prune_removed_references(yaml::Document& doc, const std::vector<Removal>& removals,
                              DiagnosticSink& sink);

/// Unknown-reference errors that name a removed entry say where it was removed.
void explain_removed(DiagnosticSink& sink, const std::vector<Removal>& removals);

}  // namespace tradeoff::resolve
