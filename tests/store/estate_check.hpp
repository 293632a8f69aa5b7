// An estate of sources for the store tests that run `liftshift assess`:
// copies of the published sample (each copy is a different source), the
// baseline of what one copy holds, and the check that a store holds every
// source's applications and findings exactly once.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/report.hpp"
#include "test_support.hpp"

namespace liftshift::test {

inline std::filesystem::path published_sample() { return fixtures() / "sample" / "published"; }

// n copies of the sample under dir: dir/<prefix>00, dir/<prefix>01...
inline std::vector<std::string> copy_sample(const std::filesystem::path& dir,
                                            const std::string& prefix, int n) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "%02d", i);
    auto target = dir / (prefix + name);
    std::filesystem::copy(published_sample(), target, std::filesystem::copy_options::recursive);
    out.push_back(std::filesystem::canonical(target).string());
  }
  return out;
}

// What one copy of the sample holds: application id without the source name
// ("OrderProcessor" for "c03/OrderProcessor") -> its findings' rules, sorted.
using Baseline = std::map<std::string, std::multiset<std::string>>;

inline std::string without_source_name(const std::string& id) {
  auto slash = id.find('/');
  return slash == std::string::npos ? id : id.substr(slash + 1);
}

inline Baseline sample_baseline() {
  auto r = run_liftshift({"assess", "--no-store", "--format", "json", published_sample().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Baseline out;
  auto j = nlohmann::json::parse(r.out);
  for (const auto& app : j["apps"]) {
    auto& rules = out[without_source_name(app["id"].get<std::string>())];
    for (const auto& f : app["findings"]) rules.insert(f["rule"].get<std::string>());
  }
  EXPECT_FALSE(out.empty());
  return out;
}

// Every source is in the store once, with exactly the baseline's
// applications, each once, each with exactly the baseline's findings.
inline void expect_estate(const Report& store, const std::vector<std::string>& sources,
                          const Baseline& baseline) {
  std::set<std::string> identities;
  for (const auto& s : store.sources) {
    EXPECT_TRUE(identities.insert(s.identity).second) << "source twice: " << s.identity;
  }
  EXPECT_EQ(identities, std::set<std::string>(sources.begin(), sources.end()));
  std::map<std::string, Baseline> found;  // source identity -> its apps
  for (const auto& a : store.apps) {
    auto& apps = found[a.source_identity];
    std::string key = without_source_name(a.id);
    EXPECT_FALSE(apps.contains(key))
        << "application twice: " << a.id << " in " << a.source_identity;
    auto& rules = apps[key];
    for (const auto& f : a.findings) rules.insert(f.rule);
  }
  for (const auto& s : sources) EXPECT_EQ(found[s], baseline) << s;
}

}  // namespace liftshift::test
