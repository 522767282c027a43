// `tradeoff init DIR [--from FRAMEWORK]`: scaffolds a client folder, a framework that extends a
// base framework and an assessment that answers it (tradeoff/scaffold.hpp). It never overwrites
// a file: when either file exists, it writes nothing.
#include <filesystem>
#include <memory>
#include <system_error>

#include <fmt/format.h>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "output.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/printable.hpp"
#include "tradeoff/scaffold.hpp"

namespace tradeoff::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultBase = "llm_build_vs_buy";

struct InitOptions {
  std::string dir;
  std::string from = kDefaultBase;
  std::string date;
  bool dry_run = false;
};

/// A real date as YYYY-MM-DD, or a usage error: the date is written into the assessment.
void check_date(const std::string& date) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  bool shape = date.size() == 10 && date[4] == '-' && date[7] == '-';
  for (size_t k = 0; shape && k < date.size(); ++k) {
    if (k != 4 && k != 7) shape = date[k] >= '0' && date[k] <= '9';
  }
  const int month = shape ? std::stoi(date.substr(5, 2)) : 0;
  if (month < 1 || month > 12) {
    fail(ErrorCode::Usage, {"tradeoff", 0, 0},
         fmt::format("--date expects a date as YYYY-MM-DD, got '{}'", date));
  }
  const int year = std::stoi(date.substr(0, 4));
  const int day = std::stoi(date.substr(8, 2));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day < 1 || day > days) {
    fail(ErrorCode::Usage, {"tradeoff", 0, 0},
         fmt::format("--date: '{}' is not a date: {} {} has {} days", date, kMonths[month - 1],
                     year, days));
  }
}

/// The folder as an absolute, normal path without a trailing separator (for its name and for
/// paths relative to it; never printed).
fs::path absolute_folder(const std::string& dir) {
  fs::path path = fs::absolute(fs::path(dir)).lexically_normal();
  if (path.filename().empty() && path.has_parent_path()) path = path.parent_path();
  return path;
}

/// The base framework, and what the scaffold's `extends:` names: its id when it is built in,
/// else the path of its file relative to the folder.
std::pair<Framework, std::string> load_base(SourceReader& reader, const InitOptions& opt) {
  const std::string path = resolve_path(reader, opt.from);
  if (const FileKind kind = detect_kind(reader, path); kind != FileKind::Framework) {
    fail(ErrorCode::WrongKind, {path, 0, 0},
         fmt::format("'{}' is {}, and init extends a framework", opt.from,
                     kind == FileKind::Assessment ? "an assessment" : "a catalog criterion"),
         "name a built-in framework (see 'tradeoff list') or a framework file");
  }
  Loaded loaded = load_framework(reader, path);
  if (!loaded.warnings.empty()) print_diagnostics(stderr, loaded.warnings);
  std::string extends = loaded.framework.id;
  if (path.rfind(kBuiltinPrefix, 0) != 0) {
    const fs::path file = fs::absolute(fs::path(path)).lexically_normal();
    extends = file.lexically_relative(absolute_folder(opt.dir)).generic_string();
  }
  return {std::move(loaded.framework), extends};
}

/// Refuses a folder that is a file, and a scaffold file that exists already (or is a link).
void check_free(const std::string& dir, const std::vector<std::string>& files) {
  std::error_code ec;
  const auto folder = fs::status(dir, ec);
  if (fs::exists(folder) && !fs::is_directory(folder)) {
    fail(ErrorCode::Io, {dir, 0, 0}, "is not a folder; init writes its files into a folder");
  }
  for (const auto& file : files) {
    if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) continue;
    fail(ErrorCode::Io, {file, 0, 0}, "already exists; init does not overwrite files",
         "choose another folder, or move the file away");
  }
}

int run_init(const InitOptions& opt) {
  if (!opt.date.empty()) check_date(opt.date);
  SourceReader& reader = source_reader();
  auto [base, extends] = load_base(reader, opt);
  ScaffoldOptions scaffold;
  scaffold.id = id_from_name(absolute_folder(opt.dir).filename().string());
  scaffold.extends = extends;
  scaffold.date = opt.date;
  const Scaffold files = make_scaffold(base, scaffold);
  const std::string framework = (fs::path(opt.dir) / "framework.yaml").generic_string();
  const std::string assessment = (fs::path(opt.dir) / "assessment.yaml").generic_string();
  check_free(opt.dir, {framework, assessment});
  // The files' text is printable already (tradeoff/scaffold.hpp); the paths come from the user.
  if (opt.dry_run) {
    write_to(stdout, fmt::format("==> {} <==\n{}\n==> {} <==\n{}", printable(framework),
                                 files.framework, printable(assessment), files.assessment));
    return kExitOk;
  }
  std::error_code ec;
  fs::create_directories(opt.dir, ec);
  if (ec) fail(ErrorCode::Io, {opt.dir, 0, 0}, "cannot create the folder: " + ec.message());
  std::vector<std::string> inputs;
  for (const auto& f : base.files) inputs.push_back(f.path);
  write_output(
      framework, [&](std::ostream& out) { out << files.framework; }, inputs);
  write_output(
      assessment, [&](std::ostream& out) { out << files.assessment; }, inputs);
  write_to(stdout, fmt::format("wrote {} (extends {})\nwrote {} ({} input{} to answer, commented "
                               "out with their defaults)\n",
                               printable(framework), printable(extends), printable(assessment),
                               base.inputs.size(), base.inputs.size() == 1 ? "" : "s"));
  return kExitOk;
}

}  // namespace

void add_init_command(CLI::App& app, Command& selected) {
  auto opt = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand(
      "init", "Scaffold a client folder: a framework that extends a base, and an assessment");
  sub->add_option("DIR", opt->dir, "The folder to write framework.yaml and assessment.yaml into")
      ->required();
  sub->add_option("--from", opt->from,
                  "The base framework: a built-in id or a framework file (default: "
                  "llm_build_vs_buy)");
  sub->add_option("--date", opt->date,
                  "The assessment's date, YYYY-MM-DD (default: a commented placeholder)");
  sub->add_flag("--dry-run", opt->dry_run, "Print the files instead of writing them");
  sub->callback([opt, &selected] { selected = [opt] { return run_init(*opt); }; });
}

}  // namespace tradeoff::cli
