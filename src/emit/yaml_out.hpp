// YAML output through yaml-cpp: one document per call, block style, with
// optional header comment lines. Strings that YAML would read as another
// type ("yes", "1.0", "10.0.20348") are quoted by yaml-cpp's emitter.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace liftshift {

// "---", the header lines as comments, then the node.
std::string yaml_document(const YAML::Node& node, const std::vector<std::string>& header = {});

// A map node from key/value string pairs, in order.
YAML::Node yaml_map(std::initializer_list<std::pair<const char*, YAML::Node>> items);

}  // namespace liftshift
