// What a native C or C++ program does at its entry point, read from its
// source (.c, .cpp): the entry function it declares (main, wmain, WinMain,
// wWinMain) and the calls that say whether it is a service
// (StartServiceCtrlDispatcher) or shows windows (CreateWindowEx, DialogBox,
// the GetMessage loop). Comments and string literals are not read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/facts.hpp"

namespace liftshift {

// Hits: kEntryMain (the entry function), kEntryService, kEntryGui; the first
// of each token per file, text the token as written ("wWinMain",
// "StartServiceCtrlDispatcherW"). Bounded: at most kMaxNativeSourceBytes are read.
std::vector<SourceHit> scan_native_source(std::string_view text, const std::string& path);

inline constexpr std::size_t kMaxNativeSourceBytes = std::size_t{4} << 20;

}  // namespace liftshift
