#include "core/k8s_quantity.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(K8sQuantity, CpuInCoresOrMillicores) {
  EXPECT_EQ(cpu_millicores("500m"), 500);
  EXPECT_EQ(cpu_millicores("2"), 2000);
  EXPECT_EQ(cpu_millicores("0.25"), 250);
  EXPECT_EQ(cpu_millicores("1.5"), 1500);
  for (const char* bad : {"", "m", "0", "0m", "-1", "+1", " 1", "1 ", "1.", ".5", "1.5m", "0.0005",
                          "1e3", "2cores", "1Gi", "99999999999999999999"})
    EXPECT_EQ(cpu_millicores(bad), std::nullopt) << bad;
}

TEST(K8sQuantity, MemoryWithBinaryOrDecimalSuffix) {
  EXPECT_EQ(memory_bytes("1Gi"), 1073741824);
  EXPECT_EQ(memory_bytes("512Mi"), 512 * 1048576);
  EXPECT_EQ(memory_bytes("1.5Gi"), 1610612736);
  EXPECT_EQ(memory_bytes("500M"), 500000000);
  EXPECT_EQ(memory_bytes("128974848"), 128974848);
  for (const char* bad : {"", "Gi", "0Gi", "1gi", "1GB", "1.5", "-1Gi", "1 Gi", "100m", "0.1",
                          "8Ei", "99999999999999999999Ki"})
    EXPECT_EQ(memory_bytes(bad), std::nullopt) << bad;
}

TEST(K8sQuantity, ComposeForms) {
  EXPECT_EQ(compose_cpus(500), "0.5");
  EXPECT_EQ(compose_cpus(2000), "2");
  EXPECT_EQ(compose_cpus(1250), "1.25");
  EXPECT_EQ(compose_cpus(50), "0.05");
  EXPECT_EQ(compose_memory(std::int64_t{2} << 30), "2g");
  EXPECT_EQ(compose_memory(std::int64_t{512} << 20), "512m");
  EXPECT_EQ(compose_memory(1610612736), "1536m");
  EXPECT_EQ(compose_memory(1000000000), "1000000000b");
}

TEST(K8sQuantity, KubernetesForms) {
  EXPECT_EQ(k8s_cpu(2000), "2");
  EXPECT_EQ(k8s_cpu(250), "250m");
  EXPECT_EQ(k8s_memory(std::int64_t{1} << 30), "1Gi");
  EXPECT_EQ(k8s_memory(std::int64_t{384} << 20), "384Mi");
  EXPECT_EQ(k8s_memory(1000000000), "1000000000");
  for (const char* q : {"250m", "2", "1Gi", "384Mi"}) {
    if (auto m = cpu_millicores(q)) {
      EXPECT_EQ(k8s_cpu(*m), q);
    }
    if (auto b = memory_bytes(q)) {
      EXPECT_EQ(k8s_memory(*b), q);
    }
  }
}

}  // namespace
}  // namespace liftshift
