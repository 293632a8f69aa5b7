#include "plan/windows_facts.hpp"

namespace liftshift {

std::optional<WindowsVersion> parse_windows_version(std::string_view text) {
  if (text == "ltsc2016") return WindowsVersion::kLtsc2016;
  if (text == "ltsc2019") return WindowsVersion::kLtsc2019;
  if (text == "ltsc2022") return WindowsVersion::kLtsc2022;
  if (text == "ltsc2025") return WindowsVersion::kLtsc2025;
  return std::nullopt;
}

std::optional<Isolation> parse_isolation(std::string_view text) {
  if (text == "process") return Isolation::kProcess;
  if (text == "hyperv") return Isolation::kHyperv;
  return std::nullopt;
}

std::optional<Orchestrator> parse_orchestrator(std::string_view text) {
  if (text == "kubernetes") return Orchestrator::kKubernetes;
  if (text == "swarm") return Orchestrator::kSwarm;
  if (text == "compose") return Orchestrator::kCompose;
  return std::nullopt;
}

std::string server_name(WindowsVersion v) {
  switch (v) {
    case WindowsVersion::kLtsc2016:
      return "Windows Server 2016";
    case WindowsVersion::kLtsc2019:
      return "Windows Server 2019";
    case WindowsVersion::kLtsc2022:
      return "Windows Server 2022";
    case WindowsVersion::kLtsc2025:
      return "Windows Server 2025";
  }
  return "";
}

std::string windows_build(WindowsVersion v) {
  switch (v) {
    case WindowsVersion::kLtsc2016:
      return "10.0.14393";
    case WindowsVersion::kLtsc2019:
      return "10.0.17763";
    case WindowsVersion::kLtsc2022:
      return "10.0.20348";
    case WindowsVersion::kLtsc2025:
      return "10.0.26100";
  }
  return "";
}

std::string servercore_tag(WindowsVersion v) { return to_string(v); }

std::string nanoserver_tag(WindowsVersion v) {
  switch (v) {
    case WindowsVersion::kLtsc2016:
      return "";
    case WindowsVersion::kLtsc2019:
      return "1809";
    default:
      return to_string(v);
  }
}

std::string netfx_tag(WindowsVersion v) {
  bool new_os = v == WindowsVersion::kLtsc2022 || v == WindowsVersion::kLtsc2025;
  return std::string(new_os ? "4.8.1" : "4.8") + "-windowsservercore-" + to_string(v);
}

std::string dotnet_tag(int major, WindowsVersion v, bool nano) {
  if (major < 8 || major > 10 || v == WindowsVersion::kLtsc2016) return "";
  if (major == 10 && v == WindowsVersion::kLtsc2019) return "";
  std::string os = nano ? "nanoserver-" + nanoserver_tag(v) : "windowsservercore-" + to_string(v);
  return std::to_string(major) + ".0-" + os;
}

std::string iis_tag(WindowsVersion v) { return "windowsservercore-" + to_string(v); }

std::string full_server_image(WindowsVersion v) {
  switch (v) {
    case WindowsVersion::kLtsc2016:
      return "";
    case WindowsVersion::kLtsc2019:
      return "mcr.microsoft.com/windows:1809";
    default:
      return "mcr.microsoft.com/windows/server:" + to_string(v);
  }
}

std::vector<std::string> known_images(WindowsVersion v) {
  const std::string mcr = "mcr.microsoft.com/";
  auto ref = [&](const std::string& repo, const std::string& tag) {
    return tag.empty() ? std::string() : mcr + repo + ":" + tag;
  };
  std::vector<std::string> out;
  for (const char* family : {"aspnet", "wcf", "runtime", "sdk"})
    out.push_back(ref(std::string("dotnet/framework/") + family, netfx_tag(v)));
  out.push_back(ref("windows/servercore/iis", iis_tag(v)));
  out.push_back(ref("windows/servercore", servercore_tag(v)));
  out.push_back(ref("windows/nanoserver", nanoserver_tag(v)));
  for (const char* family : {"aspnet", "runtime", "sdk"}) {
    for (int major : {8, 9, 10}) {
      for (bool nano : {true, false})
        out.push_back(ref(std::string("dotnet/") + family, dotnet_tag(major, v, nano)));
    }
  }
  out.push_back(full_server_image(v));
  return out;
}

std::vector<std::string> compatible_hosts(WindowsVersion v, Isolation isolation) {
  bool hv = isolation == Isolation::kHyperv;
  switch (v) {
    case WindowsVersion::kLtsc2025:
      return {"Windows Server 2025", "Windows 11 24H2"};
    case WindowsVersion::kLtsc2022:
      return {"Windows Server 2022", "Windows Server 2025", "Windows 11"};
    case WindowsVersion::kLtsc2019:
      if (hv)
        return {"Windows Server 2019", "Windows Server 2022", "Windows Server 2025", "Windows 11",
                "Windows 10"};
      return {"Windows Server 2019"};
    case WindowsVersion::kLtsc2016:
      if (hv) {
        return {"Windows Server 2016", "Windows Server 2019", "Windows Server 2022",
                "Windows Server 2025", "Windows 11",          "Windows 10"};
      }
      return {"Windows Server 2016"};
  }
  return {};
}

std::string netfx3_command(WindowsVersion v) {
  if (v == WindowsVersion::kLtsc2022 || v == WindowsVersion::kLtsc2025) {
    return "dism /Online /Add-Capability /CapabilityName:NetFx3";
  }
  return "Start-Service wuauserv; dism /Online /Enable-Feature /FeatureName:NetFx3 /All";
}

}  // namespace liftshift
