// A SourceReader that forwards to another and remembers the files it read: the inputs of a
// command, which `-o` must never write over.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "tradeoff/catalog.hpp"

namespace tradeoff::cli {

class RecordingReader : public SourceReader {
 public:
  explicit RecordingReader(SourceReader& inner) : inner_(inner) {}

  std::string read(const std::string& path) override;
  bool exists(const std::string& path) override { return inner_.exists(path); }
  std::vector<std::string> list(const std::string& dir) override { return inner_.list(dir); }
  bool is_directory(const std::string& path) override { return inner_.is_directory(path); }
  void stream(const std::string& path, const std::function<void(std::string_view)>& sink) override;
  std::optional<std::size_t> size(const std::string& path) override { return inner_.size(path); }

  /// The paths read from the file system (not the built-ins), in the order first read.
  const std::vector<std::string>& files() const noexcept { return files_; }

 private:
  void record(const std::string& path);

  SourceReader& inner_;
  std::vector<std::string> files_;
};

}  // namespace tradeoff::cli
