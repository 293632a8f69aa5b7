#include "formats/packages_config.hpp"

#include "formats/format_util.hpp"

namespace liftshift {

Result<std::vector<PackageRef>> parse_packages_config(std::string_view xml_text,
                                                      const std::string& path) {
  auto doc = fmt_util::load_xml(xml_text, path);
  if (!doc) return doc.error();
  const pugi::xml_node root = (*doc)->document_element();
  if (!fmt_util::name_is(root, "packages")) {
    return make_error(path + ": not a packages.config (root element <" +
                      std::string(fmt_util::local_name(root.name())) + ">)");
  }
  std::vector<PackageRef> out;
  for (pugi::xml_node p = root.first_child(); p; p = p.next_sibling()) {
    if (p.type() != pugi::node_element || !fmt_util::name_is(p, "package")) continue;
    PackageRef ref;
    ref.id = fmt_util::attr_value(p, "id");
    ref.version = fmt_util::attr_value(p, "version");
    if (!ref.id.empty()) out.push_back(std::move(ref));
  }
  return out;
}

}  // namespace liftshift
