#include "emit/yaml_out.hpp"

namespace liftshift {

std::string yaml_document(const YAML::Node& node, const std::vector<std::string>& header) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetSeqFormat(YAML::Block);
  out.SetMapFormat(YAML::Block);
  out << node;
  std::string text = "---\n";
  for (const auto& line : header) text += line.empty() ? "#\n" : "# " + line + "\n";
  text += out.c_str();
  if (text.empty() || text.back() != '\n') text += "\n";
  return text;
}

YAML::Node yaml_map(std::initializer_list<std::pair<const char*, YAML::Node>> items) {
  YAML::Node n(YAML::NodeType::Map);
  for (const auto& [k, v] : items) n[k] = v;
  return n;
}

}  // namespace liftshift
