#include "collect/platform_agents.hpp"

#include <array>
#include <string_view>

#include "collect/file_kind.hpp"
#include "collect/machine_collector.hpp"
#include "collect/server_apps.hpp"
#include "core/text.hpp"
#include "formats/pe.hpp"

namespace liftshift {

namespace {

// One product that runs as a service to keep the server (not its users)
// going. Every non-empty field must match; an entry names at least one:
//   service  the registry key name, case-insensitive; a trailing '*' matches a
//            prefix (updaters put their version in the name);
//   exe      the program's file name;
//   folder   a piece of the program's path ("\\Program Files\\Amazon\\");
//   company  a piece of the version resource's CompanyName;
//   product  a piece of its ProductName or FileDescription.
// Hyper-V's integration services (vmicheartbeat, vmickvpexchange...) run
// in svchost.exe from System32 on every Windows Server, hypervisor or not:
// they stay with Windows' own services and are not listed here.
struct AgentEntry {
  std::string_view service, exe, folder, company, product;
  std::string_view category;
  std::string_view what;
};

constexpr std::string_view kHypervisor = "hypervisor tools";
constexpr std::string_view kCloud = "cloud guest agent";
constexpr std::string_view kSecurity = "antivirus/EDR";
constexpr std::string_view kBackup = "backup";
constexpr std::string_view kMonitoring = "monitoring";
constexpr std::string_view kUpdate = "updater";
constexpr std::string_view kManagement = "configuration management";
constexpr std::string_view kLicensing = "licensing";

constexpr std::array kAgents = {
    // ---- hypervisor guest tools ----
    // VMware Tools' core service (vmtoolsd.exe): time sync, heartbeat, guest operations.
    AgentEntry{"VMTools", "", "", "", "", kHypervisor, "VMware Tools"},
    // VMware Tools' guest authentication service (VGAuthService.exe).
    AgentEntry{"VGAuthService", "", "", "", "", kHypervisor, "VMware Tools (guest authentication)"},
    // VMware Tools' SVGA display helper (vm3dservice.exe).
    AgentEntry{"vm3dservice", "", "", "", "", kHypervisor, "VMware Tools (SVGA helper)"},
    // VMware Tools' Common Agent Framework services (VMwareCAFManagementAgentHost...).
    AgentEntry{"VMwareCAF*", "", "", "", "", kHypervisor, "VMware Tools (Common Agent Framework)"},
    // Any VMware Tools program, by its version resource.
    AgentEntry{"", "", "", "VMware", "VMware Tools", kHypervisor, "VMware Tools"},
    // VirtualBox Guest Additions (VBoxService.exe).
    AgentEntry{"VBoxService", "", "", "", "", kHypervisor, "VirtualBox Guest Additions"},
    AgentEntry{"", "", "", "", "VirtualBox Guest Additions", kHypervisor,
               "VirtualBox Guest Additions"},
    // QEMU/KVM guest agent (qemu-ga.exe) and virtio memory balloon service (blnsvr.exe).
    AgentEntry{"", "qemu-ga.exe", "", "", "", kHypervisor, "QEMU guest agent"},
    AgentEntry{"", "blnsvr.exe", "", "", "", kHypervisor, "virtio balloon service (KVM)"},
    // Citrix Hypervisor / XenServer guest tools (xenguestagent.exe).
    AgentEntry{"", "xenguestagent.exe", "", "", "", kHypervisor, "XenServer guest agent"},
    AgentEntry{"", "", "", "Citrix", "XenServer", kHypervisor, "XenServer VM tools"},
    AgentEntry{"", "", "", "", "Citrix VM Tools", kHypervisor, "Citrix VM Tools"},
    // Nutanix Guest Tools (everything installed under Program Files\Nutanix).
    AgentEntry{"", "", "\\Program Files\\Nutanix\\", "", "", kHypervisor, "Nutanix Guest Tools"},

    // ---- cloud guest agents ----
    // Azure VM agent (WindowsAzureGuestAgent.exe, RdAgent, telemetry), all under C:\WindowsAzure.
    AgentEntry{"", "", "C:\\WindowsAzure\\", "", "", kCloud, "Azure VM agent"},
    AgentEntry{"WindowsAzureGuestAgent", "", "", "", "", kCloud, "Azure VM agent"},
    AgentEntry{"RdAgent", "", "", "", "", kCloud, "Azure VM agent (RdAgent)"},
    // Azure Arc connected machine agent (himds.exe, GCArcService, ExtensionService).
    AgentEntry{"", "", "\\AzureConnectedMachineAgent\\", "", "", kCloud,
               "Azure Arc connected machine agent"},
    // AWS: SSM agent, EC2Config, EC2Launch, CloudWatch agent, PV drivers' Lite agent, all
    // installed under Program Files\Amazon.
    AgentEntry{"", "", "\\Program Files\\Amazon\\", "", "", kCloud, "AWS EC2 agent"},
    AgentEntry{"", "", "\\Program Files (x86)\\Amazon\\", "", "", kCloud, "AWS EC2 agent"},
    AgentEntry{"AmazonSSMAgent", "", "", "", "", kCloud, "AWS Systems Manager agent"},
    AgentEntry{"Ec2Config", "", "", "", "", kCloud, "AWS EC2Config"},
    // Google Compute Engine guest agent (GCEWindowsAgent.exe) and OS Config agent.
    AgentEntry{"", "", "\\Google\\Compute Engine\\", "", "", kCloud, "Google Compute Engine agent"},
    AgentEntry{"GCEAgent", "", "", "", "", kCloud, "Google Compute Engine agent"},
    AgentEntry{"", "", "\\Google\\OSConfig\\", "", "", kCloud, "Google OS Config agent"},
    AgentEntry{"", "", "\\Google\\Cloud Operations\\", "", "", kMonitoring,
               "Google Cloud Ops agent"},

    // ---- antivirus and endpoint detection ----
    // Microsoft Defender for Endpoint (MsSense.exe, under Program Files, not Windows).
    AgentEntry{"Sense", "", "", "", "", kSecurity, "Microsoft Defender for Endpoint"},
    // Microsoft Defender Antivirus and its network inspection service.
    AgentEntry{"WinDefend", "", "", "", "", kSecurity, "Microsoft Defender Antivirus"},
    AgentEntry{"WdNisSvc", "", "", "", "", kSecurity, "Microsoft Defender Antivirus (network)"},
    // Microsoft Security Essentials / System Center Endpoint Protection (MsMpEng.exe).
    AgentEntry{"MsMpSvc", "", "", "", "", kSecurity, "System Center Endpoint Protection"},
    // Microsoft Defender for Identity sensor (domain controllers).
    AgentEntry{"AATPSensor", "", "", "", "", kSecurity, "Microsoft Defender for Identity sensor"},
    // Symantec Endpoint Protection (ccSvcHst.exe as SepMasterService; older SmcService).
    AgentEntry{"SepMasterService", "", "", "", "", kSecurity, "Symantec Endpoint Protection"},
    AgentEntry{"SmcService", "", "", "", "", kSecurity, "Symantec Endpoint Protection client"},
    AgentEntry{"", "", "", "Symantec", "Endpoint Protection", kSecurity,
               "Symantec Endpoint Protection"},
    // CrowdStrike Falcon sensor (CSFalconService.exe).
    AgentEntry{"CSFalconService", "", "", "", "", kSecurity, "CrowdStrike Falcon sensor"},
    AgentEntry{"", "", "", "CrowdStrike", "", kSecurity, "CrowdStrike Falcon sensor"},
    // SentinelOne agent (SentinelAgent.exe).
    AgentEntry{"SentinelAgent", "", "", "", "", kSecurity, "SentinelOne agent"},
    AgentEntry{"", "", "", "SentinelOne", "", kSecurity, "SentinelOne agent"},
    // VMware Carbon Black Cloud sensor (RepMgr.exe as CbDefense) and Carbon Black EDR (cb.exe).
    AgentEntry{"CbDefense", "", "", "", "", kSecurity, "Carbon Black Cloud sensor"},
    AgentEntry{"CarbonBlack", "", "", "", "", kSecurity, "Carbon Black EDR sensor"},
    // McAfee / Trellix agent and endpoint security (masvc.exe, macmnsvc.exe, mfemms.exe...):
    // every program these companies ship is a security product.
    AgentEntry{"", "", "", "McAfee", "", kSecurity, "McAfee agent"},
    AgentEntry{"", "", "", "Trellix", "", kSecurity, "Trellix agent"},
    AgentEntry{"masvc", "", "", "", "", kSecurity, "McAfee agent"},
    AgentEntry{"McAfeeFramework", "", "", "", "", kSecurity, "McAfee framework service"},
    // Trend Micro Apex One/OfficeScan (ntrtscan.exe, TmListen.exe) and Deep Security (ds_agent).
    AgentEntry{"", "", "", "Trend Micro", "", kSecurity, "Trend Micro agent"},
    AgentEntry{"ntrtscan", "", "", "", "", kSecurity, "Trend Micro OfficeScan real-time scan"},
    AgentEntry{"ds_agent", "", "", "", "", kSecurity, "Trend Micro Deep Security agent"},
    // Sophos endpoint (SAVService.exe, Sophos Health, ...).
    AgentEntry{"", "", "", "Sophos", "", kSecurity, "Sophos endpoint"},
    // ESET (ekrn.exe), Kaspersky (avp.exe, klnagent.exe), Bitdefender (EPSecurityService.exe).
    AgentEntry{"ekrn", "", "", "", "", kSecurity, "ESET endpoint security"},
    AgentEntry{"", "", "", "ESET", "", kSecurity, "ESET endpoint security"},
    AgentEntry{"", "", "", "Kaspersky", "", kSecurity, "Kaspersky endpoint security"},
    AgentEntry{"klnagent", "", "", "", "", kSecurity, "Kaspersky Security Center network agent"},
    AgentEntry{"", "", "", "Bitdefender", "", kSecurity, "Bitdefender endpoint security"},
    // Cylance (CylanceSvc.exe), Cortex XDR (cyserver.exe), Malwarebytes (MBAMService.exe).
    AgentEntry{"CylanceSvc", "", "", "", "", kSecurity, "Cylance PROTECT"},
    AgentEntry{"cyserver", "", "", "", "", kSecurity, "Palo Alto Cortex XDR"},
    AgentEntry{"", "", "", "Malwarebytes", "", kSecurity, "Malwarebytes"},
    // Vulnerability scanners' agents: Qualys Cloud Agent, Rapid7 Insight Agent, Tenable Nessus.
    AgentEntry{"QualysAgent", "", "", "", "", kSecurity, "Qualys Cloud Agent"},
    AgentEntry{"ir_agent", "", "", "", "", kSecurity, "Rapid7 Insight Agent"},
    AgentEntry{"", "", "", "Tenable", "", kSecurity, "Tenable Nessus agent"},

    // ---- backup ----
    // Veeam Agent for Windows and Veeam's transport/installer services.
    AgentEntry{"", "", "", "Veeam", "", kBackup, "Veeam backup"},
    // Veritas (formerly Symantec) Backup Exec remote agent and NetBackup client (bpinetd).
    AgentEntry{"", "", "", "", "Backup Exec", kBackup, "Backup Exec agent"},
    AgentEntry{"", "", "", "", "NetBackup", kBackup, "NetBackup client"},
    AgentEntry{"bpinetd", "", "", "", "", kBackup, "NetBackup client service"},
    // Commvault (GxCVD(Instance001), GxClMgrS(Instance001)...).
    AgentEntry{"GxCVD(*", "", "", "", "", kBackup, "Commvault communications service"},
    AgentEntry{"", "", "", "Commvault", "", kBackup, "Commvault agent"},
    // Dell EMC NetWorker client (nsrexecd), Acronis, Arcserve, Rubrik, Cohesity, IBM Spectrum
    // Protect (formerly Tivoli Storage Manager) clients.
    AgentEntry{"nsrexecd", "", "", "", "", kBackup, "NetWorker client"},
    AgentEntry{"", "", "", "Acronis", "", kBackup, "Acronis agent"},
    AgentEntry{"", "", "", "Arcserve", "", kBackup, "Arcserve agent"},
    AgentEntry{"", "", "", "Rubrik", "", kBackup, "Rubrik backup service"},
    AgentEntry{"", "", "", "Cohesity", "", kBackup, "Cohesity agent"},
    AgentEntry{"", "", "", "", "Spectrum Protect", kBackup, "IBM Spectrum Protect client"},
    AgentEntry{"", "", "", "", "Tivoli Storage Manager", kBackup, "IBM Tivoli Storage Manager"},

    // ---- monitoring and log shipping ----
    // Microsoft Monitoring Agent (SCOM / Log Analytics, HealthService.exe).
    AgentEntry{"HealthService", "", "", "", "", kMonitoring, "Microsoft Monitoring Agent"},
    // Zabbix agent 1 and 2, NSClient++ (nscp, for Nagios/Icinga), PRTG probe.
    AgentEntry{"Zabbix Agent*", "", "", "", "", kMonitoring, "Zabbix agent"},
    AgentEntry{"", "", "", "Zabbix", "", kMonitoring, "Zabbix agent"},
    AgentEntry{"nscp", "", "", "", "", kMonitoring, "NSClient++ (Nagios agent)"},
    AgentEntry{"PRTGProbeService", "", "", "", "", kMonitoring, "PRTG probe"},
    // Datadog, New Relic infrastructure, Dynatrace OneAgent, AppDynamics, SolarWinds agents.
    AgentEntry{"", "", "", "Datadog", "", kMonitoring, "Datadog agent"},
    AgentEntry{"datadogagent", "", "", "", "", kMonitoring, "Datadog agent"},
    AgentEntry{"newrelic-infra", "", "", "", "", kMonitoring, "New Relic infrastructure agent"},
    AgentEntry{"", "", "", "Dynatrace", "", kMonitoring, "Dynatrace OneAgent"},
    AgentEntry{"", "", "", "AppDynamics", "", kMonitoring, "AppDynamics agent"},
    AgentEntry{"", "", "", "SolarWinds", "Agent", kMonitoring, "SolarWinds agent"},
    // Log forwarders: Splunk universal forwarder, Elastic agent and Beats, Fluent Bit.
    AgentEntry{"SplunkForwarder", "", "", "", "", kMonitoring, "Splunk universal forwarder"},
    AgentEntry{"", "", "", "Splunk", "", kMonitoring, "Splunk forwarder"},
    AgentEntry{"", "", "", "Elasticsearch", "", kMonitoring, "Elastic agent / Beats"},
    AgentEntry{"elastic-agent", "", "", "", "", kMonitoring, "Elastic agent"},
    AgentEntry{"winlogbeat", "", "", "", "", kMonitoring, "Elastic Winlogbeat"},
    AgentEntry{"fluent-bit", "", "", "", "", kMonitoring, "Fluent Bit"},
    // Prometheus windows_exporter, InfluxData Telegraf.
    AgentEntry{"windows_exporter", "", "", "", "", kMonitoring, "Prometheus windows_exporter"},
    AgentEntry{"telegraf", "", "", "", "", kMonitoring, "Telegraf"},

    // ---- updaters ----
    // Google Update (GoogleUpdate.exe) and Google's newer updater (its version in the name).
    AgentEntry{"gupdate", "", "", "", "", kUpdate, "Google Update"},
    AgentEntry{"gupdatem", "", "", "", "", kUpdate, "Google Update"},
    AgentEntry{"GoogleUpdater*", "", "", "", "", kUpdate, "Google Updater"},
    AgentEntry{"", "", "", "Google", "Google Update", kUpdate, "Google Update"},
    // Chrome's elevation service (elevation_service.exe), which its updater uses.
    AgentEntry{"GoogleChromeElevationService", "", "", "", "", kUpdate,
               "Google Chrome elevation service"},
    // Microsoft Edge update and elevation services.
    AgentEntry{"edgeupdate", "", "", "", "", kUpdate, "Microsoft Edge Update"},
    AgentEntry{"edgeupdatem", "", "", "", "", kUpdate, "Microsoft Edge Update"},
    AgentEntry{"MicrosoftEdgeElevationService", "", "", "", "", kUpdate,
               "Microsoft Edge elevation service"},
    // Mozilla Maintenance Service (Firefox updates), Adobe Acrobat Update Service.
    AgentEntry{"MozillaMaintenance", "", "", "", "", kUpdate, "Mozilla Maintenance Service"},
    AgentEntry{"AdobeARMservice", "", "", "", "", kUpdate, "Adobe Acrobat Update Service"},

    // ---- configuration management ----
    // Puppet agent and its PXP agent, Chef client, Salt minion, Tanium client.
    AgentEntry{"puppet", "", "", "", "", kManagement, "Puppet agent"},
    AgentEntry{"pxp-agent", "", "", "", "", kManagement, "Puppet PXP agent"},
    AgentEntry{"chef-client", "", "", "", "", kManagement, "Chef client"},
    AgentEntry{"salt-minion", "", "", "", "", kManagement, "Salt minion"},
    AgentEntry{"", "", "", "Tanium", "", kManagement, "Tanium client"},

    // ---- licensing daemons ----
    // FlexLM/FlexNet license manager daemon (lmgrd.exe; its service name is chosen in lmtools)
    // and FlexNet Licensing Service (FNPLicensingService.exe) that FlexNet-protected programs use.
    AgentEntry{"", "lmgrd.exe", "", "", "", kLicensing, "FlexLM license manager (lmgrd)"},
    AgentEntry{"", "FNPLicensingService.exe", "", "", "", kLicensing, "FlexNet Licensing Service"},
    AgentEntry{"", "", "", "Flexera", "", kLicensing, "FlexNet licensing"},
    AgentEntry{"", "", "", "", "FLEXlm", kLicensing, "FlexLM license manager"},
    // Sentinel LDK/HASP license manager (hasplms.exe), Sentinel RMS (lservnt.exe).
    AgentEntry{"", "hasplms.exe", "", "", "", kLicensing, "Sentinel LDK license manager"},
    AgentEntry{"", "lservnt.exe", "", "", "", kLicensing, "Sentinel RMS license manager"},
    // Reprise License Manager (rlm.exe), Wibu CodeMeter runtime (CodeMeter.exe).
    AgentEntry{"", "rlm.exe", "", "", "", kLicensing, "Reprise License Manager"},
    AgentEntry{"", "CodeMeter.exe", "", "", "", kLicensing, "CodeMeter license runtime"},
    // Autodesk desktop licensing service.
    AgentEntry{"AdskLicensingService", "", "", "", "", kLicensing, "Autodesk licensing service"},
};

bool name_matches(std::string_view pattern, std::string_view name) {
  if (!pattern.empty() && pattern.back() == '*') {
    return istarts_with(name, pattern.substr(0, pattern.size() - 1));
  }
  return iequals(pattern, name);
}

std::string_view exe_file_name(std::string_view exe) {
  auto slash = exe.find_last_of("\\/");
  return slash == std::string_view::npos ? exe : exe.substr(slash + 1);
}

// What the version resource says, for evidence: "CompanyName 'VMware, Inc.',
// ProductName 'VMware Tools'"; "" when it says nothing.
std::string version_text(const BinaryFacts* v) {
  if (!v) return "";
  std::string out;
  auto add = [&](std::string_view label, const std::string& value) {
    if (value.empty()) return;
    out += (out.empty() ? "" : ", ") + std::string(label) + " '" + printable(value) + "'";
  };
  add("CompanyName", v->company_name);
  add("ProductName", v->product_name);
  if (v->product_name.empty()) add("FileDescription", v->file_description);
  return out;
}

std::optional<std::string> entry_matches(const AgentEntry& e, const ServiceInfo& s,
                                         const std::string& exe, const BinaryFacts* v) {
  std::vector<std::string> why;
  if (!e.service.empty()) {
    if (!name_matches(e.service, s.name)) return std::nullopt;
    why.push_back("service name " + s.name);
  }
  if (!e.exe.empty()) {
    if (!iequals(exe_file_name(exe), e.exe)) return std::nullopt;
    why.push_back("program " + std::string(exe_file_name(exe)));
  }
  if (!e.folder.empty()) {
    if (!icontains(exe, e.folder)) return std::nullopt;
    why.push_back("installed under " + std::string(e.folder));
  }
  if (!e.company.empty() || !e.product.empty()) {
    if (!v) return std::nullopt;
    if (!e.company.empty() && !icontains(v->company_name, e.company)) return std::nullopt;
    if (!e.product.empty() && !icontains(v->product_name, e.product) &&
        !icontains(v->file_description, e.product)) {
      return std::nullopt;
    }
    why.push_back("its version resource");
  }
  std::string out;
  for (const auto& w : why) out += (out.empty() ? "" : " and ") + w;
  return out;
}

// C:\Windows\... (after expanding %SystemRoot%): Windows' own programs.
bool in_windows_folder(const std::string& exe) { return istarts_with(exe, "C:\\Windows\\"); }

}  // namespace

bool microsoft_by_version(const BinaryFacts& version) {
  return iequals(trim(version.company_name), "Microsoft Corporation");
}

std::optional<PlatformAgent> platform_agent(const ServiceInfo& service,
                                            const BinaryFacts* version) {
  std::string exe = executable_of(service.image_path);
  if (exe.empty() || in_windows_folder(exe)) return std::nullopt;
  for (const auto& e : kAgents) {
    auto why = entry_matches(e, service, exe, version);
    if (!why) continue;
    PlatformAgent agent;
    agent.service = service.name;
    agent.category = std::string(e.category);
    agent.product = std::string(e.what);
    agent.image_path = service.image_path;
    agent.evidence = printable(exe) + ": " + *why;
    if (std::string v = version_text(version); !v.empty()) agent.evidence += " (" + v + ")";
    return agent;
  }
  return std::nullopt;
}

void classify_platform_services(const Volume& volume, MachineFacts& m,
                                std::vector<Problem>& problems) {
  // A service program larger than this is not read for its version resource:
  // agents and services are a few MiB; the name and folder still apply.
  constexpr std::uint64_t kMaxProgram = 64ull << 20;
  for (auto& s : m.services) {
    std::string exe = executable_of(s.image_path);
    if (exe.empty() || in_windows_folder(exe)) continue;
    std::optional<BinaryFacts> facts;
    if (auto rel = volume_path(exe)) {
      auto found = volume.find(*rel);
      if (found && !found->is_dir && found->size <= kMaxProgram) {
        auto bytes = volume.read(found->path, 0, kMaxProgram);
        if (!bytes) {
          problems.push_back({found->path, bytes.error().message});
        } else if (looks_like_pe(*bytes)) {
          if (auto pe = parse_pe(*bytes, found->path)) facts = std::move(*pe);
        }
      }
    }
    if (facts && microsoft_by_version(*facts)) s.microsoft = true;
    if (auto agent = platform_agent(s, facts ? &*facts : nullptr)) {
      s.agent = true;
      m.agents.push_back(std::move(*agent));
    }
  }
}

}  // namespace liftshift
