// `liftshift fleet-job`: writes the Kubernetes Indexed Job that assesses a
// list of sources in N shards on a cluster, each pod running
// `liftshift assess --from-list LIST --shard k/N --store URL`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace liftshift {

struct FleetJobArgs {
  std::string list;
  int shards = 0;
  std::string store;
  std::string store_secret;
  bool store_secret_literal = false;
  std::string image;
  std::string output;
  bool force = false;
  std::string name = "liftshift-fleet";
  std::string k8s_namespace;
  int parallelism = 0;
  int retries = 2;
  std::string sources_pvc;
  std::string sources_host_path;
  std::string sources_mount = "/sources";
  std::string executable = "liftshift";
  std::string cpu = "1";
  std::string memory = "1Gi";
  long long run_as_user = 65532;
};

CLI::App* add_fleet_job_command(CLI::App& app, FleetJobArgs& args);

// Runs the verb; returns the exit code (0 written, 2 bad input or cannot write).
int run_fleet_job(const FleetJobArgs& args);

}  // namespace liftshift
