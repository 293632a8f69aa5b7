// The planner's steps, one file each. Each reads the assessment and what the
// earlier steps put in the AppPlan, and adds its decisions with reasons.
#pragma once

#include <string>
#include <string_view>

#include "core/plan.hpp"
#include "core/rule_ids.hpp"

namespace liftshift {

// The finding of a rule, or nullptr.
const Finding* find_finding(const AppAssessment& a, std::string_view rule);
inline bool has_finding(const AppAssessment& a, std::string_view rule) {
  return find_finding(a, rule) != nullptr;
}

void decide(AppPlan& plan, std::string topic, std::string choice, std::string reason);

void plan_blockers(const AppAssessment& a, AppPlan& plan);  // blockers.cpp
void plan_platform(const AppAssessment& a, const PlanOptions& options,
                   AppPlan& plan);                                 // platform.cpp
void plan_image(const AppAssessment& a, AppPlan& plan);            // image.cpp
void plan_build(const AppAssessment& a, AppPlan& plan);            // build.cpp
void plan_entry(const AppAssessment& a, AppPlan& plan);            // entry.cpp
void plan_iis_site(const AppAssessment& a, AppPlan& plan);         // iis_site.cpp
void plan_logging(const AppAssessment& a, AppPlan& plan);          // logging.cpp
void plan_storage(const AppAssessment& a, AppPlan& plan);          // storage.cpp
void plan_config(const AppAssessment& a, AppPlan& plan);           // config.cpp
void plan_features(const AppAssessment& a, AppPlan& plan);         // network.cpp
void plan_network(const AppAssessment& a, AppPlan& plan);          // network.cpp
void plan_self_host_ports(const AppAssessment& a, AppPlan& plan);  // self_host_ports.cpp
void plan_fixes(const AppAssessment& a, AppPlan& plan);            // fixes.cpp

// Names (names.cpp).
std::string safe_folder_name(std::string_view app_id);
std::string dns_label(std::string_view text, std::size_t max = 50);
std::string env_key(std::string_view prefix, std::string_view name);
// "D:\\Logs\\web.log" -> "C:\\Logs\\web.log" (the container has only C:); others unchanged.
std::string to_c_drive(std::string_view windows_path);
bool is_unc(std::string_view path);
bool is_other_drive(std::string_view path);
// Last path component of a '/' or '\\' path.
std::string base_name(std::string_view path);
std::string strip_exe(std::string_view file);

}  // namespace liftshift
