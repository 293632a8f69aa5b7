#include "formats/msbuild_project.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "formats/format_util.hpp"

namespace liftshift {

namespace {

using fmt_util::add_unique;
using fmt_util::attr;
using fmt_util::attr_value;
using fmt_util::child;
using fmt_util::local_name;
using fmt_util::name_is;

constexpr std::string_view kGuidWebApplication = "349c5851-65df-11da-9384-00065b846f21";
constexpr std::string_view kGuidWebSite = "e24c65dc-7377-472b-9aba-bc803b73c61a";
constexpr std::string_view kGuidWcf = "3d9ad99f-2412-4246-b90b-4eaa41c64699";
constexpr std::string_view kGuidWpf = "60dc8134-eba5-43b8-bcc9-bb4bc16c2548";

std::string strip_guid(std::string_view g) {
  std::string t = to_lower(trim(g));
  if (!t.empty() && t.front() == '{') t.erase(0, 1);
  if (!t.empty() && t.back() == '}') t.pop_back();
  return trim(t);
}

bool is_true(std::string_view v) { return iequals(trim(v), "true"); }

// A property value: last unconditional assignment, else first conditional one.
struct Property {
  std::string value;
  bool unconditional = false;
  bool set = false;
  void assign(std::string v, bool conditional) {
    if (!conditional) {
      value = std::move(v);
      unconditional = true;
      set = true;
    } else if (!set) {
      value = std::move(v);
      set = true;
    }
  }
};

// Looks at the property, its group and a few levels up (Choose/When nests);
// bounded so that pathological nesting stays linear.
bool conditional(const pugi::xml_node& prop) {
  int levels = 0;
  for (pugi::xml_node n = prop; n && levels < 6; n = n.parent(), ++levels) {
    if (n.type() != pugi::node_element) break;
    if (!attr_value(n, "Condition").empty()) return true;
    if (name_is(n, "When") || name_is(n, "Otherwise")) return true;
  }
  return false;
}

std::string sdk_name(std::string_view sdk) {
  // "Microsoft.NET.Sdk.Web/1.0.0;Other" -> "Microsoft.NET.Sdk.Web"
  std::string s = trim(sdk.substr(0, sdk.find(';')));
  return trim(std::string_view(s).substr(0, s.find('/')));
}

}  // namespace

std::string normalize_framework_version(std::string_view tfv) {
  std::string t = trim(tfv);
  if (t.size() < 2 || (t[0] != 'v' && t[0] != 'V')) return {};
  std::string digits;
  bool last_dot = true;
  for (std::size_t i = 1; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      last_dot = false;
    } else if (c == '.' && !last_dot) {
      last_dot = true;
    } else {
      return {};
    }
  }
  if (last_dot || digits.size() < 2) return {};
  return "net" + digits;
}

namespace {

// The destination of each copy, xcopy or robocopy line of a build event:
// the last argument that is not a switch (robocopy: the second argument).
std::vector<std::string> copy_command_destinations(std::string_view commands) {
  std::vector<std::string> out;
  for (const std::string& raw : split(commands, '\n')) {
    std::string line = trim(raw);
    std::vector<std::string> args;
    for (std::size_t i = 0; i < line.size() && args.size() < 32;) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i >= line.size()) break;
      std::string arg;
      if (line[i] == '"') {
        auto end = line.find('"', i + 1);
        arg = line.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
        i = end == std::string::npos ? line.size() : end + 1;
      } else {
        auto end = line.find_first_of(" \t", i);
        arg = line.substr(i, end == std::string::npos ? std::string::npos : end - i);
        i = end == std::string::npos ? line.size() : end;
      }
      if (!arg.empty() && arg[0] != '/') args.push_back(arg);
    }
    if (args.size() < 3) continue;
    const std::string verb = to_lower(args[0]);
    if (verb == "robocopy" || verb == "robocopy.exe") {
      out.push_back(args[2]);
    } else if (verb == "xcopy" || verb == "copy" || verb == "xcopy.exe") {
      out.push_back(args.back());
    }
  }
  return out;
}

}  // namespace

Result<ProjectFacts> parse_msbuild_project(std::string_view xml_text, const std::string& path) {
  auto doc = fmt_util::load_xml(xml_text, path);
  if (!doc) return doc.error();
  const pugi::xml_node root = (*doc)->document_element();
  if (!name_is(root, "Project")) {
    return make_error(path + ": not an MSBuild project (root element <" +
                      std::string(local_name(root.name())) + ">)");
  }

  ProjectFacts f;
  f.path = path;
  if (iends_with(path, ".csproj"))
    f.language = "cs";
  else if (iends_with(path, ".vbproj"))
    f.language = "vb";
  else if (iends_with(path, ".fsproj"))
    f.language = "fs";

  if (const std::string sdk = attr_value(root, "Sdk"); !sdk.empty()) {
    f.sdk_style = true;
    f.sdk = sdk_name(sdk);
  }

  Property output_type, assembly_name, tfv, tf, tfs, type_guids, use_winforms, use_wpf, my_type;

  // Iterative pre-order walk of every element (any depth, no recursion).
  pugi::xml_node n = root;
  while (n) {
    if (n.type() == pugi::node_element) {
      const pugi::xml_node up = n.parent();
      const std::string_view name = local_name(n.name());
      if (n != root && iequals(name, "Sdk") && up == root) {
        f.sdk_style = true;
        if (f.sdk.empty()) f.sdk = sdk_name(attr_value(n, "Name"));
      } else if (iequals(name, "Import") && !name_is(up, "ItemGroup")) {
        const std::string sdk = attr_value(n, "Sdk");
        if (!sdk.empty()) {
          f.sdk_style = true;
          if (f.sdk.empty()) f.sdk = sdk_name(sdk);
        }
        if (icontains(attr_value(n, "Project"), "Microsoft.WebApplication.targets"))
          f.is_web = true;
      } else if (name_is(up, "PropertyGroup")) {
        const bool cond = conditional(n);
        std::string value = trim(n.child_value());
        Property* p = nullptr;
        if (iequals(name, "OutputType"))
          p = &output_type;
        else if (iequals(name, "AssemblyName"))
          p = &assembly_name;
        else if (iequals(name, "TargetFrameworkVersion"))
          p = &tfv;
        else if (iequals(name, "TargetFramework"))
          p = &tf;
        else if (iequals(name, "TargetFrameworks"))
          p = &tfs;
        else if (iequals(name, "ProjectTypeGuids"))
          p = &type_guids;
        else if (iequals(name, "UseWindowsForms"))
          p = &use_winforms;
        else if (iequals(name, "UseWPF"))
          p = &use_wpf;
        else if (iequals(name, "MyType"))
          p = &my_type;
        else if (iequals(name, "PostBuildEvent"))
          for (auto& d : copy_command_destinations(value)) add_unique(f.copy_destinations, d);
        // Code-signing keys (ClickOnce manifests, strong names): not TLS certificates.
        if ((iequals(name, "ManifestKeyFile") || iequals(name, "AssemblyOriginatorKeyFile")) &&
            !value.empty())
          add_unique(f.signing_key_files, to_forward_slashes(value));
        if (p) p->assign(std::move(value), cond);
      } else if (iequals(name, "Copy") && name_is(up, "Target")) {
        if (std::string d = attr_value(n, "DestinationFolder"); !d.empty())
          add_unique(f.copy_destinations, d);
      } else if (iequals(name, "Exec") && name_is(up, "Target")) {
        for (auto& d : copy_command_destinations(attr_value(n, "Command")))
          add_unique(f.copy_destinations, d);
      } else if (name_is(up, "ItemGroup")) {
        const std::string include = attr_value(n, "Include");
        if (iequals(name, "Reference") && !include.empty()) {
          for (const std::string& item : split(include, ';')) {
            const std::vector<std::string> parts = split(item, ',');
            AssemblyRef ref;
            ref.name = trim(parts[0]);
            for (std::size_t i = 1; i < parts.size(); ++i) {
              const std::string part = trim(parts[i]);
              if (istarts_with(part, "Version="))
                ref.version = trim(std::string_view(part).substr(8));
            }
            if (!ref.name.empty()) f.references.push_back(std::move(ref));
          }
        } else if ((iequals(name, "Using") || (iequals(name, "Import") && f.language == "vb")) &&
                   !include.empty() && attr_value(n, "Alias").empty() &&
                   !iequals(attr_value(n, "Static"), "true")) {
          add_unique(f.usings, include);
        } else if (iequals(name, "ProjectReference") && !include.empty()) {
          add_unique(f.project_references, include);
        } else if (iequals(name, "PackageReference") && !include.empty()) {
          PackageRef pkg;
          pkg.id = include;
          pkg.version = attr_value(n, "Version");
          if (pkg.version.empty()) pkg.version = trim(child(n, "Version").child_value());
          if (pkg.version.empty()) pkg.version = attr_value(n, "VersionOverride");
          if (pkg.version.empty()) pkg.version = trim(child(n, "VersionOverride").child_value());
          f.packages.push_back(std::move(pkg));
        } else if ((iequals(name, "Content") || iequals(name, "None")) &&
                   icontains(include, "App_Data")) {
          add_unique(f.app_data_items, include);
        }
      }
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }

  f.output_type = output_type.value;
  if (f.output_type.empty())
    f.output_type = iequals(f.sdk, "Microsoft.NET.Sdk.Web") ? "Exe" : "Library";
  f.assembly_name = assembly_name.value.empty() ? fmt_util::file_stem(path) : assembly_name.value;

  if (iequals(f.sdk, "Microsoft.NET.Sdk.Web")) f.is_web = true;
  const std::string& multi = tfs.value.empty() ? tf.value : tfs.value;
  for (const std::string& t : split(multi, ';')) {
    std::string v = to_lower(trim(t));
    if (!v.empty()) add_unique(f.target_frameworks, std::move(v));
  }
  if (!tfv.value.empty()) {
    std::string v = normalize_framework_version(tfv.value);
    if (v.empty()) {
      f.warnings.push_back("TargetFrameworkVersion \"" + tfv.value + "\" not understood");
    } else {
      add_unique(f.target_frameworks, std::move(v));
    }
  }
  for (const std::string& g : split(type_guids.value, ';')) {
    std::string guid = strip_guid(g);
    if (guid.empty()) continue;
    if (guid == kGuidWebApplication || guid == kGuidWebSite) f.is_web = true;
    if (guid == kGuidWcf) f.is_wcf = true;
    if (guid == kGuidWpf) f.use_wpf = true;
    add_unique(f.project_type_guids, std::move(guid));
  }
  if (is_true(use_winforms.value) || iequals(trim(my_type.value), "WindowsForms") ||
      iequals(trim(my_type.value), "WindowsFormsWithCustomSubMain"))
    f.use_windows_forms = true;
  if (is_true(use_wpf.value)) f.use_wpf = true;
  return f;
}

}  // namespace liftshift
