#include "realworld/realworld_support.hpp"

#include <gtest/gtest.h>

#include <map>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace liftshift::test {

fs::path realworld_dir() {
  fs::path dir = LIFTSHIFT_REALWORLD;
  if (!fs::exists(dir / ".unpacked")) {
    ADD_FAILURE() << "the real-world corpus is not unpacked in " << dir
                  << " (is ../shared/realworld/corpus.tar.xz beside the checkout?)";
  }
  return dir;
}

const nlohmann::json& realworld_assessment(const std::string& project) {
  static std::map<std::string, nlohmann::json> cache;
  auto it = cache.find(project);
  if (it != cache.end()) return it->second;
  fs::path dir = realworld_dir() / project;
  nlohmann::json doc = nlohmann::json::object();
  if (!fs::is_directory(dir)) {
    ADD_FAILURE() << "no real-world project at " << dir;
  } else {
    RunResult r = run_liftshift({"assess", dir.string(), "--format", "json", "--no-store"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    doc = nlohmann::json::parse(r.out, nullptr, false);
    if (doc.is_discarded()) {
      ADD_FAILURE() << "assess of " << project << " did not print JSON: " << r.err;
      doc = nlohmann::json::object();
    }
  }
  return cache.emplace(project, std::move(doc)).first->second;
}

std::vector<std::string> app_names(const nlohmann::json& assessment) {
  std::vector<std::string> names;
  for (const auto& a : assessment.value("apps", nlohmann::json::array())) {
    names.push_back(a.value("name", ""));
  }
  return names;
}

const nlohmann::json& app_named(const nlohmann::json& assessment, const std::string& name) {
  static const nlohmann::json none = nlohmann::json::object();
  const nlohmann::json* found = nullptr;
  int count = 0;
  // By reference into the assessment: value() would return a copy, and the
  // reference handed back would dangle.
  if (!assessment.contains("apps") || !assessment["apps"].is_array()) return none;
  for (const auto& a : assessment["apps"]) {
    if (a.value("name", "") == name) {
      ++count;
      if (found == nullptr) found = &a;
    }
  }
  if (count != 1) {
    std::string all;
    for (const auto& n : app_names(assessment)) all += " " + n;
    ADD_FAILURE() << "expected one application named " << name << ", found " << count
                  << "; applications:" << all;
  }
  if (found == nullptr) return none;
  return *found;
}

namespace {

int severity_rank(const std::string& s) {
  if (s == "blocker") return 2;
  if (s == "change") return 1;
  return 0;
}

}  // namespace

std::vector<std::string> rules_of(const nlohmann::json& app, const std::string& min_severity) {
  std::vector<std::string> out;
  for (const auto& f : app.value("findings", nlohmann::json::array())) {
    if (severity_rank(f.value("severity", "info")) >= severity_rank(min_severity)) {
      out.push_back(f.value("rule", ""));
    }
  }
  return out;
}

bool has_rule(const nlohmann::json& app, const std::string& rule) {
  return finding_of(app, rule) != nullptr;
}

const nlohmann::json* finding_of(const nlohmann::json& app, const std::string& rule) {
  if (!app.contains("findings")) return nullptr;
  for (const auto& f : app["findings"]) {
    if (f.value("rule", "") == rule) return &f;
  }
  return nullptr;
}

std::vector<std::string> evidence_of(const nlohmann::json& app, const std::string& rule) {
  std::vector<std::string> out;
  const nlohmann::json* f = finding_of(app, rule);
  if (f == nullptr) return out;
  for (const auto& e : f->value("evidence", nlohmann::json::array())) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace liftshift::test
