// Plans for the emitter tests: the sample-like applications built in code.
#pragma once

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift::test {

inline AppFixture web_app() {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.5.2");
  f.app().root = "Site";
  f.app().entry = "Site/web.config";
  f.app().binaries.clear();
  f.finding("local-state").finding("scale-out-state").finding("ad-dependent").finding("event-log");
  f.app().markers.push_back(
      {MarkerCategory::kStateFolder, "Site/App_Data", "ASP.NET App_Data folder"});
  // What the rules found from these facts.
  f.assessment.results.state_folders = {{"Site/App_Data", "ASP.NET App_Data folder", false}};
  f.assessment.results.logs.files = {"D:\\Logs\\Site\\web.log"};
  f.assessment.results.identity.windows_authentication = true;
  ConfigFacts c;
  c.path = "Site/Web.config";
  c.authentication_mode = "Windows";
  ConnectionStringFacts cs;
  cs.name = "Db";
  cs.masked = "Data Source=db;User ID=app;Password=***";
  cs.had_secret = true;
  c.connection_strings.push_back(cs);
  c.log_paths.push_back("D:\\Logs\\Site\\web.log");
  f.app().configs.push_back(c);
  return f;
}

inline AppFixture task_app() {
  AppFixture f(AppKind::kTask, FrameworkKind::kNetFx, "4.8");
  f.app().task = task("C:\\Tools\\export.exe", "/all", "0 2 * * *");
  return f;
}

}  // namespace liftshift::test
