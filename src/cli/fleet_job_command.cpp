#include "cli/fleet_job_command.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/file_writer.hpp"
#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "emit/fleet_job.hpp"

namespace liftshift {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

bool is_postgres_url(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return make_error("read error");
  return text.str();
}

// The settings the command line gives, or the reasons it cannot be used.
Result<FleetJob> job_from(const FleetJobArgs& args, std::vector<std::string>& problems) {
  FleetJob job;
  job.name = args.name;
  job.k8s_namespace = args.k8s_namespace;
  job.image = args.image;
  job.executable = args.executable;
  job.shards = args.shards;
  job.parallelism = args.parallelism;
  job.retries = args.retries;
  job.store_secret = args.store_secret;
  job.sources_mount = args.sources_mount;
  job.cpu = args.cpu;
  job.memory = args.memory;
  job.run_as_user = args.run_as_user;
  if (!args.output.empty() && args.output != "-") job.manifest_file = args.output;
  if (!args.sources_host_path.empty()) {
    job.sources_kind = SourcesVolume::kHostPath;
    job.sources = args.sources_host_path;
  } else {
    job.sources = args.sources_pvc;
  }
  if (args.store.empty() && args.store_secret.empty()) {
    problems.emplace_back(
        "give --store postgresql://... (the results store the pods write to) or --store-secret "
        "NAME (an existing Secret holding it under the key url)");
  }
  if (!args.store.empty() && !is_postgres_url(args.store)) {
    problems.emplace_back(
        "--store must be a postgresql:// URL: the pods end when their shard is done, and a "
        "SQLite file inside a pod would go with it");
  }
  if (args.store_secret_literal) {
    if (args.store.empty()) {
      problems.emplace_back("--store-secret-literal needs --store URL to put in the Secret");
    } else {
      job.store_url_literal = args.store;
    }
  }
  auto text = read_file(args.list);
  if (!text) {
    problems.push_back("cannot read --list " + args.list + ": " + text.error().message);
  } else {
    auto list = read_fleet_list(*text);
    if (list) {
      job.list = std::move(*list);
    } else {
      problems.push_back("--list " + args.list + ": " + list.error().message);
    }
  }
  if (!problems.empty()) return make_error("invalid");
  for (auto& p : fleet_job_problems(job)) problems.push_back(std::move(p));
  if (!problems.empty()) return make_error("invalid");
  return job;
}

void print_warnings(const FleetJobArgs& args, const FleetJob& job) {
  if (!is_pinned_image(job.image)) {
    std::cerr << "liftshift: warning: --image " << job.image
              << " has no tag or digest (or is :latest): pods of one run may get different "
                 "liftshift versions; pin a tag or a digest\n";
  }
  if (job.sources_kind == SourcesVolume::kHostPath) {
    std::cerr << "liftshift: warning: hostPath needs " << job.sources
              << " on every Linux node, and the restricted Pod Security level refuses it; "
                 "a PersistentVolumeClaim (--sources-pvc) is the portable choice\n";
  }
  if (job.store_url_literal) {
    std::cerr << "liftshift: warning: the manifest holds the store URL"
              << (args.output.empty() || args.output == "-" ? ""
                                                            : " (written readable by you only)")
              << "; keep it out of version control\n";
  } else {
    std::string url =
        args.store.empty() ? "postgresql://USER:PASSWORD@HOST/DB" : mask_secret_text(args.store);
    std::cerr << "liftshift: the pods read the store URL from the Secret "
              << fleet_store_secret(job) << " (key url); create it before applying, e.g.\n"
              << "  kubectl create secret generic " << fleet_store_secret(job)
              << (job.k8s_namespace.empty() ? "" : " -n " + job.k8s_namespace)
              << " --from-literal=url='" << url << "'\n"
              << (args.store.empty() ? "" : "  (with the real password in place of ***)\n");
  }
}

}  // namespace

CLI::App* add_fleet_job_command(CLI::App& app, FleetJobArgs& args) {
  auto* cmd = app.add_subcommand(
      "fleet-job",
      "Write a Kubernetes Indexed Job that assesses a list of sources in N shards on a cluster");
  cmd->add_option("--list", args.list, "Source list, one per line (as for assess --from-list)")
      ->required();
  cmd->add_option("--shards", args.shards, "Number of shards, one pod each (1..10000)")->required();
  cmd->add_option("--image", args.image, "Container image that holds liftshift")->required();
  auto* store = cmd->add_option("--store", args.store,
                                "postgresql:// URL of the results store the pods write to");
  cmd->add_option("--store-secret", args.store_secret,
                  "Secret (key url) holding the store URL (default NAME-store)");
  cmd->add_flag("--store-secret-literal", args.store_secret_literal,
                "Also write that Secret, with the --store URL in it, into the manifest")
      ->needs(store);
  cmd->add_option("-o,--output", args.output, "Write the manifest to this file (default stdout)");
  cmd->add_flag("--force", args.force, "Overwrite the output file");
  cmd->add_option("--name", args.name, "Job name (default liftshift-fleet)");
  cmd->add_option("--namespace", args.k8s_namespace, "Namespace of every object");
  cmd->add_option("--parallelism", args.parallelism,
                  "Pods running at once (default min(shards, 8))");
  cmd->add_option("--retries", args.retries, "Failed pods tolerated per shard (default 2)");
  auto* pvc = cmd->add_option("--sources-pvc", args.sources_pvc,
                              "PersistentVolumeClaim holding the sources, mounted read-only");
  cmd->add_option("--sources-host-path", args.sources_host_path,
                  "Node folder holding the sources, mounted read-only (instead of a claim)")
      ->excludes(pvc);
  cmd->add_option("--sources-mount", args.sources_mount,
                  "Where the pods see the sources; relative list entries start here "
                  "(default /sources)");
  cmd->add_option("--executable", args.executable,
                  "The liftshift command inside the image (default liftshift)");
  cmd->add_option("--cpu", args.cpu, "CPU request and limit per pod (default 1)");
  cmd->add_option("--memory", args.memory, "Memory request and limit per pod (default 1Gi)");
  cmd->add_option("--run-as-user", args.run_as_user,
                  "Non-root user id of the pods (default 65532)");
  return cmd;
}

int run_fleet_job(const FleetJobArgs& args) {
  std::vector<std::string> problems;
  auto job = job_from(args, problems);
  if (!job) {
    for (const auto& p : problems) std::cerr << "liftshift: fleet-job: " << p << "\n";
    return kExitUsage;
  }
  std::string manifest = fleet_job_manifest(*job);
  if (args.output.empty() || args.output == "-") {
    std::cout << manifest << std::flush;
  } else {
    // A manifest that carries the store URL is readable by its owner only.
    const WriteOptions options{.overwrite = args.force,
                               .mode = job->store_url_literal.has_value() ? 0600u : 0644u};
    auto written = write_file(args.output, manifest, options);
    if (!written) {
      std::cerr << "liftshift: " << written.error().message << "\n";
      return kExitUsage;
    }
  }
  print_warnings(args, *job);
  return kExitOk;
}

}  // namespace liftshift
