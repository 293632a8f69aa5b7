#include "core/slim_app.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(SlimApp, BinariesKeepWhatThePlannerReadsAndTheirCopiesStayWhole) {
  BinaryFacts b;
  b.path = "Apps/Orders/Orders.exe";
  b.machine = "x64";
  b.is_clr = true;
  b.clr_version = "v4.0.30319";
  b.assembly_name = "Orders";
  b.imports = {{"KERNEL32.dll", {"CreateFileW"}}};
  b.assembly_refs = {{"System.Messaging", "4.0.0.0"}};
  b.type_refs = {"System.Messaging.MessageQueue"};
  b.member_refs = {"System.Messaging.MessageQueue::Send"};
  b.user_strings = {".\\private$\\orders"};
  b.entry_calls = {"System.ServiceProcess.ServiceBase::Run"};
  Application app;
  app.binaries.push_back(b);
  Application copy = app;  // a folder's applications share their binaries

  slim_binaries(app);
  ASSERT_EQ(app.binaries.size(), 1u);
  const BinaryFacts& s = app.binaries.front();
  EXPECT_EQ(s.path, b.path);
  EXPECT_EQ(s.machine, "x64");
  EXPECT_FALSE(s.is_dll);
  EXPECT_TRUE(s.is_clr);
  EXPECT_EQ(s.clr_version, "v4.0.30319");
  EXPECT_EQ(s.assembly_name, "Orders");
  EXPECT_TRUE(s.imports.empty());
  EXPECT_TRUE(s.assembly_refs.empty());
  EXPECT_TRUE(s.type_refs.empty());
  EXPECT_TRUE(s.member_refs.empty());
  EXPECT_TRUE(s.user_strings.empty());
  EXPECT_TRUE(s.entry_calls.empty());
  EXPECT_FALSE(app.binaries.shares_with(copy.binaries));
  EXPECT_EQ(copy.binaries.front().type_refs.size(), 1u);  // the copy still has its facts

  Application none;
  slim_binaries(none);
  EXPECT_TRUE(none.binaries.empty());
}

}  // namespace
}  // namespace liftshift
