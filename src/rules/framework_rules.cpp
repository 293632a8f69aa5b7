// Rules from the seed's .NET Framework sections ("Apps using .NET Framework
// version 2.0 or older", ".NET Framework and .NET" and its image table) and
// "Apps using third-party frameworks".
#include <string>

#include "core/numbers.hpp"
#include "core/text.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

std::string describe(const Framework& f) {
  std::string name = f.kind == "netfx" ? ".NET Framework" : ".NET";
  return name + (f.version.empty() ? "" : " " + f.version) +
         (f.evidence.empty() ? "" : " (" + f.evidence + ")");
}

Evidence netfx_unsupported(const Application& app) {
  Evidence out;
  if (app.framework.kind == "netfx" && istarts_with(app.framework.version, "1.")) {
    out.push_back("targets " + describe(app.framework));
  }
  for (const auto& b : app.binaries) {
    if (b.is_clr && (istarts_with(b.clr_version, "v1.0") || istarts_with(b.clr_version, "v1.1"))) {
      out.push_back(b.path + ": CLR metadata version " + b.clr_version);
    }
  }
  for (const auto& p : app.projects) {
    for (const auto& t : p.target_frameworks) {
      if (iequals(t, "net10") || iequals(t, "net11"))
        out.push_back(p.path + ": target framework " + t);
    }
  }
  return out;
}

// The image variant the .NET team publishes for this kind of app.
std::string variant(AppKind kind) {
  if (kind == AppKind::kWeb) return "aspnet";
  if (kind == AppKind::kWcf) return "wcf";
  return "runtime";
}

int major_of(const std::string& version) { return leading_number<int>(version).value_or(0); }

Evidence netfx_image(const Application& app) {
  const Framework& f = app.framework;
  if (f.kind == "netfx") {
    int major = major_of(f.version);
    if (major == 1) return {};  // netfx-unsupported says it
    std::string image = "mcr.microsoft.com/dotnet/framework/" + variant(app.kind) +
                        ":4.8.1-windowsservercore-ltsc2022";
    if (major == 2 || major == 3) {
      return {describe(f) + ": test with the .NET Framework 4.x image first (" + image +
              "); fallback: .NET Framework 3.5 — the 3.5 images were retired in October 2025, so "
              "enable NetFx3 on mcr.microsoft.com/windows/servercore:ltsc2022 "
              "(dism /Online /Add-Capability /CapabilityName:NetFx3)"};
    }
    return {describe(f) + ": use the .NET Framework 4.x image " + image +
            "; fallback: build your own image on mcr.microsoft.com/windows/server or "
            "mcr.microsoft.com/windows"};
  }
  if (f.kind == "dotnet") {
    int major = major_of(f.version);
    std::string v = f.version.empty() ? "8.0" : f.version;
    std::string kind = app.kind == AppKind::kWeb ? "aspnet" : "runtime";
    if (major > 0 && major < 8) {
      return {describe(f) + ": .NET " + f.version +
              " is out of support and its images are gone; retarget to .NET 8 or later, then use "
              "mcr.microsoft.com/dotnet/" +
              kind +
              ":8.0-nanoserver-ltsc2022 (or "
              "-windowsservercore-ltsc2022 when Nano Server lacks an API the app needs)"};
    }
    return {describe(f) + ": use mcr.microsoft.com/dotnet/" + kind + ":" + v +
            "-nanoserver-ltsc2022; fallback: the -windowsservercore-ltsc2022 variant or your own "
            "image on the Windows or Server base image"};
  }
  return {};
}

Evidence third_party_framework(const Application& app) { return markers(app, "third-party"); }

}  // namespace

void register_framework_rules(RuleRegistry& registry) {
  registry["netfx-unsupported"] = netfx_unsupported;
  registry["netfx-image"] = netfx_image;
  registry["third-party-framework"] = third_party_framework;
}

}  // namespace liftshift
