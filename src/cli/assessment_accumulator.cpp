#include "cli/assessment_accumulator.hpp"

namespace liftshift {

namespace {

// The application without the parsed files the reports do not print: most of
// an Inventory's memory is binaries, configs and source hits.
Application slim(const Application& app) {
  Application out;
  out.id = app.id;
  out.name = app.name;
  out.source = app.source;
  out.root = app.root;
  out.kind = app.kind;
  out.framework = app.framework;
  out.entry = app.entry;
  out.machine = app.machine;
  out.service = app.service;
  out.kind_evidence = app.kind_evidence;
  out.self_host = app.self_host;
  out.service_name = app.service_name;
  out.iis = app.iis;
  out.task = app.task;
  return out;
}

}  // namespace

void AssessmentAccumulator::add(const Inventory& inventory, const Assessment& assessment) {
  std::size_t source_base = sources_.size();
  std::size_t app_base = apps_.size();
  sources_.insert(sources_.end(), inventory.sources.begin(), inventory.sources.end());
  for (const auto& app : inventory.apps) apps_.push_back(slim(app));
  problems_.insert(problems_.end(), inventory.problems.begin(), inventory.problems.end());
  for (const auto& a : assessment.apps) {
    auto index = static_cast<std::size_t>(a.app - inventory.apps.data());
    app_results_.push_back({app_base + index, a.verdict, a.findings});
  }
  for (const auto& m : assessment.machines) {
    auto index = static_cast<std::size_t>(m.source - inventory.sources.data());
    machine_results_.push_back({source_base + index, m.findings});
  }
}

std::unique_ptr<AssessmentAccumulator::Combined> AssessmentAccumulator::combined() const {
  auto out = std::make_unique<Combined>();
  out->inventory.sources = sources_;
  out->inventory.apps = apps_;
  out->inventory.problems = problems_;
  out->assessment.inventory = &out->inventory;
  for (const auto& a : app_results_) {
    out->assessment.apps.push_back({&out->inventory.apps[a.app], a.verdict, a.findings});
  }
  for (const auto& m : machine_results_) {
    out->assessment.machines.push_back({&out->inventory.sources[m.source], m.findings});
  }
  return out;
}

}  // namespace liftshift
