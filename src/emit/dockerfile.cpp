// Dockerfile and Dockerfile.netfx3: `# escape=\``, a pinned base tag, the
// features the plan enables, the application copied from app/ (or built from
// src/ in an SDK stage), EXPOSE, USER, and the entrypoint. With Log Monitor
// the entrypoint goes through SHELL, so ENTRYPOINT is in shell form.
#include <algorithm>
#include <sstream>

#include "core/command_line.hpp"
#include "core/text.hpp"
#include "emit/artifacts.hpp"
#include "emit/quoting.hpp"

namespace liftshift {

namespace {

constexpr const char* kServiceMonitorUrl =
    "https://github.com/microsoft/IIS.ServiceMonitor/releases/download/v2.0.1.10/"
    "ServiceMonitor.exe";
constexpr const char* kLogMonitorUrl =
    "https://github.com/microsoft/windows-container-tools/releases/download/v2.1.1/LogMonitor.exe";
constexpr const char* kPowerShell =
    R"(SHELL ["powershell", "-NoProfile", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"])";

std::string windows_path(std::string_view rel) {
  std::string out(rel);
  for (auto& c : out) {
    if (c == '/') c = '\\';
  }
  return out;
}

// The entrypoint in shell form, quoted for the SHELL it runs under.
std::string shell_command(const AppPlan& plan, bool powershell) {
  auto args = split_arguments(plan.entry_args);
  return powershell ? ps_command(plan.entry_exe, args) : cmd_command(plan.entry_exe, args);
}

// One argument of a build command: PowerShell unless the SDK image is Nano
// Server (cmd).
std::string build_arg(const BuildPlan& b, std::string_view s) {
  return b.sdk_image.find("nanoserver") == std::string::npos ? ps_argument(s) : cmd_argument(s);
}

void build_stage(std::ostringstream& d, const AppPlan& plan) {
  const BuildPlan& b = plan.build;
  std::string project = build_arg(b, windows_path(b.project));
  d << dockerfile_comment("Build stage: compile " + b.project +
                          " with the SDK image; only its output reaches the final image.")
    << "\n";
  d << "FROM " << b.sdk_image << " AS build\n";
  if (b.sdk_image.find("nanoserver") == std::string::npos) d << kPowerShell << "\n";
  d << "WORKDIR C:\\src\n";
  d << "COPY src/ .\n";
  if (b.dotnet_sdk) {
    d << "RUN dotnet publish " << project << " -c Release -o C:\\out\n";
  } else {
    // The project's own step: published (web) or built into one output folder.
    // The value is editable in plan.yaml: bare only when it is a plain word,
    // else the whole argument quoted like the other arguments.
    std::string tf;
    if (!b.target_framework.empty()) {
      std::string arg = "/p:TargetFramework=" + b.target_framework;
      tf = " " + (ps_plain_word(b.target_framework) ? arg : build_arg(b, arg));
    }
    std::string solution_dir;
    if (!b.solution.empty()) {
      std::string sln = build_arg(b, windows_path(b.solution));
      std::string dir = windows_path(b.solution);
      auto slash = dir.rfind('\\');
      dir = "C:\\src\\" + (slash == std::string::npos ? "" : dir.substr(0, slash + 1));
      d << "# The whole solution: packages in its packages folder, $(SolutionDir) HintPaths, and "
           "the projects\n# it builds that this one does not reference.\n";
      d << "RUN nuget restore " << sln << "\n";
      d << "RUN msbuild " << sln << " /p:Configuration=Release\n";
      // As an environment variable (MSBuild reads them as properties): a
      // quoted /p: argument ending in a backslash would escape its own quote.
      solution_dir = "$env:SolutionDir = " + ps_literal(dir) + "; ";
    } else {
      d << "RUN nuget restore " << project << " -SolutionDirectory C:\\src\n";
    }
    if (b.web_publish) {
      d << "RUN " << solution_dir << "msbuild " << project << tf
        << " /p:Configuration=Release /p:DeployOnBuild=true /p:WebPublishMethod=FileSystem `\n"
           "    /p:DeployDefaultTarget=WebPublish /p:PublishUrl=C:\\out\n";
    } else {
      d << "RUN " << solution_dir << "msbuild " << project << tf
        << " /p:Configuration=Release /p:OutDir=C:\\out\\\n";
    }
  }
  d << "\n";
}

bool uses_builders(const AppPlan& plan) {
  for (const auto& r : plan.config_rewrites) {
    if (r.builders) return true;
  }
  return false;
}

// --config env: the Environment config builder and the Base package it needs,
// fetched from nuget.org at build time into the app's bin folder (after the
// COPY, which replaces the folder's content).
void config_builders(std::ostringstream& d, const AppPlan& plan) {
  std::string bin = plan.build.app_dir + (plan.entry_kind == EntryKind::kIis ? "\\bin" : "");
  d << "\n# --config env: Microsoft.Configuration.ConfigurationBuilders.Environment "
    << kBuildersVersion
    << " (and .Base), from nuget.org,\n"
       "# so the configs marked configBuilders= read their values from environment variables.\n";
  // The folder may not exist (a site without a bin folder): Copy-Item would
  // then write a file of that name.
  d << "RUN New-Item -ItemType Directory -Force -Path " << ps_literal(bin)
    << " | Out-Null; foreach ($p in 'Base','Environment') { $n = "
       "'Microsoft.Configuration.ConfigurationBuilders.' + $p; "
       "Invoke-WebRequest ('https://www.nuget.org/api/v2/package/' + $n + '/"
    << kBuildersVersion
    << "') -OutFile C:\\cb.zip; Expand-Archive C:\\cb.zip C:\\cb; "
       "Copy-Item (Get-ChildItem C:\\cb\\lib\\net4* -Recurse -Filter ($n + '.dll')).FullName "
    << ps_literal(bin) << "; Remove-Item -Recurse -Force C:\\cb, C:\\cb.zip }\n";
}

// The runtimes the plan installs, from installers/ of the build context
// (the user puts the installers there; installers/README.md says which): each
// run silently, its exit code checked (3010: installed, a restart pending,
// which a container's next start is), then the installers are removed.
void installs(std::ostringstream& d, const AppPlan& plan) {
  d << "\n# Runtimes the server had installed, from the installers you put into installers/ "
       "(MIGRATION.md)\n";
  d << "COPY installers/ C:/installers/\n";
  for (const auto& i : plan.installs) {
    std::string path = "C:\\installers\\" + i.file;
    std::string args;
    for (const auto& a : split_arguments(i.arguments))
      args += (args.empty() ? "" : ",") + ps_literal(a);
    d << dockerfile_comment(i.name + ": " + i.reason) << "\n";
    d << "RUN if (-not (Test-Path " << ps_literal(path) << ")) { throw "
      << ps_literal("installers/" + i.file + " is missing: put the " + i.name +
                    " installer there (MIGRATION.md)")
      << " }; $p = Start-Process -Wait -PassThru -FilePath " << ps_literal(path)
      << " -ArgumentList " << args << "; if ($p.ExitCode -notin 0, 3010) { throw ("
      << ps_literal(i.file + " failed with exit code ") << " + $p.ExitCode) }\n";
  }
  d << "RUN Remove-Item -Recurse -Force C:\\installers\n";
}

std::string render(const AppPlan& plan, const std::string& image,
                   const std::vector<BuildStep>& extra_steps, bool service_monitor,
                   const std::string& title) {
  std::ostringstream d;
  bool nano = plan.nano_server && extra_steps.empty();
  d << "# escape=`\n";
  d << dockerfile_comment(title + " for " + plan.app_name + " (" + plan.app_id +
                          "), written by liftshift containerize.")
    << "\n";
  if (plan.build.context_written) {
    d << "# Build context: this folder; liftshift copied the application into "
      << plan.build.context_folder << "/ (" << plan.build.context_summary << ").\n";
  } else {
    d << "# Build context: this folder, with the application copied into "
      << plan.build.context_folder << "/ (MIGRATION.md, step 7).\n";
  }
  d << "# Windows Server " << to_string(plan.windows_version) << ", " << to_string(plan.isolation)
    << " isolation; every decision and its reason is in MIGRATION.md.\n\n";
  if (plan.build.from_source) build_stage(d, plan);
  d << "FROM " << image << "\n";
  if (!nano) d << kPowerShell << "\n";
  // The fallback image's own steps come first; a plan step that repeats one
  // (NetFx3 for a CLR 2.0 registration) is not run twice.
  std::vector<BuildStep> steps = extra_steps;
  for (const auto& s : plan.steps) {
    if (std::none_of(extra_steps.begin(), extra_steps.end(),
                     [&](const BuildStep& e) { return e.command == s.command; }))
      steps.push_back(s);
  }
  for (const auto& s : steps) {
    d << "\n" << dockerfile_comment(s.comment) << "\n";
    if (!s.supplied.empty()) {
      d << dockerfile_comment("You supply " + s.supplied + "/: " + s.supplied_what) << "\n";
      d << dockerfile_copy("COPY", {s.supplied + "/"}, s.supplied_to + "\\") << "\n";
    }
    d << "RUN " << dockerfile_line(s.command) << "\n";
  }
  if (!plan.installs.empty()) installs(d, plan);
  if (service_monitor) {
    d << "\n# ServiceMonitor v2.0.1.10 (pinned): keeps the container in the foreground while the "
         "service runs\n";
    d << "ADD " << kServiceMonitorUrl << " C:/ServiceMonitor.exe\n";
  }
  if (plan.log_monitor.used) {
    d << "\n# Log Monitor: forwards event logs, log files and ETW to stdout "
         "(LogMonitorConfig.json)\n";
    d << "ADD " << kLogMonitorUrl << " C:/LogMonitor/LogMonitor.exe\n";
    d << "COPY LogMonitorConfig.json C:/LogMonitor/LogMonitorConfig.json\n";
  }
  d << "\nWORKDIR " << dockerfile_path_word(plan.build.app_dir) << "\n";
  if (plan.entry_kind == EntryKind::kIis && !nano) {
    // A wildcard path: bare when the folder is a plain word, else one literal.
    std::string dir = ps_argument(plan.build.app_dir);
    d << "RUN Remove-Item -Recurse -Force "
      << (dir == plan.build.app_dir ? dir + "\\*" : ps_literal(plan.build.app_dir + "\\*")) << "\n";
  }
  if (plan.build.from_source) {
    d << "COPY --from=build C:/out/ .\n";
  } else {
    d << dockerfile_copy("COPY", {plan.build.context_folder + "/"}, ".") << "\n";
  }
  for (const auto& v : plan.volumes) {
    if (v.seed_path.empty()) continue;
    // Beside the mount point, not under it: the volume hides what is there.
    d << dockerfile_comment("Seed of volume " + v.name + " (" + v.container_path +
                            "): copied onto the volume at the first start")
      << "\n";
    d << dockerfile_copy("COPY", {"seed/" + v.name + "/"}, to_forward_slashes(v.seed_path) + "/")
      << "\n";
  }
  for (const auto& c : plan.build.copies) {
    if (c.image_path.empty()) continue;  // virtual directories served from another folder
    d << dockerfile_copy("COPY", {c.to + "/"}, c.image_path + "\\") << "\n";
  }
  for (const auto& s : plan.post_copy_steps) {
    d << "\n" << dockerfile_comment(s.comment) << "\n";
    d << "RUN " << dockerfile_line(s.command) << "\n";
  }
  if (uses_builders(plan) && !nano) config_builders(d, plan);
  if (!plan.ports.empty()) {
    d << "\nEXPOSE";
    for (const auto& p : plan.ports) d << " " << p.port;
    d << "\n";
  }
  d << "\nUSER " << plan.user << "\n";
  if (plan.log_monitor.used) {
    if (plan.entry_kind == EntryKind::kIis && !nano) {
      d << R"(SHELL ["C:\\LogMonitor\\LogMonitor.exe", "powershell.exe"])"
        << "\n";
    } else {
      d << R"(SHELL ["C:\\LogMonitor\\LogMonitor.exe", "cmd", "/S", "/C"])"
        << "\n";
    }
    d << "# Shell form on purpose: the exec form would bypass SHELL and Log Monitor would never "
         "start.\n";
    d << "ENTRYPOINT " << shell_command(plan, plan.entry_kind == EntryKind::kIis && !nano) << "\n";
  } else {
    std::vector<std::string> entry{plan.entry_exe};
    for (auto& a : split_arguments(plan.entry_args)) entry.push_back(std::move(a));
    d << "ENTRYPOINT " << dockerfile_json_array(entry) << "\n";
  }
  return d.str();
}

}  // namespace

std::string render_dockerfile(const AppPlan& plan) {
  return render(plan, plan.base_image + ":" + plan.base_tag, {}, plan.download_service_monitor,
                "Dockerfile");
}

std::string render_dockerfile_netfx3(const AppPlan& plan) {
  if (plan.fallback_steps.empty() || plan.fallback_image.empty()) return "";
  bool service_monitor =
      plan.entry_kind == EntryKind::kIis || plan.entry_kind == EntryKind::kService;
  return render(plan, plan.fallback_image, plan.fallback_steps, service_monitor,
                "Fallback Dockerfile (.NET Framework 3.5 on Server Core, the seed's fallback)");
}

std::string render_dockerignore(const AppPlan& plan) {
  std::string out =
      "# The build context is this folder: keep out what the image must not carry.\n"
      "# Generated files (manifests, docs) are not part of the image.\n"
      "k8s/\n"
      "compose.yaml\n"
      "compose.override.yaml\n"
      ".env*\n"
      "*.md\n"
      "Dockerfile*\n"
      "secrets/\n"
      "# Certificates belong to the ingress, not the image (seed: IIS certificates).\n"
      "**/*.pfx\n"
      "**/*.p12\n"
      "**/*.key\n"
      "# Debug symbols, editor and source-control files.\n"
      "**/*.pdb\n"
      "**/.vs/\n"
      "**/.git/\n"
      "**/*.user\n"
      "**/*.suo\n"
      "**/Web.Debug.config\n"
      "**/Web.Release.config\n";
  bool data = false;
  for (const auto& v : plan.volumes) {
    if (v.context_data.empty()) continue;
    if (!data)
      out += "# Data folders under a volume: their content is the volume's seed (seed/).\n";
    data = true;
    out += v.context_data + "/\n";
  }
  if (plan.build.from_source) {
    out +=
        "# Build outputs of the source tree: the SDK stage builds them again.\n"
        "src/**/bin/\n"
        "src/**/obj/\n"
        "src/packages/\n";
  }
  return out;
}

}  // namespace liftshift
