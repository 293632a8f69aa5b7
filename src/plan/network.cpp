// Windows features, ports, ingress/TLS, scale-out, schedule and hostname
// (seed: MSMQ, MSDTC, IIS certificates, horizontal auto-scale, scheduled tasks).
#include <algorithm>

#include "core/app_queries.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// Hangfire on a shared job store (SQL Server, Redis, PostgreSQL, MongoDB,
// MySQL): its servers fetch jobs from the store and start recurring jobs under
// the store's distributed lock, so replicas share the work rather than repeat
// it. The store's evidence, or "" when Hangfire keeps jobs in memory or the
// application schedules with something else too (Quartz, FluentScheduler, the
// Task Scheduler), whose work would run once per replica.
std::string shared_job_store(const Application& app) {
  if (app.task) return "";
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kScheduler && !istarts_with(h.text, "Hangfire")) return "";
  }
  for (std::string_view other :
       {"Quartz", "FluentScheduler", "Microsoft.Win32.TaskScheduler", "TaskScheduler"}) {
    if (!uses_assembly(app, other).empty() || !project_packages(app, other).empty()) return "";
  }
  for (std::string_view store : {"Hangfire.SqlServer", "Hangfire.Redis", "Hangfire.Pro.Redis",
                                 "Hangfire.PostgreSql", "Hangfire.Mongo", "Hangfire.MySql"}) {
    if (Evidence e = project_packages(app, store); !e.empty()) return e.front();
    if (Evidence e = uses_assembly(app, store); !e.empty()) return e.front();
  }
  return "";
}

bool uses_binding(const Application& app, std::string_view prefix) {
  for (const auto& c : app.configs) {
    for (const auto& b : c.bindings) {
      if (istarts_with(b.type, prefix)) return true;
    }
    for (const auto& e : c.endpoints) {
      if (istarts_with(e.binding, prefix)) return true;
    }
  }
  return false;
}

// One CronJob per distinct schedule of the task's enabled triggers; every
// note on where cron differs from the trigger becomes a warning.
void plan_schedules(const Application& app, AppPlan& plan) {
  bool local_time = false;
  bool server_zone = false;  // a local start time put in the server's zone
  std::string texts;
  if (app.task) {
    for (const auto& t : app.task->triggers) {
      if (!t.enabled) {
        plan.warnings.push_back("the trigger '" + t.text +
                                "' is disabled on the server: no CronJob");
        continue;
      }
      for (const auto& n : t.notes) plan.warnings.push_back("schedule (" + t.text + "): " + n);
      // A start time without an offset is the server's local time: its zone.
      const std::string zone = !t.time_zone.empty() ? t.time_zone
                               : app.machine        ? app.machine->time_zone_iana
                                                    : std::string();
      for (const auto& c : t.crons) {
        bool known = false;
        for (const auto& s : plan.schedules) known = known || (s.cron == c && s.time_zone == zone);
        if (known) continue;
        plan.schedules.push_back({c, zone, t.text});
        local_time = local_time || zone.empty();
        server_zone = server_zone || (t.time_zone.empty() && !zone.empty());
      }
      if (!t.crons.empty()) texts += (texts.empty() ? "" : "; ") + t.text;
    }
  }
  if (plan.schedules.empty()) {
    plan.schedules.push_back({"0 2 * * *", "", "unknown trigger"});
    plan.warnings.push_back(
        "no trigger of the task has a cron schedule: the CronJob runs daily at 02:00 until you set "
        "it");
    texts = app.task && !app.task->triggers.empty() ? app.task->triggers.front().text
                                                    : "unknown trigger";
  } else if (local_time) {
    plan.warnings.push_back(
        "the task's start times are the server's local time; a CronJob without timeZone runs in "
        "the time zone of the cluster's controller manager (usually UTC): set spec.timeZone to "
        "the server's zone (an IANA name such as Europe/Berlin)");
  }
  plan.schedule = plan.schedules.front().cron;
  plan.schedule_text = plan.schedules.front().trigger;
  std::string list;
  for (const auto& s : plan.schedules)
    list +=
        (list.empty() ? "" : "; ") + s.cron + (s.time_zone.empty() ? "" : " (" + s.time_zone + ")");
  decide(plan, "schedule", list,
         "a scheduled task (" + texts + "): " +
             (plan.schedules.size() > 1 ? std::to_string(plan.schedules.size()) +
                                              " CronJobs, because one cron line cannot say it; "
                                        : std::string()) +
             "the orchestrator starts a container on the schedule instead of keeping one running "
             "to wait for the trigger (seed: scheduled tasks)" +
             (server_zone ? "; its start times are the server's local time, so the schedule is "
                            "in the server's zone, " +
                                app.machine->time_zone_iana + " (" + app.machine->time_zone + ")"
                          : std::string()));
}

}  // namespace

void add_port(AppPlan& plan, int port, std::string name, std::string purpose) {
  for (const auto& p : plan.ports) {
    if (p.port == port) return;
  }
  plan.ports.push_back({port, "TCP", std::move(name), std::move(purpose)});
}

std::string ports_choice(const std::vector<Port>& ports) {
  std::string out;
  for (const auto& p : ports) out += (out.empty() ? "" : ", ") + std::to_string(p.port);
  return out;
}

namespace {

// The ports decision over every port the container exposes, so an edit of
// any of them shows as one (plan_file_check.cpp). A self-hosted program's
// listeners decided already (self_host_ports.cpp): its reason stays, the
// ports added since are named after it.
void decide_ports(AppPlan& plan) {
  if (plan.ports.empty()) return;
  Decision* listeners = nullptr;
  for (auto& d : plan.decisions) {
    if (d.topic == "ports") listeners = &d;
  }
  std::string why;
  for (const auto& p : plan.ports) {
    bool decided = listeners != nullptr &&
                   (", " + listeners->choice + ",").find(", " + std::to_string(p.port) + ",") !=
                       std::string::npos;
    if (!decided) why += (why.empty() ? "" : ", ") + std::to_string(p.port) + " for " + p.purpose;
  }
  if (listeners == nullptr) {
    decide(plan, "ports", ports_choice(plan.ports), why);
  } else if (!why.empty()) {
    listeners->choice = ports_choice(plan.ports);
    listeners->reason += "; also " + why;
  }
}

}  // namespace

void plan_features(const AppAssessment& a, AppPlan& plan) {
  if (has_finding(a, rule_id::kMsmq)) {
    plan.msmq = true;
    plan.steps.push_back(
        {"Enable MSMQ (seed: supported for private transactional and public queues, anonymous "
         "authentication, Windows Server 2019 or later)",
         "Enable-WindowsOptionalFeature -Online -FeatureName MSMQ-Server -All"});
    decide(plan, "MSMQ", "enable MSMQ-Server in the image, port 1801, queue store on a volume",
           "msmq finding (" + a.results.msmq.value_or(MsmqUse{}).scenario +
               "): the seed supports private transactional queues in the container or on a "
               "persistent volume and "
               "public queues across hosts, with anonymous authentication only");
  }
  // Only a transaction that escalates (the msdtc rule's evidence) opens
  // network DTC access; a local TransactionScope is transaction-scope, info.
  if (has_finding(a, rule_id::kMsdtc)) {
    plan.msdtc = true;
    plan.steps.push_back(
        {"Allow network DTC transactions (MSDTC) with mutual authentication (Kerberos between "
         "the partners' domain identities)",
         "Set-DtcNetworkSetting -DtcName Local -InboundTransactionsEnabled $true "
         "-OutboundTransactionsEnabled $true -RemoteClientAccessEnabled $false "
         "-AuthenticationLevel Mutual -Confirm:$false"});
    decide(plan, "MSDTC", "network DTC access, mutual authentication",
           "msdtc finding: a transaction escalates to a distributed one, so the container's DTC "
           "must accept and start network transactions; mutual authentication is the secure "
           "level, and it needs a domain identity on both sides" +
               std::string(has_finding(a, rule_id::kAdDependent) ? " (the container's is the gMSA)"
                                                                 : ""));
    if (!has_finding(a, rule_id::kAdDependent)) {
      plan.warnings.push_back(
          "MSDTC with mutual authentication needs the container to have a domain identity: give "
          "it a gMSA (credential spec), or, only on a network you trust, lower the level in the "
          "Dockerfile's Set-DtcNetworkSetting step by hand (-AuthenticationLevel Incoming or "
          "NoAuth) and on the partners alike");
    }
  }
}

void plan_network(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  bool dotnet_web = plan.framework.kind == FrameworkKind::kDotnet && plan.kind == AppKind::kWeb;
  if (plan.entry_kind == EntryKind::kIis) {
    // The site's own ports come from its bindings (iis_site.cpp); 80 otherwise.
    if (plan.ports.empty()) add_port(plan, 80, "http", "HTTP (IIS site)");
    // 808 is net.tcp's default: not when the site's binding gave its own port.
    bool site_tcp = std::any_of(plan.ports.begin(), plan.ports.end(),
                                [](const Port& p) { return p.name == "net-tcp"; });
    if (plan.kind == AppKind::kWcf && uses_binding(app, "netTcp") && !site_tcp)
      add_port(plan, 808, "net-tcp", "WCF net.tcp");
  } else if (dotnet_web) {
    add_port(plan, 8080, "http", "HTTP (ASP.NET Core images listen on 8080)");
  } else {
    plan_self_host_ports(a, plan);
  }
  plan.web = plan.entry_kind == EntryKind::kIis || dotnet_web;
  if (app.iis) {
    for (const auto& b : app.iis->bindings) {
      if (iequals(b.protocol, "https")) plan.https = true;
    }
  }
  if (has_finding(a, rule_id::kIisCertificate)) plan.https = true;
  if (plan.web) {
    decide(plan, "TLS", "terminate TLS at the ingress",
           std::string(plan.https ? "iis-certificate finding: the site serves HTTPS. " : "") +
               "Seed (IIS: certificates): a certificate in the image means a rebuild on every "
               "renewal; the "
               "ingress controller holds it (TLS secret " +
               plan.k8s_name + "-tls) and the container serves HTTP");
  }
  if (plan.msmq)
    add_port(plan, 1801, "msmq", "MSMQ (RPC ports 135, 2101, 2103, 2105 are unverified)");
  if (plan.msdtc) {
    add_port(plan, 135, "rpc",
             "RPC endpoint mapper for MSDTC (plus a fixed RPC port range you configure)");
  }
  decide_ports(plan);
  if (plan.msmq || plan.msdtc) {
    plan.hostname = plan.k8s_name;
    decide(
        plan, "hostname", plan.hostname,
        std::string(plan.msdtc
                        ? "msdtc finding: MSDTC partners must resolve the container's name (seed), "
                        : "") +
            (plan.msmq ? "MSMQ addresses queues by machine name; " : "") +
            "so the container gets a stable hostname and a Service of the same name");
  }

  // Scale-out (seed: horizontal auto-scale needs identical, stateless instances).
  std::vector<std::string> stop;
  const std::string job_store = shared_job_store(app);
  for (std::string_view rule : {rule_id::kScaleOutState, rule_id::kScheduledTask, rule_id::kMsmq,
                                rule_id::kMsdtc, rule_id::kDatabase}) {
    // Hangfire's servers share a job store: its schedule keeps no work in one instance.
    if (rule == rule_id::kScheduledTask && !job_store.empty()) continue;
    if (has_finding(a, rule)) stop.emplace_back(rule);
  }
  if (plan.entry_kind == EntryKind::kService) stop.emplace_back(rule_id::kBackgroundService);
  // Writes that no shared volume keeps would stay in one instance.
  if (has_finding(a, rule_id::kLocalState) && plan.volumes.empty())
    stop.push_back(std::string(rule_id::kLocalState) + " (no volume for its writes)");
  for (const auto& v : plan.volumes) {
    if (!v.shared) stop.push_back("volume " + v.name + " (one instance owns it)");
  }
  if (!plan.web) {
    decide(plan, "scale", "1 replica, no autoscaling",
           "not a web front end: no load to spread across instances");
  } else if (stop.empty()) {
    plan.autoscale = true;
    decide(plan, "scale", "HorizontalPodAutoscaler 2-5 replicas at 70% CPU",
           "a web application with no state in the instance: the seed's horizontal scale for IIS "
           "applies");
  } else {
    std::string list;
    for (const auto& s : stop) list += (list.empty() ? "" : ", ") + s;
    decide(plan, "scale", "1 replica, no autoscaling until fixed",
           "findings " + list +
               " keep state or work in one instance (InProc session state, machine keys, local "
               "queues or schedules); the seed requires identical, stateless instances before "
               "scaling out");
  }

  if (plan.entry_kind == EntryKind::kTask) {
    plan_schedules(app, plan);
  } else if (has_finding(a, rule_id::kScheduledTask)) {
    if (!job_store.empty()) {
      plan.warnings.push_back(
          "the application schedules work itself with Hangfire on a shared job store (" +
          job_store +
          "): its servers take jobs from the store and recurring jobs under the store's lock, so "
          "replicas share the work instead of repeating it; every replica must reach the store");
    } else {
      plan.warnings.push_back(
          "the application schedules work itself (scheduled-task): keep one replica, or the work "
          "runs once per replica");
    }
  }
}

}  // namespace liftshift
