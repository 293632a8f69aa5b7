// Windows features, ports, ingress/TLS, scale-out, schedule and hostname
// (seed: MSMQ, MSDTC, IIS certificates, horizontal auto-scale, scheduled tasks).
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

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

void add_port(AppPlan& plan, int port, std::string name, std::string purpose) {
  for (const auto& p : plan.ports) {
    if (p.port == port) return;
  }
  plan.ports.push_back({port, "TCP", std::move(name), std::move(purpose)});
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
  if (has_finding(a, rule_id::kMsdtc)) {
    plan.msdtc = true;
    plan.steps.push_back(
        {"Allow network DTC transactions (MSDTC); check the authentication level partners need",
         "Set-DtcNetworkSetting -DtcName Local -InboundTransactionsEnabled $true "
         "-OutboundTransactionsEnabled $true -RemoteClientAccessEnabled $true "
         "-AuthenticationLevel NoAuth -Confirm:$false"});
  }
}

void plan_network(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  bool dotnet_web = plan.framework.kind == "dotnet" && plan.kind == AppKind::kWeb;
  if (plan.entry_kind == EntryKind::kIis) {
    // The site's own ports come from its bindings (iis_site.cpp); 80 otherwise.
    if (plan.ports.empty()) add_port(plan, 80, "http", "HTTP (IIS site)");
    if (plan.kind == AppKind::kWcf && uses_binding(app, "netTcp"))
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
  for (std::string_view rule : {rule_id::kScaleOutState, rule_id::kScheduledTask, rule_id::kMsmq,
                                rule_id::kMsdtc, rule_id::kDatabase}) {
    if (has_finding(a, rule)) stop.emplace_back(rule);
  }
  if (plan.entry_kind == EntryKind::kService) stop.emplace_back(rule_id::kBackgroundService);
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
    if (app.task && !app.task->cron.empty()) {
      plan.schedule = app.task->cron;
    } else {
      plan.schedule = "0 2 * * *";
      plan.warnings.push_back(
          "the task's schedule is unknown: the CronJob runs daily at 02:00 until you set it");
    }
    plan.schedule_text =
        app.task && !app.task->triggers.empty() ? app.task->triggers.front() : "unknown trigger";
    decide(plan, "schedule", *plan.schedule,
           "a scheduled task (" + plan.schedule_text +
               "): the orchestrator starts a container on the schedule "
               "instead of keeping one running to wait for the trigger (seed: scheduled tasks)");
  } else if (has_finding(a, rule_id::kScheduledTask)) {
    plan.warnings.push_back(
        "the application schedules work itself (scheduled-task): keep one replica, or the work "
        "runs once per replica");
  }
}

}  // namespace liftshift
