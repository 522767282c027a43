// `tradeoff show FILE [--resolved]`: a framework or an assessment as written (a built-in's YAML
// too), or as loaded, its `extends:` chain merged and each value annotated with its file.
#include <memory>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/catalog.hpp"

namespace tradeoff::cli {

namespace {

struct ShowOptions {
  std::string file;
  bool resolved = false;
};

int run_show(const ShowOptions& o) {
  SourceReader& reader = source_reader();
  const std::string path = resolve_path(reader, o.file);
  if (!o.resolved) {
    write_to(stdout, reader.read(path));
    return kExitOk;
  }
  std::vector<Diagnostic> warnings;
  const std::string text = show_resolved(reader, path, &warnings);
  if (!warnings.empty()) print_diagnostics(stderr, warnings);
  write_to(stdout, text);
  return kExitOk;
}

}  // namespace

void add_show_command(CLI::App& app, Command& selected) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand(
      "show", "Print a framework or an assessment: as written, or as loaded with --resolved");
  sub->add_option("file", options->file, "A framework or assessment file, or a built-in id")
      ->required();
  sub->add_flag("--resolved", options->resolved,
                "Merge its 'extends:' chain and annotate every value with its file and line");
  sub->callback([&selected, options] { selected = [options] { return run_show(*options); }; });
}

}  // namespace tradeoff::cli
