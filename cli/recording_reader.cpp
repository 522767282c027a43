// The files a command read (see recording_reader.hpp).
#include "recording_reader.hpp"

#include <algorithm>

namespace tradeoff::cli {

std::string RecordingReader::read(const std::string& path) {
  std::string text = inner_.read(path);
  record(path);
  return text;
}

void RecordingReader::stream(const std::string& path,
                             const std::function<void(std::string_view)>& sink) {
  inner_.stream(path, sink);
  record(path);
}

void RecordingReader::record(const std::string& path) {
  const bool builtin = path.compare(0, kBuiltinPrefix.size(), kBuiltinPrefix) == 0;
  if (!builtin && std::find(files_.begin(), files_.end(), path) == files_.end()) {
    files_.push_back(path);
  }
}

}  // namespace tradeoff::cli
