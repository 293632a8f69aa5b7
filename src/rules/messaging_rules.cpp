// Rules from the seed's MSMQ and MSDTC subsections. MSMQ use is classified
// against the seed's table of supported scenarios (scope, transactional,
// authentication): only queues that need Active Directory authentication are
// not supported.
#include <algorithm>
#include <set>
#include <string>

#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

// The assemblies Microsoft's MSMQ and System.Transactions types live in (a
// TypeRef resolving elsewhere is another library's type of the same name).
const std::initializer_list<std::string_view> kMessagingAssemblies = {
    "System.Messaging", "Experimental.System.Messaging"};
const std::initializer_list<std::string_view> kTransactionAssemblies = {
    "System.Transactions", "System.Transactions.Local", "netstandard"};

const BindingFacts* find_binding(const ConfigFacts& c, std::string_view type,
                                 std::string_view name) {
  for (const auto& b : c.bindings) {
    if (iequals(b.type, type) && b.name == name) return &b;
  }
  return nullptr;
}

bool anonymous(const BindingFacts& b) {
  return iequals(b.security_mode, "None") || iequals(b.msmq_authentication, "None");
}

// Queue names the application uses, from code, binaries and endpoints.
std::vector<std::string> queue_names(const Application& app) {
  std::vector<std::string> out;
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kMsmqQueue) out.push_back(h.text);
  }
  for (const auto& b : app.binaries) {
    for (const auto& s : b.user_strings) {
      if (icontains(s, "private$") || istarts_with(s, "FormatName:")) out.push_back(s);
    }
  }
  for (const auto& c : app.configs) {
    for (const auto& e : c.endpoints) {
      if (istarts_with(e.address, "net.msmq:") || istarts_with(e.address, "msmq.formatname:")) {
        out.push_back(e.address);
      }
    }
    // Queue paths kept in settings (<add key="queueName" value=".\private$\orders"/>).
    for (const auto& kv : c.app_settings) {
      if (icontains(kv.value, "private$") || istarts_with(kv.value, "FormatName:") ||
          istarts_with(kv.value, "net.msmq:"))
        out.push_back(kv.value);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The seed's supported-scenario row this MSMQ use matches, as evidence text;
// `use` gets the queues and whether they are transactional.
bool transactional_by_default(const Application& app);

// NServiceBus' MSMQ transport keeps local private transactional queues named
// after the endpoint.
bool endpoint_queues(const Application& app) {
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kMessaging && h.text == "MsmqTransport") return true;
  }
  return !project_packages(app, "NServiceBus.Transport.Msmq").empty();
}

std::string classify(const Application& app, bool ad_auth, MsmqUse& use) {
  auto queues = queue_names(app);
  bool has_private = false;
  bool has_public = false;
  for (const auto& q : queues) {
    bool priv = icontains(q, "private$") || icontains(q, "/private/");
    (priv ? has_private : has_public) = true;
  }
  if (endpoint_queues(app)) has_private = true;
  bool transactional =
      !refs_type(app, "System.Messaging.MessageQueueTransaction", kMessagingAssemblies).empty() ||
      !source_hits(app, SourceCategory::kTransactions).empty() ||
      !source_hits(app, SourceCategory::kMsmqTransactional).empty() ||
      transactional_by_default(app);
  for (const auto& c : app.configs) {
    for (const auto& b : c.bindings) {
      if (iequals(b.type, "netMsmqBinding") && b.exactly_once) transactional = true;
    }
    for (const auto& e : c.endpoints) {
      if (iequals(e.binding, "netMsmqBinding") &&
          find_binding(c, e.binding, e.binding_configuration) == nullptr) {
        transactional = true;  // exactlyOnce defaults to true
      }
    }
  }
  std::string scope = has_private && has_public ? "private and public"
                      : has_public              ? "public"
                      : has_private             ? "private"
                                                : "unknown scope";
  std::string text = "scenario: " + scope +
                     (transactional ? " transactional" : " non-transactional") + " queue(s), " +
                     (ad_auth ? "Active Directory" : "anonymous") + " authentication";
  if (!queues.empty()) {
    text += " (";
    for (std::size_t i = 0; i < queues.size() && i < 5; ++i) text += (i ? ", " : "") + queues[i];
    text += ")";
  }
  use.queues = queues;
  use.transactional = transactional;
  if (ad_auth) return text + " — not supported in containers (see msmq-ad-auth)";
  if (has_public || (has_private && transactional)) {
    return text + " — a supported scenario in the seed's table, on Windows Server 2019 or later";
  }
  if (has_private) {
    return text +
           " — not among the scenarios Microsoft validated (those are transactional); test it";
  }
  return text + " — queue names not found: check them against the seed's supported scenarios";
}

}  // namespace

Evidence check_msmq_ad_auth(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  for (const auto& c : app.configs) {
    std::set<const BindingFacts*> checked;
    for (const auto& e : c.endpoints) {
      if (!iequals(e.binding, "netMsmqBinding")) continue;
      const BindingFacts* b = find_binding(c, e.binding, e.binding_configuration);
      if (b == nullptr) {
        out.push_back(c.path + ": endpoint " + e.address +
                      " uses netMsmqBinding with default security (msmqAuthenticationMode "
                      "WindowsDomain: Active Directory)");
        continue;
      }
      checked.insert(b);
    }
    for (const auto& b : c.bindings) {
      if (!iequals(b.type, "netMsmqBinding")) continue;
      std::string label = c.path + ": netMsmqBinding" + (b.name.empty() ? "" : " '" + b.name + "'");
      if (!anonymous(b)) {
        out.push_back(label + " authenticates with " +
                      (b.msmq_authentication.empty() ? "WindowsDomain (the default)"
                                                     : b.msmq_authentication));
      }
      if (b.use_active_directory) out.push_back(label + " useActiveDirectory=\"true\"");
    }
  }
  append(out, source_hits(app, SourceCategory::kMsmqAuth));
  return out;
}

namespace {

// Packages and libraries that carry messages over MSMQ for the application.
constexpr std::string_view kMsmqLibraries[] = {"NServiceBus.Transport.Msmq",
                                               "NServiceBus.Msmq",
                                               "MassTransit.MSMQ",
                                               "Rebus.Msmq",
                                               "MSMQ.Messaging",
                                               "Experimental.System.Messaging"};

// Whether the application can reach System.Messaging at all: a class of its
// own called MessageQueue (a CMS's job queue) is no MSMQ.
bool references_system_messaging(const Application& app) {
  return !uses_assembly(app, "System.Messaging").empty() ||
         !uses_assembly(app, "MSMQ.Messaging").empty() ||
         !uses_assembly(app, "Experimental.System.Messaging").empty();
}

// Source hits of MSMQ types; MessageQueue* only with a System.Messaging reference.
Evidence msmq_source_hits(const Application& app, SourceCategory category) {
  Evidence out;
  const bool messaging = references_system_messaging(app);
  for (auto& line : source_hits(app, category)) {
    const auto text = line.find(": ");
    const bool message_queue =
        text != std::string::npos && line.compare(text + 2, 12, "MessageQueue") == 0;
    if (message_queue && !messaging) continue;
    out.push_back(std::move(line));
  }
  return out;
}

// A transport library or a WCF binding built in code: transactional queues
// by default (NetMsmqBinding.ExactlyOnce, NServiceBus' transactional queues).
bool transactional_by_default(const Application& app) {
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kMessaging &&
        (h.text == "NetMsmqBinding" || h.text == "MsmqTransport"))
      return true;
  }
  return !project_packages(app, "NServiceBus.Transport.Msmq").empty();
}

}  // namespace

Evidence check_msmq(const Application& app, RuleResults& results) {
  // A compiled AssemblyRef means the code uses the assembly; a project
  // <Reference> or a `using` alone does not (see the supporting line below).
  Evidence out = refs_assembly(app, "System.Messaging");
  append(out, refs_type(app, "System.Messaging.", kMessagingAssemblies));
  for (std::string_view lib : kMsmqLibraries) {
    append(out, project_packages(app, lib));
    append(out, refs_assembly(app, lib));
  }
  append(out, imports_dll(app, "mqrt.dll"));
  for (const auto& c : app.configs) {
    for (const auto& b : c.bindings) {
      if (iequals(b.type, "netMsmqBinding") || iequals(b.type, "msmqIntegrationBinding")) {
        out.push_back(c.path + ": " + b.type + (b.name.empty() ? "" : " '" + b.name + "'"));
      }
    }
    for (const auto& e : c.endpoints) {
      if (iequals(e.binding, "netMsmqBinding") || iequals(e.binding, "msmqIntegrationBinding")) {
        out.push_back(c.path + ": endpoint " + e.address + " (" + e.binding + ")");
      }
    }
  }
  append(out, msmq_source_hits(app, SourceCategory::kMessaging));
  append(out, msmq_source_hits(app, SourceCategory::kMsmqTransactional));
  if (out.empty()) return out;
  append(out, project_refs(app, "System.Messaging"));
  if (app.machine && app.machine->msmq_installed) {
    std::string queues;
    for (const auto& q : app.machine->msmq_queues) queues += (queues.empty() ? "" : ", ") + q;
    out.push_back(std::string("server: MSMQ installed in ") +
                  (app.machine->msmq_workgroup ? "workgroup mode"
                                               : "domain mode (Active Directory integration)") +
                  (queues.empty() ? "" : "; queues on disk: " + queues));
  }
  RuleResults ad_auth;  // msmq-ad-auth's own results are not this rule's
  MsmqUse use;
  use.scenario = classify(app, !check_msmq_ad_auth(app, ad_auth).empty(), use);
  out.push_back(use.scenario);
  results.msmq = std::move(use);
  return out;
}

namespace {

// Transactions in the application (binaries and source), escalating or not.
Evidence transactions(const Application& app) {
  Evidence out = refs_type(app, "System.Transactions.TransactionScope", kTransactionAssemblies);
  append(out, refs_type(app, "System.Transactions.CommittableTransaction", kTransactionAssemblies));
  append(out, source_hits(app, SourceCategory::kTransactions));
  return out;
}

// Transactions that can escalate to MSDTC: a TransactionScope whose block
// opens two connections or uses MSMQ (a second resource manager), in source;
// a binary with transactions that also uses MSMQ.
Evidence escalating_transactions(const Application& app) {
  Evidence out = source_hits(app, SourceCategory::kTransactionEscalation);
  for (const auto& b : app.binaries) {
    bool tx = false;
    bool msmq = false;
    for (const auto& t : b.type_refs) {
      tx = tx || istarts_with(t, "System.Transactions.TransactionScope");
      msmq = msmq || istarts_with(t, "System.Messaging.MessageQueue");
    }
    if (tx && msmq)
      out.push_back(b.path + ": TransactionScope with MSMQ as a second resource manager");
  }
  return out;
}

}  // namespace

Evidence check_msdtc(const Application& app, RuleResults& /*results*/) {
  Evidence out = imports_dll(app, "xolehlp.dll");
  append(out, uses_assembly(app, "System.EnterpriseServices"));
  append(out, source_hits(app, SourceCategory::kEnterpriseServices));
  append(out, escalating_transactions(app));
  if (out.empty()) return out;
  append(out, transactions(app));
  if (app.machine && app.machine->msdtc_network_access) {
    out.push_back(
        "server: MSDTC network access is enabled (SOFTWARE\\Microsoft\\MSDTC\\Security "
        "NetworkDtcAccess=1)");
  }
  return out;
}

Evidence check_transaction_scope(const Application& app, RuleResults& results) {
  if (!check_msdtc(app, results).empty()) return {};  // msdtc says it, with the escalation
  Evidence found = transactions(app);
  if (found.empty()) return found;
  Evidence out{
      "no second connection or resource manager found beside the transactions: they stay local "
      "(lightweight), MSDTC is not needed"};
  append(out, std::move(found));
  return out;
}

}  // namespace liftshift
