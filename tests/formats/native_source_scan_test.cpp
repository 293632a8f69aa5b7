#include "formats/native_source_scan.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace liftshift {
namespace {

std::vector<std::string> hits(const std::string& code) {
  std::vector<std::string> out;
  for (const auto& h : scan_native_source(code, "a.cpp"))
    out.push_back(to_string(h.category) + " " + std::to_string(h.line) + " " + h.text);
  return out;
}

TEST(NativeSourceScan, EntryFunctionsAndTheCallsThatSayTheRole) {
  EXPECT_EQ(hits("int WINAPI wWinMain(HINSTANCE i, HINSTANCE p, PWSTR c, int s) {\n"
                 "  HWND w = CreateWindowExW(0, L\"C\", L\"T\", 0, 0, 0, 1, 1, 0, 0, i, 0);\n"
                 "  while (GetMessageW(&m, NULL, 0, 0)) DispatchMessageW(&m);\n"
                 "  CreateWindowExW(0, 0, 0, 0, 0, 0, 1, 1, 0, 0, i, 0);\n}\n"),
            (std::vector<std::string>{to_string(SourceCategory::kEntryMain) + " 1 wWinMain",
                                      to_string(SourceCategory::kEntryGui) + " 2 CreateWindowExW",
                                      to_string(SourceCategory::kEntryGui) + " 3 GetMessageW"}));
  EXPECT_EQ(hits("int main() {\n  return StartServiceCtrlDispatcherA(table);\n}\n"),
            (std::vector<std::string>{
                to_string(SourceCategory::kEntryMain) + " 1 main",
                to_string(SourceCategory::kEntryService) + " 2 StartServiceCtrlDispatcherA"}));
}

TEST(NativeSourceScan, CommentsStringsMembersAndOtherNamesAreNot) {
  EXPECT_TRUE(hits("// CreateWindowExW(0)\n/* WinMain( */ const char* s = \"DialogBox(x)\";\n"
                   "obj.main(); p->GetMessage(); int CreateWindowExWide(int);\n"
                   "char c = '\\''; int domain(void);\n")
                  .empty());
  EXPECT_TRUE(hits("\"unterminated\n/* unterminated").empty());
  // A digit separator starts no character literal: the line goes on.
  EXPECT_EQ(hits("const int kMax = 1'000; int main() { return 0; }\n"),
            (std::vector<std::string>{to_string(SourceCategory::kEntryMain) + " 1 main"}));
}

}  // namespace
}  // namespace liftshift
