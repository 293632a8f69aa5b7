// YAML output through yaml-cpp. Documents are built as ordered JSON values
// (which keep the difference between the string "80" and the number 80), then
// emitted in block style by yaml-cpp; strings that a YAML 1.1 reader would
// take for another type ("no", "on", "1.0", "8080:80", "") are double-quoted.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace liftshift {

using YamlValue = nlohmann::ordered_json;

// "---", the header lines as comments, then the value.
std::string yaml_document(const YamlValue& value, const std::vector<std::string>& header = {});

// A map from key/value pairs, in order.
YamlValue yaml_map(std::initializer_list<std::pair<const char*, YamlValue>> items);

// True when a plain scalar with this text would not read back as this string.
bool yaml_needs_quotes(const std::string& text);

}  // namespace liftshift
