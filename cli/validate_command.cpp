// `tradeoff validate`: lint frameworks, criteria and assessments; report every problem, and
// evaluate frameworks and assessments at their defaults, as `evaluate` would.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  bool quiet = false;
};

int run_validate(const ValidateOptions& opt) {
  SourceReader& reader = source_reader();
  int failed = 0;
  for (const auto& name : opt.files) {
    try {
      const std::string path = resolve_path(reader, name);
      FileKind kind = FileKind::Framework;
      auto warnings = validate_file(reader, path, &kind);
      if (kind != FileKind::Criterion) {
        // A file is valid when it evaluates: at its defaults, as `evaluate` would run it.
        const Loaded loaded = load(reader, path);
        const Result result =
            evaluate(loaded.framework, loaded.assessment ? &*loaded.assessment : nullptr);
        warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());
      }
      print_diagnostics(stderr, warnings);
      if (!opt.quiet) {
        write_to(stdout,
                 fmt::format("{}: ok ({}{})\n", path, to_string(kind),
                             warnings.empty() ? ""
                                              : fmt::format(", {} warning{}", warnings.size(),
                                                            warnings.size() == 1 ? "" : "s")));
      }
    } catch (const Error& e) {
      print_diagnostics(stderr, e.diagnostics());
      ++failed;
    }
  }
  return failed > 0 ? kExitInputError : kExitOk;
}

}  // namespace

void add_validate_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand(
      "validate", "Check frameworks, criteria and assessments; report every problem at once");
  sub->add_option("files", opt->files, "YAML files (or built-in ids) to check")->required();
  sub->add_flag("-q,--quiet", opt->quiet, "Print only problems");
  sub->callback([opt, &selected] { selected = [opt] { return run_validate(*opt); }; });
}

}  // namespace tradeoff::cli
