#include "emit/assessment_json.hpp"

namespace liftshift {

using nlohmann::json;

namespace {

json framework_json(const Framework& f) {
  json out{{"kind", to_string(f.kind)}, {"version", f.version}, {"evidence", f.evidence}};
  if (!f.targets.empty()) out["targets"] = f.targets;  // a multi-target project's, each
  return out;
}

json machine_json(const MachineFacts& m) {
  json roles = json::array();
  for (const auto& r : m.roles) roles.push_back({{"name", r.name}, {"evidence", r.evidence}});
  json services = json::array();
  for (const auto& s : m.services) {
    // The application's own services; Windows' are many and known, agents are listed apart.
    if (s.microsoft || s.agent) continue;
    services.push_back({{"name", s.name},
                        {"image_path", s.image_path},
                        {"account", s.account},
                        {"start", s.start}});
  }
  json agents = json::array();
  for (const auto& a : m.agents) {
    agents.push_back({{"service", a.service},
                      {"category", a.category},
                      {"product", a.product},
                      {"image_path", a.image_path},
                      {"evidence", a.evidence}});
  }
  json programs = json::array();
  for (const auto& p : m.programs) {
    programs.push_back({{"name", p.name},
                        {"version", p.version},
                        {"publisher", p.publisher},
                        {"install_location", p.install_location}});
  }
  json out{{"computer_name", m.computer_name},
           {"domain", m.domain},
           {"os", m.os_name},
           {"version", m.version},
           {"build", m.build},
           {"ubr", m.ubr},
           {"edition", m.edition},
           {"installation_type", m.installation_type},
           {"service_pack", m.csd_version},
           {"roles", roles},
           {"dotnet_runtimes", m.dotnet_runtimes},
           {"iis_version", m.iis_version},
           {"msmq",
            {{"installed", m.msmq_installed},
             {"workgroup", m.msmq_workgroup},
             {"queues", m.msmq_queues}}},
           {"msdtc_network_access", m.msdtc_network_access},
           {"shares", m.shares},
           {"services", services},
           {"agents", agents},
           {"programs", programs}};
  // SYSTEM\MountedDevices, only when the hive has it (older outputs stay as they were).
  if (!m.drives.empty()) {
    json drives = json::array();
    for (const auto& [letter, location] : m.drives)
      drives.push_back({{"letter", letter}, {"location", location}});
    out["drives"] = std::move(drives);
  }
  if (!m.time_zone.empty()) {
    out["time_zone"] = {{"windows", m.time_zone},
                        {"daylight_saving_off", m.daylight_saving_off},
                        {"iana", m.time_zone_iana}};
  }
  return out;
}

json sources_json(const std::vector<Source>& list) {
  json out = json::array();
  for (const auto& s : list) {
    json j{{"path", s.path}, {"kind", to_string(s.kind)}, {"handled", s.handled}};
    if (!s.note.empty()) j["note"] = s.note;
    if (s.machine) j["machine"] = machine_json(*s.machine);
    if (!s.image_format.empty()) {
      j["image"] = {{"format", s.image_format},
                    {"partition", s.partition},
                    {"size", s.image_size},
                    {"bytes_read", s.bytes_read}};
    }
    if (!s.drives.empty()) j["drives"] = s.drives;
    out.push_back(std::move(j));
  }
  return out;
}

json problems_json(const std::vector<Problem>& list) {
  json out = json::array();
  for (const auto& p : list) out.push_back({{"path", p.path}, {"message", p.message}});
  return out;
}

json app_header(const Application& app) {
  json j{{"id", app.id},
         {"name", app.name},
         {"source", app.source},
         {"root", app.root},
         {"entry", app.entry},
         {"kind", to_string(app.kind)},
         {"framework", framework_json(app.framework)}};
  if (app.service) {
    j["service"] = {{"name", app.service->name},
                    {"display_name", app.service->display_name},
                    {"image_path", app.service->image_path},
                    {"account", app.service->account},
                    {"start", app.service->start},
                    {"depends_on", app.service->depends_on}};
  } else if (!app.service_name.empty()) {
    // A source tree's service: the name its installer registers.
    j["service"] = {{"name", app.service_name}};
    if (!app.service_name_trail.empty()) j["service"]["name_from"] = app.service_name_trail;
    if (!app.service_name_setting.empty()) j["service"]["name_setting"] = app.service_name_setting;
    if (app.installer) {
      j["service"]["display_name"] = app.installer->display_name;
      j["service"]["account"] = app.installer->account;
      j["service"]["start"] = app.installer->start;
      j["service"]["depends_on"] = app.installer->depends_on;
    }
  }
  if (app.iis) {
    json bindings = json::array();
    for (const auto& b : app.iis->bindings) {
      json binding{
          {"protocol", b.protocol}, {"address", b.address}, {"port", b.port}, {"host", b.host}};
      if (!b.certificate_hash.empty()) binding["certificate_hash"] = b.certificate_hash;
      bindings.push_back(std::move(binding));
    }
    j["iis"] = {{"site", app.iis->site},
                {"path", app.iis->app_path},
                {"physical_path", app.iis->physical_path},
                {"app_pool", app.iis->app_pool},
                {"runtime_version", app.iis->runtime_version},
                {"pipeline_mode", app.iis->pipeline_mode},
                {"identity", app.iis->identity},
                {"enable_32bit", app.iis->enable_32bit},
                {"bindings", bindings}};
    if (app.iis->site_id > 0) j["iis"]["site_id"] = app.iis->site_id;
    json auth = json::object();  // only what applicationHost.config set
    const IisAuthentication& a = app.iis->authentication;
    if (a.anonymous) auth["anonymous"] = *a.anonymous;
    if (a.windows) auth["windows"] = *a.windows;
    if (a.basic) auth["basic"] = *a.basic;
    if (!auth.empty()) j["iis"]["authentication"] = auth;
    for (const auto& m : app.iis->modules)
      j["iis"]["modules"].push_back({{"module", m.module}, {"evidence", m.evidence}});
    for (const auto& n : app.iis->nested_apps) {
      j["iis"]["nested_applications"].push_back(
          {{"path", n.app_path}, {"physical_path", n.physical_path}, {"app_pool", n.app_pool}});
    }
  }
  if (app.task) {
    json triggers = json::array();
    json schedules = json::array();
    for (const auto& t : app.task->triggers) {
      triggers.push_back(t.text);
      schedules.push_back({{"trigger", t.text},
                           {"enabled", t.enabled},
                           {"cron", t.crons},
                           {"time_zone", t.time_zone},
                           {"notes", t.notes}});
    }
    j["task"] = {{"path", app.task->path},
                 {"command", app.task->command},
                 {"arguments", app.task->arguments},
                 {"user", app.task->user},
                 {"triggers", triggers},
                 {"cron", app.task->cron},
                 {"schedules", schedules}};
  }
  return j;
}

}  // namespace

json assessment_to_json(const Assessment& assessment) {
  json apps = json::array();
  for (const auto& a : assessment.apps) {
    json j = app_header(a.app);
    j["verdict"] = to_string(a.verdict);
    j["findings"] = findings_json(a.findings);
    apps.push_back(std::move(j));
  }
  json sources = sources_json(assessment.sources);
  json machine;  // the first server's, for the common one-server run
  for (const auto& m : assessment.machines) {
    for (auto& src : sources) {
      if (src["path"] == assessment.sources[m.source].path && src.contains("machine")) {
        src["machine"]["findings"] = findings_json(m.findings);
        if (machine.is_null()) machine = src["machine"];
      }
    }
  }
  json out{{"schema", "liftshift/assessment/v1"},
           {"sources", sources},
           {"apps", std::move(apps)},
           {"summary", verdict_counts_json(count_verdicts(assessment))},
           {"problems", problems_json(assessment.problems)}};
  if (!machine.is_null()) out["machine"] = machine;
  return out;
}

json inventory_to_json(const Inventory& inventory) {
  json apps = json::array();
  for (const auto& app : inventory.apps) {
    json j = app_header(app);
    json binaries = json::array();
    for (const auto& b : app.binaries) {
      json refs = json::array();
      for (const auto& r : b.assembly_refs) refs.push_back(r.name + " " + r.version);
      json imports = json::array();
      for (const auto& i : b.imports) imports.push_back(i.dll);
      binaries.push_back({{"path", b.path},
                          {"machine", b.machine},
                          {"subsystem", b.subsystem},
                          {"dll", b.is_dll},
                          {"clr", b.clr_version},
                          {"target_framework", b.target_framework},
                          {"assembly_refs", refs},
                          {"imports", imports}});
    }
    j["binaries"] = std::move(binaries);
    json configs = json::array();
    for (const auto& c : app.configs) {
      json cs = json::array();
      for (const auto& s : c.connection_strings)
        cs.push_back({{"name", s.name}, {"value", s.masked}});
      configs.push_back({{"path", c.path},
                         {"connection_strings", cs},
                         {"authentication", c.authentication_mode},
                         {"session_state", c.session_state_mode}});
    }
    j["configs"] = std::move(configs);
    json projects = json::array();
    for (const auto& p : app.projects) {
      projects.push_back({{"path", p.path},
                          {"output_type", p.output_type},
                          {"target_frameworks", p.target_frameworks}});
    }
    j["projects"] = std::move(projects);
    json hits = json::array();
    for (const auto& h : app.source_hits) {
      hits.push_back({{"category", to_string(h.category)},
                      {"file", h.file},
                      {"line", h.line},
                      {"text", h.text}});
    }
    j["source_hits"] = std::move(hits);
    json marks = json::array();
    for (const auto& m : app.markers) {
      marks.push_back(
          {{"category", to_string(m.category)}, {"path", m.path}, {"detail", m.detail}});
    }
    j["markers"] = std::move(marks);
    apps.push_back(std::move(j));
  }
  return {{"schema", "liftshift/inventory/v1"},
          {"sources", sources_json(inventory.sources)},
          {"apps", std::move(apps)},
          {"problems", problems_json(inventory.problems)}};
}

}  // namespace liftshift
