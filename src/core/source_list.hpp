// The source-list format, read one way by everything that reads it
// (`assess --from-list`, `fleet-job --list`): one source per line; blank
// lines and lines starting with '#' (after leading blanks) are skipped; a
// leading UTF-8 byte order mark and each line's surrounding whitespace (with
// the CR of CRLF) are removed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

struct SourceList {
  std::vector<std::string> sources;  // in list order, each once
  std::vector<std::string> lines;    // every line trimmed, comments and blanks kept
};

// Fails, naming the line, on invalid UTF-8 or a control character: a path
// holding one is either a typing error or an attempt to confuse whoever reads
// the list (and a Kubernetes ConfigMap must be UTF-8).
Result<SourceList> parse_source_list(std::string_view text);

}  // namespace liftshift
