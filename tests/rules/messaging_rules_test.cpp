#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::joined;

Application msmq_app() {
  Application app = console_app();
  app.binaries[0].assembly_refs.push_back(test::rulefx::ref("System.Messaging"));
  app.binaries[0].type_refs.push_back("System.Messaging.MessageQueue");
  app.binaries[0].type_refs.push_back("System.Messaging.MessageQueueTransaction");
  app.binaries[0].user_strings.push_back(".\\private$\\orders");
  return app;
}

ConfigFacts msmq_config(std::string security_mode) {
  ConfigFacts c;
  c.path = "Tool.exe.config";
  c.has_service_model = true;
  BindingFacts b;
  b.type = "netMsmqBinding";
  b.name = "orders";
  b.security_mode = std::move(security_mode);
  c.bindings.push_back(b);
  c.endpoints.push_back(
      {"net.msmq://localhost/private/orders", "netMsmqBinding", "orders", "IOrders"});
  return c;
}

TEST(MsmqRule, QuietWithoutMsmq) { EXPECT_FALSE(fires("msmq", console_app())); }

TEST(MsmqRule, ClassifiesPrivateTransactionalAnonymousAsSupported) {
  auto e = joined(evidence_of("msmq", msmq_app()));
  EXPECT_NE(e.find("Tool.exe: references System.Messaging 4.0.0.0"), std::string::npos) << e;
  EXPECT_NE(e.find("scenario: private transactional queue(s), anonymous authentication "
                   "(.\\private$\\orders) — a supported scenario"),
            std::string::npos)
      << e;
}

TEST(MsmqRule, FiresOnNativeMqrtImports) {
  Application app = console_app();
  app.binaries[0].imports.push_back({"mqrt.dll", {"MQOpenQueue"}});
  auto e = joined(evidence_of("msmq", app));
  EXPECT_NE(e.find("Tool.exe: imports mqrt.dll (MQOpenQueue)"), std::string::npos) << e;
}

TEST(MsmqAdAuthRule, NetMsmqBindingDefaultsToWindowsDomain) {
  Application app = msmq_app();
  app.configs.push_back(msmq_config(""));
  auto e = joined(evidence_of("msmq-ad-auth", app));
  EXPECT_NE(e.find("netMsmqBinding 'orders' authenticates with WindowsDomain (the default)"),
            std::string::npos)
      << e;
  EXPECT_NE(joined(evidence_of("msmq", app)).find("not supported in containers"),
            std::string::npos);
}

TEST(MsmqAdAuthRule, QuietForAnonymousBindings) {
  Application app = msmq_app();
  app.configs.push_back(msmq_config("None"));
  EXPECT_FALSE(fires("msmq-ad-auth", app));
}

TEST(MsmqAdAuthRule, FiresOnAuthenticateInCodeAndOnDefaultEndpoints) {
  Application code = msmq_app();
  code.source_hits.push_back(test::rulefx::hit(SourceCategory::kMsmqAuth, ".Authenticate = true"));
  EXPECT_TRUE(fires("msmq-ad-auth", code));
  Application endpoint = msmq_app();
  ConfigFacts c;
  c.path = "app.config";
  c.endpoints.push_back({"net.msmq://localhost/private/x", "netMsmqBinding", "", "IX"});
  endpoint.configs.push_back(c);
  EXPECT_NE(joined(evidence_of("msmq-ad-auth", endpoint)).find("default security"),
            std::string::npos);
}

TEST(MsdtcRule, FiresOnEscalatingTransactionsXolehlpAndComPlus) {
  EXPECT_FALSE(fires("msdtc", console_app()));
  // A TransactionScope alone stays local: information only.
  Application scope = console_app();
  scope.binaries[0].type_refs.push_back("System.Transactions.TransactionScope");
  EXPECT_FALSE(fires("msdtc", scope));
  EXPECT_EQ(evidence_of("transaction-scope", scope).at(1),
            "Tool.exe: uses type System.Transactions.TransactionScope");
  // With MSMQ beside it, a second resource manager: it escalates.
  Application queued = scope;
  queued.binaries[0].type_refs.push_back("System.Messaging.MessageQueue");
  EXPECT_EQ(evidence_of("msdtc", queued),
            (Evidence{"Tool.exe: TransactionScope with MSMQ as a second resource manager",
                      "Tool.exe: uses type System.Transactions.TransactionScope"}));
  EXPECT_FALSE(fires("transaction-scope", queued));
  Application two = console_app();
  two.source_hits.push_back(test::rulefx::hit(SourceCategory::kTransactions, "TransactionScope"));
  two.source_hits.push_back(test::rulefx::hit(SourceCategory::kTransactionEscalation,
                                              "TransactionScope with 2 connections opened in it"));
  EXPECT_TRUE(fires("msdtc", two));
  Application native = console_app();
  native.binaries[0].imports.push_back({"XOLEHLP.dll", {"DtcGetTransactionManager"}});
  EXPECT_TRUE(fires("msdtc", native));
  Application complus = console_app();
  complus.binaries[0].assembly_refs.push_back(test::rulefx::ref("System.EnterpriseServices"));
  EXPECT_TRUE(fires("msdtc", complus));
}

TEST(MsmqRule, WrappingPackagesAndCodeBuiltBindingsCountALoneReferenceDoesNot) {
  Application lone = console_app();
  ProjectFacts p;
  p.path = "App.csproj";
  p.references.push_back({"System.Messaging", ""});
  lone.projects.push_back(p);
  EXPECT_FALSE(fires("msmq", lone)) << "a <Reference> (or a using) with no use";
  Application bus = console_app();
  p.packages.push_back({"NServiceBus.Transport.Msmq", "2.*"});
  bus.projects.push_back(p);
  EXPECT_TRUE(fires("msmq", bus));
  Application created = lone;  // the code uses the referenced assembly
  created.source_hits.push_back(test::rulefx::hit(SourceCategory::kMessaging, "MessageQueue"));
  created.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kMsmqTransactional, "MessageQueue.Create("));
  ConfigFacts c;
  c.path = "App.config";
  c.app_settings.push_back({"queueName", ".\\private$\\TestQueue", false});
  created.configs.push_back(c);
  const Evidence ev = evidence_of("msmq", created);
  EXPECT_NE(joined(ev).find("scenario: private transactional queue(s), anonymous authentication "
                            "(.\\private$\\TestQueue)"),
            std::string::npos)
      << joined(ev);
}

TEST(MsmqRule, AClassOfItsOwnCalledMessageQueueIsNoMsmqAndTransportsAreTransactional) {
  Application own = console_app();
  own.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kMessaging, "MessageQueue", "Jobs/Queue.cs"));
  EXPECT_FALSE(fires("msmq", own)) << "no System.Messaging reference";
  Application bus = console_app();
  bus.source_hits.push_back(test::rulefx::hit(SourceCategory::kMessaging, "MsmqTransport"));
  EXPECT_NE(joined(evidence_of("msmq", bus)).find("scenario: private transactional"),
            std::string::npos);
  Application wcf = console_app();
  wcf.source_hits.push_back(test::rulefx::hit(SourceCategory::kMessaging, "NetMsmqBinding"));
  wcf.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kMsmqQueue, "net.msmq://localhost/private/TestQueue"));
  EXPECT_NE(joined(evidence_of("msmq", wcf)).find("private transactional"), std::string::npos)
      << "a NetMsmqBinding built in code is exactlyOnce by default";
}

}  // namespace
}  // namespace liftshift
