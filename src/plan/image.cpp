// Base image (seed: ".NET Framework and .NET" table and planning step 1;
// FACTS.md: the images that exist today and their tags).
#include "core/app_queries.hpp"
#include "core/numbers.hpp"
#include "plan/plan_steps.hpp"
#include "plan/windows_facts.hpp"

namespace liftshift {

namespace {

constexpr std::string_view kMcr = "mcr.microsoft.com/";

int major_of(const std::string& version) {
  if (version.empty() || version[0] < '0' || version[0] > '9') return 0;
  return leading_number<int>(version).value_or(0);
}

bool iis_hosted(const AppPlan& plan) {
  return plan.kind == AppKind::kWeb || plan.kind == AppKind::kWcf;
}

// A site's first .svc endpoint ("" for none): IIS serves .svc only with
// WCF's HTTP activation, which the aspnet image lacks and the wcf image has.
std::string svc_endpoint(const Application& app) {
  for (const auto& m : app.markers) {
    if (m.category == MarkerCategory::kSvcFile) return m.path;
  }
  return {};
}

std::string netfx_family(const AppAssessment& a, const AppPlan& plan) {
  if (plan.kind == AppKind::kWcf) return "wcf";
  if (plan.kind == AppKind::kWeb) return svc_endpoint(a.app).empty() ? "aspnet" : "wcf";
  return "runtime";
}

void set_image(AppPlan& plan, std::string image, std::string tag) {
  plan.base_image = std::string(kMcr) + image;
  plan.base_tag = std::move(tag);
}

void netfx_image(const AppAssessment& a, AppPlan& plan) {
  WindowsVersion v = plan.windows_version;
  std::string family = netfx_family(a, plan);
  set_image(plan, "dotnet/framework/" + family, netfx_tag(v));
  std::string fam_reason =
      plan.kind == AppKind::kWeb && family == "wcf"
          ? "an ASP.NET site that also serves WCF endpoints (" + svc_endpoint(a.app) +
                "): the wcf image, the aspnet image with WCF's HTTP and TCP activation, without "
                "which IIS does not serve .svc"
      : family == "wcf"
          ? "a WCF service hosted in IIS: the wcf image (IIS with HTTP and TCP activation)"
      : family == "aspnet" ? "an ASP.NET web application: the aspnet image (IIS with ASP.NET)"
                           : "no IIS hosting: the runtime image";
  int major = major_of(plan.framework.version);
  std::string fw = plan.framework.version.empty() ? "of unknown version" : plan.framework.version;
  if (major == 2 || major == 3) {
    decide(plan, "base image", plan.base_image + ":" + plan.base_tag,
           ".NET Framework " + fw +
               ": the seed says to test 2.x/3.x applications with the .NET Framework 4.x "
               "image first; " +
               fam_reason + "; " + plan.base_tag.substr(0, plan.base_tag.find('-')) +
               " is the .NET Framework image published for " + to_string(v));
    std::string fallback_base = iis_hosted(plan) ? "windows/servercore/iis:" + iis_tag(v)
                                                 : "windows/servercore:" + servercore_tag(v);
    plan.fallback_image = std::string(kMcr) + fallback_base;
    plan.fallback =
        "if the application fails on 4.x, the seed's fallback is the .NET Framework 3.5 image; "
        "those "
        "images were retired in October 2025, so build on " +
        plan.fallback_image + " and enable NetFx3 (Dockerfile.netfx3)";
    plan.fallback_steps.push_back({"Enable .NET Framework 3.5 (NetFx3)", netfx3_command(v)});
    if (iis_hosted(plan)) {
      plan.fallback_steps.push_back(
          {"ASP.NET 3.5 for IIS",
           "dism /Online /Enable-Feature /FeatureName:IIS-NetFxExtensibility "
           "/FeatureName:IIS-ASPNET /All"});
    }
    decide(plan, "fallback image", plan.fallback_image, plan.fallback);
  } else {
    if (major != 4) {
      plan.warnings.push_back("the .NET Framework version is unknown: planned as 4.x; check it");
    }
    // "4.x": a CLR 4 binary that does not say which 4.x it targets (no
    // TargetFrameworkAttribute, a supportedRuntime of v4.0 only). Any 4.x runs
    // on the newest 4.8 image, so the unknown minor changes nothing but is said.
    const std::string minor_unknown =
        plan.framework.version == "4.x"
            ? " (the minor version is not recorded: a CLR 4 program without a "
              "TargetFrameworkAttribute; 4.8 runs it whichever 4.x it was built for)"
            : "";
    decide(plan, "base image", plan.base_image + ":" + plan.base_tag,
           ".NET Framework " + fw + minor_unknown +
               ": the seed tests 4.x applications with the .NET Framework 4.x image, which "
               "runs every 4.x application (in-place updates); " +
               fam_reason + "; " + plan.base_tag.substr(0, plan.base_tag.find('-')) +
               " is the image published for " + to_string(v));
  }
  if (has_finding(a, rule_id::kGuiApi)) {
    std::string server = full_server_image(v);
    plan.fallback =
        (plan.fallback.empty() ? "" : plan.fallback + "; ") +
        std::string(
            "the application uses GUI APIs (gui-api): Server Core has one font; if rendering "
            "needs others, install the fonts in the image or build your own .NET Framework "
            "image on ") +
        (server.empty() ? "a Server image" : server);
    decide(plan, "fonts", "test rendering on Server Core",
           "gui-api finding: the APIs work in containers but Server Core and Nano Server carry one "
           "font; the "
           "seed's fallback is the Server or Windows image with every default font, or a font "
           "install");
  }
}

void dotnet_image(const AppAssessment& a, AppPlan& plan) {
  WindowsVersion v = plan.windows_version;
  int major = major_of(plan.framework.version);
  if (major == 6 || major == 7 || major < 8 || major > 10) {
    plan.warnings.push_back(
        ".NET " +
        (plan.framework.version.empty() ? std::string("(version unknown)")
                                        : plan.framework.version) +
        " has no supported image (6.0 images were removed in January 2025, 7.0 is out of "
        "support): planned on .NET 8; retarget the application to net8.0");
    major = 8;
  }
  std::vector<std::string> needs_core;
  for (std::string_view rule :
       {rule_id::kGuiApi, rule_id::kMsmq, rule_id::kMsdtc, rule_id::kBackgroundService,
        rule_id::kRegistryDependency, rule_id::kVcRuntime}) {
    if (has_finding(a, rule)) needs_core.emplace_back(rule);
  }
  plan.nano_server = needs_core.empty();
  std::string family = plan.kind == AppKind::kWeb ? "aspnet" : "runtime";
  set_image(plan, "dotnet/" + family, dotnet_tag(major, v, plan.nano_server));
  std::string why;
  if (plan.nano_server) {
    why =
        "Nano Server: the smallest image, runs as ContainerUser; no finding needs Server Core's "
        "larger API set";
  } else {
    why = "Server Core: findings need its larger API set (";
    for (std::size_t i = 0; i < needs_core.size(); ++i) why += (i ? ", " : "") + needs_core[i];
    why += ")";
  }
  decide(plan, "base image", plan.base_image + ":" + plan.base_tag,
         ".NET " + std::to_string(major) + ": the .NET team's " + family + " image; " + why);
  plan.fallback =
      "if the application needs an OS component the image lacks, build your .NET image on the "
      "Windows Server Core or Server image (seed's fallback)";
}

void other_image(const AppAssessment& a, AppPlan& plan) {
  WindowsVersion v = plan.windows_version;
  const FrameworkKind kind = plan.framework.kind;
  bool third_party = kind == FrameworkKind::kJava || kind == FrameworkKind::kNode ||
                     kind == FrameworkKind::kPython || kind == FrameworkKind::kPhp;
  // A runtime IIS itself hosts (FastCGI, iisnode) goes into the IIS image.
  bool iis_runtime = has_finding(a, rule_id::kIisScriptRuntime);
  if (plan.kind == AppKind::kWeb && (!third_party || iis_runtime)) {
    set_image(plan, "windows/servercore/iis", iis_tag(v));
    std::string why = kind == FrameworkKind::kClassicAsp
                          ? "a classic ASP site: the Server Core IIS image, with the ASP feature "
                            "enabled by a step"
                      : kind == FrameworkKind::kStatic
                          ? "a static site: the Server Core IIS image serves its files as they are"
                      : iis_runtime
                          ? "a site IIS runs through " +
                                std::string(kind == FrameworkKind::kNode ? "iisnode" : "FastCGI") +
                                ": the Server Core IIS image, with the " + to_string(kind) +
                                " runtime installed by the steps; Microsoft doesn't "
                                "certify third-party frameworks: check the vendor's "
                                "support policy for Windows containers"
                          : "an IIS site without .NET: the Server Core IIS image";
    decide(plan, "base image", plan.base_image + ":" + plan.base_tag, why);
    return;
  }
  if (has_finding(a, rule_id::kGuiApi) && !full_server_image(v).empty()) {
    std::string full = full_server_image(v);
    auto colon = full.rfind(':');
    plan.base_image = full.substr(0, colon);
    plan.base_tag = full.substr(colon + 1);
    decide(plan, "base image", full,
           "gui-api finding: the Server/Windows image carries every default font and the larger "
           "API set that "
           "GUI APIs need (Server Core has one font)");
    return;
  }
  set_image(plan, "windows/servercore", servercore_tag(v));
  std::string why =
      kind == FrameworkKind::kNative
          ? "a native application: Server Core has the widest API set of the small images"
          : "framework " + to_string(kind) +
                ": Server Core, with the runtime installed in the image";
  if (third_party) {
    why +=
        "; Microsoft doesn't certify third-party frameworks: check the vendor's support policy for "
        "Windows "
        "containers and install the runtime in the Dockerfile";
    plan.warnings.push_back("install the " + to_string(kind) +
                            " runtime in the Dockerfile (vendor's silent install)");
  }
  decide(plan, "base image", plan.base_image + ":" + plan.base_tag, why);
}

}  // namespace

void plan_image(const AppAssessment& a, AppPlan& plan) {
  if (plan.framework.kind == FrameworkKind::kNetFx) {
    netfx_image(a, plan);
  } else if (plan.framework.kind == FrameworkKind::kDotnet) {
    dotnet_image(a, plan);
  } else {
    other_image(a, plan);
  }
}

}  // namespace liftshift
