#include "core/source_list.hpp"

#include <set>

#include "core/text.hpp"

namespace liftshift {

Result<SourceList> parse_source_list(std::string_view text) {
  SourceList list;
  std::set<std::string> seen;
  // A list saved by Windows Notepad starts with a byte order mark.
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = trim(text.substr(start, end - start));
    ++number;
    if (printable(line) != line) {
      return make_error("line " + std::to_string(number) +
                        ": invalid UTF-8 or a control character: " + printable(line));
    }
    if (!line.empty() && line.front() != '#' && seen.insert(line).second) {
      list.sources.push_back(line);
    }
    list.lines.push_back(std::move(line));
    start = end + 1;
  }
  return list;
}

}  // namespace liftshift
