// gMSA for Active Directory dependent applications (seed: Active Directory;
// FACTS.md: GMSACredentialSpec, ClusterRole with verb "use", RoleBinding to
// the pod's ServiceAccount).
#include <cctype>

#include "core/environments.hpp"
#include "emit/k8s.hpp"

namespace liftshift {

std::vector<Artifact> k8s_identity(const AppPlan& plan) {
  std::vector<Artifact> out;
  if (!plan.gmsa) return out;
  std::string spec_name = base_credential_spec(plan);
  std::string role_name = plan.k8s_name + "-gmsa-user";

  YamlValue sa;
  sa["apiVersion"] = "v1";
  sa["kind"] = "ServiceAccount";
  sa["metadata"] = k8s_metadata(plan, plan.k8s_name);
  out.push_back(
      {"k8s/serviceaccount.yaml",
       yaml_document(
           sa, {"The pod's identity in the cluster; the RoleBinding lets it use the gMSA."})});

  YamlValue cs;
  cs["apiVersion"] = "windows.k8s.io/v1";
  cs["kind"] = "GMSACredentialSpec";
  cs["metadata"] = k8s_metadata(plan, spec_name);
  cs["credspec"]["CmsPlugins"].push_back("ActiveDirectory");
  // The domain from the plan, or placeholders (DOMAIN: its NetBIOS name,
  // taken as the DNS name's first label, which New-CredentialSpec confirms).
  std::string dns = plan.domain.empty() ? "domain.example" : plan.domain;
  std::string netbios = "DOMAIN";
  if (!plan.domain.empty()) {
    netbios = plan.domain.substr(0, plan.domain.find('.'));
    for (char& c : netbios) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  YamlValue join;
  join["DnsName"] = dns;
  join["DnsTreeName"] = dns;
  join["Guid"] = "00000000-0000-0000-0000-000000000000";
  join["MachineAccountName"] = plan.gmsa_account;
  join["NetBiosName"] = netbios;
  join["Sid"] = "S-1-5-21-0-0-0";
  cs["credspec"]["DomainJoinConfig"] = join;
  for (const std::string& scope : {dns, netbios}) {
    cs["credspec"]["ActiveDirectoryConfig"]["GroupManagedServiceAccounts"].push_back(
        yaml_map({{"Name", YamlValue(plan.gmsa_account)}, {"Scope", YamlValue(scope)}}));
  }
  out.push_back(
      {"k8s/gmsa-credentialspec.yaml",
       yaml_document(cs, {"Active Directory identity (gMSA " + plan.gmsa_account +
                              "): containers can't be "
                              "domain-joined.",
                          "Replace the placeholders (" +
                              std::string(plan.domain.empty() ? "domain.example, DOMAIN, " : "") +
                              "Guid, Sid) with the output of",
                          "New-CredentialSpec -AccountName " + plan.gmsa_account +
                              " on a domain-joined host; needs the windows-gmsa webhook."})});

  YamlValue role;
  role["apiVersion"] = "rbac.authorization.k8s.io/v1";
  role["kind"] = "ClusterRole";
  role["metadata"] = k8s_metadata(plan, role_name);
  YamlValue rule;
  rule["apiGroups"].push_back("windows.k8s.io");
  rule["resources"].push_back("gmsacredentialspecs");
  rule["verbs"].push_back("use");
  rule["resourceNames"].push_back(spec_name);
  role["rules"].push_back(rule);
  out.push_back({"k8s/gmsa-clusterrole.yaml",
                 yaml_document(role, {"Allows using the credential spec " + spec_name + "."})});

  YamlValue binding;
  binding["apiVersion"] = "rbac.authorization.k8s.io/v1";
  binding["kind"] = "RoleBinding";
  binding["metadata"] = k8s_metadata(plan, role_name);
  binding["metadata"]["namespace"] = "default";
  binding["subjects"].push_back(yaml_map({{"kind", YamlValue("ServiceAccount")},
                                          {"name", YamlValue(plan.k8s_name)},
                                          {"namespace", YamlValue("default")}}));
  binding["roleRef"] = yaml_map({{"kind", YamlValue("ClusterRole")},
                                 {"name", YamlValue(role_name)},
                                 {"apiGroup", YamlValue("rbac.authorization.k8s.io")}});
  out.push_back(
      {"k8s/gmsa-rolebinding.yaml",
       yaml_document(binding,
                     {"Binds the ClusterRole to the pod's ServiceAccount (namespace default: "
                      "change it with the deployment's)."})});
  return out;
}

std::vector<Artifact> render_k8s(const AppPlan& plan) {
  std::vector<Artifact> out{k8s_workload(plan)};
  for (auto* part : {&k8s_network, &k8s_config, &k8s_identity}) {
    for (auto& a : part(plan)) out.push_back(std::move(a));
  }
  return k8s_kustomize(plan, std::move(out));
}

}  // namespace liftshift
