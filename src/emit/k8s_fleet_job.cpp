// The fleet job manifest: a ConfigMap with the source list, optionally the
// Secret with the store URL, and an Indexed Job whose pod k assesses shard k.
// The pods run liftshift on Linux nodes as a non-root user with a read-only
// root file system, no privilege escalation and no capabilities; they read
// the sources from a read-only volume and write only to the store.
#include <string>

#include "emit/fleet_job.hpp"
#include "emit/yaml_out.hpp"

namespace liftshift {

namespace {

constexpr const char* kListPlaceholder = "LIFTSHIFT-FLEET-LIST-PLACEHOLDER";
constexpr const char* kIndexAnnotation = "batch.kubernetes.io/job-completion-index";

std::string list_path() { return std::string(kFleetListDir) + "/" + std::string(kFleetListFile); }

// liftshift's --shard takes a 0-based index, as JOB_COMPLETION_INDEX is.
// Kubernetes expands $(VAR) in args from the container's env.
std::string shard_argument(const FleetJob& job) {
  return "$(JOB_COMPLETION_INDEX)/" + std::to_string(job.shards);
}

YamlValue labels(const FleetJob& job) {
  return yaml_map({{"app.kubernetes.io/name", YamlValue("liftshift")},
                   {"app.kubernetes.io/instance", YamlValue(job.name)},
                   {"app.kubernetes.io/component", YamlValue("fleet-assessment")},
                   {"app.kubernetes.io/managed-by", YamlValue("liftshift")}});
}

YamlValue metadata(const FleetJob& job, const std::string& name) {
  YamlValue m;
  m["name"] = name;
  if (!job.k8s_namespace.empty()) m["namespace"] = job.k8s_namespace;
  m["labels"] = labels(job);
  return m;
}

std::string kubectl_namespace(const FleetJob& job) {
  return job.k8s_namespace.empty() ? "" : " -n " + job.k8s_namespace;
}

// A YAML literal block keeps the list readable, one source per line, and
// exact. yaml-cpp writes a multi-line string double-quoted on one line
// (unreadable, and too long for yamllint) and its own literal style does not
// write the chomping indicator, so the block is put in by hand when the text
// is one a clipped literal block reads back unchanged.
bool literal_block_safe(const std::string& text) {
  if (text.empty() || text.back() != '\n' || text.ends_with("\n\n")) return false;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\n') return false;
    if (c == 0x7F) return false;
    if (c == '\n' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) return false;
  }
  return true;
}

std::string with_literal_block(std::string document, const std::string& text) {
  std::string placeholder(kListPlaceholder);
  auto at = document.find(placeholder + "\n");
  if (at == std::string::npos) return document;
  auto line_start = document.rfind('\n', at) + 1;
  auto indent = document.find_first_not_of(' ', line_start) - line_start + 2;
  std::string block = "|\n";
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    block += line.empty() ? "\n" : std::string(indent, ' ') + line + "\n";
    start = end + 1;
  }
  return document.replace(at, placeholder.size() + 1, block);
}

std::string config_map(const FleetJob& job) {
  YamlValue cm;
  cm["apiVersion"] = "v1";
  cm["kind"] = "ConfigMap";
  cm["metadata"] = metadata(job, job.name + "-list");
  // Immutable: a pod retried later reads the same list, so no shard's
  // sources move to another shard while the Job runs.
  cm["immutable"] = true;
  bool literal = literal_block_safe(job.list.text);
  cm["data"][std::string(kFleetListFile)] = literal ? kListPlaceholder : job.list.text;
  std::string secret = fleet_store_secret(job);
  std::string ns = kubectl_namespace(job);
  std::vector<std::string> header{
      "liftshift fleet job " + job.name + ": " + std::to_string(job.list.sources.size()) +
          " source(s) in " + std::to_string(job.shards) + " shard(s), " +
          std::to_string(fleet_parallelism(job)) + " pod(s) at a time.",
      "Pod k (JOB_COMPLETION_INDEX, 0-based) runs: " + job.executable + " assess --from-list " +
          list_path() + " --shard k/" + std::to_string(job.shards) + ", with the store URL in",
      "its environment (" + std::string(kFleetStoreEnv) +
          "), never on its command line where `ps` would show it.",
      ""};
  if (job.store_url_literal) {
    header.push_back("The store URL is in the Secret " + secret +
                     " below: this file holds a credential.");
  } else {
    header.insert(header.end(),
                  {"The store URL comes from the Secret " + secret + " (key " +
                       std::string(kFleetStoreKey) + "); create it first, for example with",
                   "  kubectl create secret generic " + secret + ns + " --from-literal=" +
                       std::string(kFleetStoreKey) + "='postgresql://USER:PASSWORD@HOST/DB'"});
  }
  header.insert(
      header.end(),
      {"Then:", "  kubectl apply" + ns + " -f " + job.manifest_file,
       "  kubectl wait" + ns + " --for=condition=complete job/" + job.name + " --timeout=24h",
       "  kubectl logs" + ns + " -l app.kubernetes.io/instance=" + job.name + " --prefix",
       "The Job and this ConfigMap are immutable: delete both before applying a new list.", "",
       "The sources to assess, one per line, as the pods read them."});
  std::string document = yaml_document(cm, header);
  return literal ? with_literal_block(document, job.list.text) : document;
}

std::string store_secret(const FleetJob& job) {
  YamlValue s;
  s["apiVersion"] = "v1";
  s["kind"] = "Secret";
  s["metadata"] = metadata(job, fleet_store_secret(job));
  s["type"] = "Opaque";
  s["stringData"][std::string(kFleetStoreKey)] = job.store_url_literal.value_or("");
  return yaml_document(
      s, {"The results store URL, written here because --store-secret-literal asked for it.",
          "It may hold a password: keep this file out of version control and remove it once",
          "applied, or create the Secret yourself and use --store-secret NAME."});
}

YamlValue env_from_field(const std::string& name, const std::string& field_path) {
  return yaml_map(
      {{"name", YamlValue(name)},
       {"valueFrom", yaml_map({{"fieldRef", yaml_map({{"fieldPath", YamlValue(field_path)}})}})}});
}

YamlValue container(const FleetJob& job) {
  YamlValue c;
  c["name"] = "liftshift";
  c["image"] = job.image;
  c["imagePullPolicy"] = "IfNotPresent";
  c["command"].push_back(job.executable);
  for (const std::string& a : {std::string("assess"), std::string("--from-list"), list_path(),
                               std::string("--shard"), shard_argument(job)}) {
    c["args"].push_back(a);
  }
  // Relative list entries are read from the sources volume.
  c["workingDir"] = job.sources_mount;
  // Set by the Job controller for Indexed Jobs too; declared here so the
  // manifest says where the index comes from (the controller keeps ours).
  c["env"].push_back(env_from_field(
      "JOB_COMPLETION_INDEX", "metadata.annotations['" + std::string(kIndexAnnotation) + "']"));
  YamlValue secret_ref = yaml_map({{"name", YamlValue(fleet_store_secret(job))},
                                   {"key", YamlValue(std::string(kFleetStoreKey))}});
  c["env"].push_back(yaml_map({{"name", YamlValue(std::string(kFleetStoreEnv))},
                               {"valueFrom", yaml_map({{"secretKeyRef", secret_ref}})}}));
  c["env"].push_back(yaml_map({{"name", YamlValue("HOME")}, {"value", YamlValue("/tmp")}}));
  c["env"].push_back(yaml_map({{"name", YamlValue("TMPDIR")}, {"value", YamlValue("/tmp")}}));
  YamlValue amount = yaml_map({{"cpu", YamlValue(job.cpu)}, {"memory", YamlValue(job.memory)}});
  c["resources"] = yaml_map({{"requests", amount}, {"limits", amount}});
  YamlValue sc;
  sc["allowPrivilegeEscalation"] = false;
  sc["privileged"] = false;
  sc["readOnlyRootFilesystem"] = true;
  sc["runAsNonRoot"] = true;
  sc["capabilities"]["drop"].push_back("ALL");
  c["securityContext"] = sc;
  c["volumeMounts"].push_back(yaml_map({{"name", YamlValue("list")},
                                        {"mountPath", YamlValue(std::string(kFleetListDir))},
                                        {"readOnly", YamlValue(true)}}));
  c["volumeMounts"].push_back(yaml_map({{"name", YamlValue("sources")},
                                        {"mountPath", YamlValue(job.sources_mount)},
                                        {"readOnly", YamlValue(true)}}));
  c["volumeMounts"].push_back(
      yaml_map({{"name", YamlValue("tmp")}, {"mountPath", YamlValue("/tmp")}}));
  return c;
}

YamlValue pod_spec(const FleetJob& job) {
  YamlValue spec;
  // Never: required by backoffLimitPerIndex; a failed pod is replaced by a
  // new pod with the same index.
  spec["restartPolicy"] = "Never";
  spec["os"]["name"] = "linux";
  spec["nodeSelector"]["kubernetes.io/os"] = "linux";
  // The pods talk to the store only, never to the Kubernetes API.
  spec["automountServiceAccountToken"] = false;
  spec["enableServiceLinks"] = false;
  YamlValue sc;
  sc["runAsNonRoot"] = true;
  sc["runAsUser"] = job.run_as_user;
  sc["runAsGroup"] = job.run_as_user;
  sc["seccompProfile"]["type"] = "RuntimeDefault";
  spec["securityContext"] = sc;
  spec["containers"].push_back(container(job));
  spec["volumes"].push_back(
      yaml_map({{"name", YamlValue("list")},
                {"configMap", yaml_map({{"name", YamlValue(job.name + "-list")}})}}));
  if (job.sources_kind == SourcesVolume::kPersistentVolumeClaim) {
    spec["volumes"].push_back(yaml_map(
        {{"name", YamlValue("sources")},
         {"persistentVolumeClaim",
          yaml_map({{"claimName", YamlValue(job.sources)}, {"readOnly", YamlValue(true)}})}}));
  } else {
    spec["volumes"].push_back(yaml_map(
        {{"name", YamlValue("sources")},
         {"hostPath",
          yaml_map({{"path", YamlValue(job.sources)}, {"type", YamlValue("Directory")}})}}));
  }
  spec["volumes"].push_back(yaml_map(
      {{"name", YamlValue("tmp")}, {"emptyDir", yaml_map({{"sizeLimit", YamlValue("1Gi")}})}}));
  return spec;
}

std::string job_document(const FleetJob& job) {
  YamlValue j;
  j["apiVersion"] = "batch/v1";
  j["kind"] = "Job";
  j["metadata"] = metadata(job, job.name);
  j["spec"]["completionMode"] = "Indexed";
  j["spec"]["completions"] = job.shards;
  j["spec"]["parallelism"] = fleet_parallelism(job);
  // Retries count per shard, so one unreadable share cannot use up the
  // budget of the others; every shard runs even when one fails.
  j["spec"]["backoffLimitPerIndex"] = job.retries;
  // A pod evicted by a node drain or preemption is not a failure of liftshift.
  YamlValue condition = yaml_map({{"type", YamlValue("DisruptionTarget")}, {"status", "True"}});
  YamlValue rule = yaml_map({{"action", YamlValue("Ignore")}});
  rule["onPodConditions"].push_back(condition);
  j["spec"]["podFailurePolicy"]["rules"].push_back(rule);
  j["spec"]["template"]["metadata"]["labels"] = labels(job);
  j["spec"]["template"]["spec"] = pod_spec(job);
  std::string sources = job.sources_kind == SourcesVolume::kPersistentVolumeClaim
                            ? "the claim " + job.sources
                            : "the host folder " + job.sources;
  return yaml_document(j, {"Indexed Job: pod k assesses shard k of " + std::to_string(job.shards) +
                               ", reading " + sources + " read-only at " + job.sources_mount + ".",
                           "backoffLimitPerIndex needs Kubernetes 1.29 or later (GA in 1.33)."});
}

}  // namespace

std::string fleet_job_manifest(const FleetJob& job) {
  std::string out = config_map(job);
  if (job.store_url_literal) out += store_secret(job);
  out += job_document(job);
  return out;
}

}  // namespace liftshift
