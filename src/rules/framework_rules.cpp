// Rules from the seed's .NET Framework sections ("Apps using .NET Framework
// version 2.0 or older", ".NET Framework and .NET" and its image table) and
// "Apps using third-party frameworks".
#include <string>

#include "core/app_queries.hpp"
#include "core/numbers.hpp"
#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

std::string describe(const Framework& f) {
  std::string name = f.kind == FrameworkKind::kNetFx ? ".NET Framework" : ".NET";
  return name + (f.version.empty() ? "" : " " + f.version) +
         (f.evidence.empty() ? "" : " (" + f.evidence + ")");
}

bool clr1(const BinaryFacts& b) {
  return b.is_clr && (istarts_with(b.clr_version, "v1.0") || istarts_with(b.clr_version, "v1.1"));
}

bool runs_on_clr1(const Framework& f) {
  return f.kind == FrameworkKind::kNetFx && istarts_with(f.version, "1.");
}

// CLR 1.x libraries that the app's newer runtime loads: not a blocker, but
// worth a test on the image.
Evidence legacy_libraries(const Application& app) {
  Evidence out;
  if (app.framework.kind != FrameworkKind::kNetFx || runs_on_clr1(app.framework)) return out;
  for (const auto& b : app.binaries) {
    if (!clr1(b)) continue;
    out.push_back(b.path + ": a library built for CLR " + b.clr_version +
                  "; it loads into the host's .NET Framework " + app.framework.version +
                  " runtime, so test it there");
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

}  // namespace

// The host's runtime decides: a program (or site) that runs on CLR 1.x. A
// CLR 1.x library inside a CLR 2/4 program loads into the program's runtime
// (netfx-image names it).
Evidence check_netfx_unsupported(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  if (runs_on_clr1(app.framework)) out.push_back("runs on " + describe(app.framework));
  for (const auto& p : app.projects) {
    for (const auto& t : p.target_frameworks) {
      if (iequals(t, "net10") || iequals(t, "net11"))
        out.push_back(p.path + ": target framework " + t);
    }
  }
  return out;
}

// The image family from the seed's table. Tags are the planner's: they follow
// the Windows Server version it chooses, so the assessment names none.
Evidence check_netfx_image(const Application& app, RuleResults& /*results*/) {
  const Framework& f = app.framework;
  const std::string tag_note =
      " (the tag follows the Windows Server version: liftshift containerize)";
  if (f.kind == FrameworkKind::kNetFx) {
    int major = major_of(f.version);
    if (major == 1) return {};  // netfx-unsupported says it
    std::string image = "mcr.microsoft.com/dotnet/framework/" + variant(app.kind);
    if (major == 2 || major == 3) {
      Evidence out{describe(f) + ": test with the .NET Framework 4.x image first (" + image +
                   "); fallback: .NET Framework 3.5 — the 3.5 images were retired in October "
                   "2025, so enable NetFx3 on mcr.microsoft.com/windows/servercore" +
                   tag_note};
      append(out, legacy_libraries(app));
      return out;
    }
    Evidence out{describe(f) + ": use the .NET Framework 4.x image " + image +
                 "; fallback: build your own image on mcr.microsoft.com/windows/server or "
                 "mcr.microsoft.com/windows" +
                 tag_note};
    append(out, legacy_libraries(app));
    return out;
  }
  if (f.kind == FrameworkKind::kDotnet) {
    int major = major_of(f.version);
    std::string v = f.version.empty() ? "8.0" : f.version;
    std::string kind = app.kind == AppKind::kWeb ? "aspnet" : "runtime";
    if (major > 0 && major < 8) {
      return {describe(f) + ": .NET " + f.version +
              " is out of support and its images are gone; retarget to .NET 8 or later, then use "
              "mcr.microsoft.com/dotnet/" +
              kind +
              " 8.0 on Nano Server (Server Core when Nano Server lacks an API the app needs)" +
              tag_note};
    }
    return {describe(f) + ": use mcr.microsoft.com/dotnet/" + kind + " " + v +
            " on Nano Server; fallback: its Server Core variant or your own image on the Windows "
            "or Server base image" +
            tag_note};
  }
  return {};
}

Evidence check_third_party_framework(const Application& app, RuleResults& /*results*/) {
  Evidence out = markers(app, MarkerCategory::kThirdParty);
  // Classic ASP pages' COM components that Windows does not ship.
  for (const auto& line : asp_com_components(app, ComOrigin::kThirdParty))
    out.push_back(line + ": a COM component not known to be part of Windows");
  return out;
}

}  // namespace liftshift
