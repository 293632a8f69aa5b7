// The structured results the rules hand to the planner (RuleResults): each is
// filled by the rule that decides it, from the same facts as its evidence.
#include <gtest/gtest.h>

#include "core/rule_ids.hpp"
#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::hit;
using test::rulefx::results_of;
using test::rulefx::web_app;

TEST(RuleResults, MsmqGivesItsScenarioQueuesAndTransactions) {
  Application app = console_app();
  app.binaries[0].type_refs = {"System.Messaging.MessageQueue",
                               "System.Messaging.MessageQueueTransaction"};
  app.source_hits.push_back(hit(SourceCategory::kMsmqQueue, ".\\private$\\orders"));
  RuleResults r = results_of(rule_id::kMsmq, app);
  ASSERT_TRUE(r.msmq.has_value());
  EXPECT_EQ(r.msmq->queues, std::vector<std::string>{".\\private$\\orders"});
  EXPECT_TRUE(r.msmq->transactional);
  EXPECT_NE(r.msmq->scenario.find("private transactional"), std::string::npos) << r.msmq->scenario;
  EXPECT_FALSE(results_of(rule_id::kMsmq, console_app()).msmq.has_value());
}

TEST(RuleResults, EventLogTellsTheEventLogFromEtwAndNamesLogFiles) {
  Application app = console_app();
  app.binaries[0].type_refs = {"System.Diagnostics.Tracing.EventSource"};
  ConfigFacts c;
  c.path = "Tool.exe.config";
  c.log_paths = {"D:\\Logs\\tool.log"};
  app.configs.push_back(c);
  RuleResults r = results_of(rule_id::kEventLog, app);
  EXPECT_TRUE(r.logs.etw);
  EXPECT_FALSE(r.logs.event_log);
  EXPECT_EQ(r.logs.files, std::vector<std::string>{"D:\\Logs\\tool.log"});

  app.configs[0].event_log_sources = {"Tool"};
  r = results_of(rule_id::kEventLog, app);
  EXPECT_TRUE(r.logs.event_log);
  EXPECT_EQ(r.logs.event_sources, std::vector<std::string>{"Tool"});
}

TEST(RuleResults, LocalStateAndDatabaseNameTheirFolders) {
  Application app = web_app();
  app.markers.push_back({MarkerCategory::kStateFolder, "Site/App_Data", "ASP.NET App_Data folder"});
  app.markers.push_back(
      {MarkerCategory::kDatabaseFile, "Site/App_Data/blog.sdf", "SQL Server CE database"});
  RuleResults state = results_of(rule_id::kLocalState, app);
  ASSERT_EQ(state.state_folders.size(), 1u);
  EXPECT_EQ(state.state_folders[0].path, "Site/App_Data");
  EXPECT_FALSE(state.state_folders[0].database);
  RuleResults db = results_of(rule_id::kDatabase, app);
  ASSERT_EQ(db.state_folders.size(), 1u);
  EXPECT_EQ(db.state_folders[0].path, "Site/App_Data/blog.sdf");
  EXPECT_TRUE(db.state_folders[0].database);
}

TEST(RuleResults, AdDependentNamesTheDomainAccountsAndWindowsAuthentication) {
  Application app = web_app();
  app.iis = IisInfo{};
  app.iis->app_pool = "Intranet";
  app.iis->identity = "SpecificUser: CONTOSO\\web_intranet";
  app.configs[0].authentication_mode = "Windows";
  RuleResults r = results_of(rule_id::kAdDependent, app);
  EXPECT_EQ(r.identity.domain_accounts, std::vector<std::string>{"CONTOSO\\web_intranet"});
  EXPECT_TRUE(r.identity.windows_authentication);
  app.iis->identity = "ApplicationPoolIdentity";
  app.configs[0].authentication_mode = "Forms";
  r = results_of(rule_id::kAdDependent, app);
  EXPECT_TRUE(r.identity.domain_accounts.empty());
  EXPECT_FALSE(r.identity.windows_authentication);
}

}  // namespace
}  // namespace liftshift
