// FileReader and read_regular_file (load/source_reader): the bytes read are capped whatever size
// stat reports, and a path that is not a regular file is named for what it is, never opened.
#include "load/source_reader.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.hpp"
#include "tradeoff/catalog.hpp"

namespace fs = std::filesystem;
using tradeoff::ErrorCode;
using tradeoff::FileReader;
using tradeoff::loader::read_regular_file;
using tradeoff::test::expect_error;

namespace {

/// A fresh folder under the system's temporary folder, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tradeoff-io-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

std::string message_of(const std::function<void()>& f) {
  const auto d = expect_error(f);
  CHECK(d.code == ErrorCode::Io);
  return d.message;
}

}  // namespace

TEST_CASE("the bytes read are capped even when stat reports a size of 0", "[io][load]") {
  // Files under /proc report a size of 0 and hold more.
  REQUIRE(fs::file_size("/proc/self/status") == 0);
  const auto d = expect_error([] { read_regular_file("/proc/self/status", 64); });
  CHECK(d.where.file == "/proc/self/status");
  CHECK(d.message == "file is too large (over the limit of 64 bytes)");
  CHECK(read_regular_file("/proc/self/status", 1 << 20).find("Name:") == 0);
}

TEST_CASE("a file of exactly the limit is read, one byte more is refused", "[io][load]") {
  TempDir dir;
  const std::string text(1000, 'x');
  CHECK(read_regular_file(dir.file("at.yaml", text), 1000) == text);
  CHECK(read_regular_file(dir.file("empty.yaml", ""), 1000).empty());
  const std::string over = dir.file("over.yaml", text + "y");
  CHECK(message_of([&] { read_regular_file(over, 1000); }) ==
        "file is too large (1001 bytes; the limit is 1000 bytes)");
}

TEST_CASE("FileReader names what a path is when it is not a regular file", "[io][load]") {
  TempDir dir;
  const std::string target = dir.file("real.yaml", "framework: x\n");
  const fs::path p = dir.path;
  fs::create_symlink("nowhere.yaml", p / "dangling.yaml");
  fs::create_symlink("loop_b.yaml", p / "loop_a.yaml");
  fs::create_symlink("loop_a.yaml", p / "loop_b.yaml");
  fs::create_symlink("real.yaml", p / "link.yaml");
  REQUIRE(::mkfifo((p / "pipe.yaml").c_str(), 0600) == 0);
  FileReader reader;
  const auto read = [&](const fs::path& path) {
    return message_of([&] { reader.read(path.string()); });
  };
  CHECK(read("/dev/zero") == "is a character device, not a regular file");
  CHECK(read("/dev/null") == "is a character device, not a regular file");
  CHECK(read(p) == "is a directory, not a file");
  CHECK(read(p / "pipe.yaml") == "is a FIFO (named pipe), not a regular file");
  CHECK(read(p / "dangling.yaml") == "is a symbolic link to 'nowhere.yaml', which does not exist");
  CHECK(read(p / "loop_a.yaml") == "is a symbolic link loop");
  CHECK(read(p / "loop_a.yaml" / "x.yaml") == "symbolic link loop in the path");
  CHECK(read(p / "real.yaml" / "x.yaml") == "no such file (a part of the path is not a folder)");
  CHECK(read(p / "missing.yaml") == "no such file");
  CHECK(reader.read((p / "link.yaml").string()) == "framework: x\n");

  // exists(): anything but a folder, so that resolving a name reads it and says what it is.
  CHECK(reader.exists(target));
  CHECK(reader.exists((p / "pipe.yaml").string()));
  CHECK(reader.exists((p / "dangling.yaml").string()));
  CHECK(reader.exists((p / "loop_a.yaml").string()));
  CHECK_FALSE(reader.exists(p.string()));
  CHECK_FALSE(reader.exists((p / "missing.yaml").string()));
}

TEST_CASE("a FIFO is refused before it is opened, so a missing writer cannot block", "[io][load]") {
  TempDir dir;
  const fs::path fifo = dir.path / "pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  FileReader reader;
  // Were it opened for reading, this would wait for a writer forever.
  CHECK(message_of([&] { reader.read(fifo.string()); }) ==
        "is a FIFO (named pipe), not a regular file");
  CHECK(message_of([&] {
          tradeoff::load(reader, tradeoff::resolve_path(reader, fifo.string()));
        }) == "is a FIFO (named pipe), not a regular file");
}
