// `liftshift fleet-job`: a Kubernetes Indexed Job that assesses a list of
// sources in N shards on a cluster. Pod k runs
//   liftshift assess --from-list LIST --shard k/N --store $(LIFTSHIFT_STORE)
// with k its completion index (JOB_COMPLETION_INDEX, 0-based), the list from a
// ConfigMap, the store URL from a Secret and the sources from a read-only
// PersistentVolumeClaim (or hostPath).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

// A source list as the pods will read it.
struct FleetList {
  std::string text;                  // what the ConfigMap holds (see read_fleet_list)
  std::vector<std::string> sources;  // the sources, in list order, each once
};

// Reads a source list (one source per line; blank lines and lines starting
// with '#' are ignored). The ConfigMap text is the file with each line's
// surrounding whitespace (and CR of CRLF) removed, leading, trailing and
// repeated blank lines dropped, so a plain LF file goes in byte for byte and
// the pods split
// exactly the sources a local run would. Fails, naming the line, on invalid
// UTF-8 or control characters, and when no source is listed.
Result<FleetList> read_fleet_list(std::string_view file_text);

// Where the sources come from inside the pods.
enum class SourcesVolume { kPersistentVolumeClaim, kHostPath };

struct FleetJob {
  std::string name = "liftshift-fleet";  // Job; ConfigMap NAME-list; Secret NAME-store
  std::string k8s_namespace;             // empty: kubectl's current namespace
  std::string image;                     // holds the liftshift executable
  std::string executable = "liftshift";  // the command inside the image
  int shards = 1;                        // completions
  int parallelism = 0;                   // 0: min(shards, 8)
  int retries = 2;                       // failed pods tolerated per shard
  FleetList list;
  std::string store_secret;                      // empty: NAME-store; key "url"
  std::optional<std::string> store_url_literal;  // set: write the Secret with this URL
  SourcesVolume sources_kind = SourcesVolume::kPersistentVolumeClaim;
  std::string sources;                     // PVC name or host folder
  std::string sources_mount = "/sources";  // where the pods see them; also the working folder
  std::string cpu = "1";                   // requests = limits
  std::string memory = "1Gi";              // requests = limits
  long long run_as_user = 65532;
  std::string manifest_file = "fleet-job.yaml";  // named in the kubectl hints
};

// Fixed paths and names inside the pods.
inline constexpr std::string_view kFleetListDir = "/etc/liftshift/list";
inline constexpr std::string_view kFleetListFile = "sources.txt";
inline constexpr std::string_view kFleetStoreEnv = "LIFTSHIFT_STORE";
inline constexpr std::string_view kFleetStoreKey = "url";

int fleet_parallelism(const FleetJob& job);
std::string fleet_store_secret(const FleetJob& job);

// Everything wrong with the job's settings, one message each (empty when it
// can be written): names, image reference, counts, quantities, list paths
// that the pods could not reach.
std::vector<std::string> fleet_job_problems(const FleetJob& job);

// True when ref is a well-formed container image reference
// ([registry[:port]/]path[:tag][@algorithm:hex]).
bool is_image_reference(std::string_view ref);
// True when the reference names a digest or a tag other than "latest".
bool is_pinned_image(std::string_view ref);

// The multi-document manifest: ConfigMap, the Secret (only with
// store_url_literal), then the Job.
std::string fleet_job_manifest(const FleetJob& job);

}  // namespace liftshift
