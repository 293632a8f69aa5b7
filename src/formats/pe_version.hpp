// The version resource of a PE image (RT_VERSION: VS_VERSIONINFO, its
// StringFileInfo string tables): who made the program and what it is.
#pragma once

#include <string>
#include <vector>

#include "core/byte_reader.hpp"
#include "core/facts.hpp"

namespace liftshift {

// Reads a VS_VERSIONINFO blob into `facts` (company_name, product_name,
// file_description, file_version; the first string table that has them).
// Bounds-checked and capped; what cannot be read is a warning.
void parse_version_info(Bytes blob, BinaryFacts& facts);

}  // namespace liftshift
