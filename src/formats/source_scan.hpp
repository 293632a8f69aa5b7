// A fast lexical scan of C# and Visual Basic source text for APIs and literals
// that matter when a Windows application moves into a container. It is not a
// parser: it skips comments, reads string literals, and matches tokens. It is
// linear in the input, needs no valid UTF-8 and never fails.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/facts.hpp"

namespace liftshift {

// SourceHit::category values.
namespace source_category {
inline constexpr std::string_view kWinForms = "winforms";
inline constexpr std::string_view kWpf = "wpf";
inline constexpr std::string_view kGdi = "gdi";
inline constexpr std::string_view kWts = "wts";
inline constexpr std::string_view kMessaging = "messaging";
inline constexpr std::string_view kMsmqQueue = "msmq-queue";  // text: the queue path literal
inline constexpr std::string_view kMsmqAuth = "msmq-auth";
inline constexpr std::string_view kEventLog = "eventlog";
inline constexpr std::string_view kEtw = "etw";
inline constexpr std::string_view kDirectoryServices = "directoryservices";
inline constexpr std::string_view kWindowsIdentity = "windows-identity";
inline constexpr std::string_view kTransactions = "transactions";
inline constexpr std::string_view kEnterpriseServices = "enterpriseservices";
inline constexpr std::string_view kRegistry = "registry";
inline constexpr std::string_view kDrivePath = "drive-path";  // text: the string literal
inline constexpr std::string_view kFileWrite = "file-write";
inline constexpr std::string_view kServiceBase = "servicebase";
inline constexpr std::string_view kWcfHost = "wcf-host";
inline constexpr std::string_view kEmbeddedDb = "embedded-db";
inline constexpr std::string_view kScheduler = "scheduler";
// The program's entry point (formats/entry_point_scan): the Main declaration
// and the hosting calls made from it.
inline constexpr std::string_view kEntryMain = "entry-main";
inline constexpr std::string_view kEntryGui = "entry-gui";           // Application.Run, new App()
inline constexpr std::string_view kEntryService = "entry-service";   // ServiceBase.Run, Topshelf
inline constexpr std::string_view kEntryWcfHost = "entry-wcf-host";  // new ServiceHost(...)
inline constexpr std::string_view kEntryWebHost = "entry-web-host";  // WebHost, Kestrel, OWIN
// text: the literal assigned to a ServiceName property (ServiceInstaller).
inline constexpr std::string_view kServiceName = "service-name";
// text: a literal that is a listening address: net.tcp://..., or http(s)://
// on localhost, *, +, 0.0.0.0 (what a self-hosted server binds to).
inline constexpr std::string_view kListenUrl = "listen-url";

// MessageQueue.Create(name, true), MessageQueueTransaction: transactional queues.
inline constexpr std::string_view kMsmqTransactional = "msmq-transactional";
// An "IIS://" literal: the IIS metabase through ADSI, not Active Directory.
inline constexpr std::string_view kIisMetabase = "iis-metabase";
// Console.ReadLine/ReadKey inside a program's Main: waits on an interactive console.
inline constexpr std::string_view kConsoleWait = "console-wait";
// A TransactionScope whose block opens two connections or uses MSMQ (a
// second resource manager): the transaction escalates to MSDTC. Text says why.
inline constexpr std::string_view kTransactionEscalation = "transaction-escalation";
// A "~/App_Data" literal: the code keeps files in the site's App_Data folder.
inline constexpr std::string_view kAppData = "app-data";

// Every category, in the order hits of one line are reported.
inline constexpr std::array<std::string_view, 32> kAll = {kWinForms,
                                                          kWpf,
                                                          kGdi,
                                                          kWts,
                                                          kMessaging,
                                                          kMsmqQueue,
                                                          kMsmqAuth,
                                                          kEventLog,
                                                          kEtw,
                                                          kDirectoryServices,
                                                          kWindowsIdentity,
                                                          kTransactions,
                                                          kEnterpriseServices,
                                                          kRegistry,
                                                          kDrivePath,
                                                          kFileWrite,
                                                          kServiceBase,
                                                          kWcfHost,
                                                          kEmbeddedDb,
                                                          kScheduler,
                                                          kEntryMain,
                                                          kEntryGui,
                                                          kEntryService,
                                                          kEntryWcfHost,
                                                          kEntryWebHost,
                                                          kServiceName,
                                                          kListenUrl,
                                                          kMsmqTransactional,
                                                          kIisMetabase,
                                                          kConsoleWait,
                                                          kTransactionEscalation,
                                                          kAppData};
}  // namespace source_category

// Maximum length of SourceHit::text (bytes, cut on a UTF-8 boundary).
inline constexpr std::size_t kMaxHitText = 200;

// Scans one source file. The language comes from the path: ".vb" is Visual
// Basic (comments ' and REM, "" escapes, case-insensitive tokens), anything
// else C# (// and /* */ comments; regular, verbatim @"", interpolated $"" and
// raw """ strings; case-sensitive tokens). At most one hit per (category,
// line); hits are ordered by line, then by category as in kAll. Lines are
// 1-based. SourceHit::text is the matched token, or the literal's value with
// C# escapes resolved (".\\private$\\orders" -> .\private$\orders), secrets
// masked, made printable, at most kMaxHitText bytes.
std::vector<SourceHit> scan_source(std::string_view text, const std::string& path);

}  // namespace liftshift
