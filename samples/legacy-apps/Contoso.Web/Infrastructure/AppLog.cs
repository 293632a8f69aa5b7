using System;
using System.Diagnostics;
#if LOG4NET
using log4net;
using log4net.Config;
#endif

namespace Contoso.Web.Infrastructure
{
    /// <summary>
    /// Thin wrapper so pages and handlers don't depend on log4net directly.
    /// Builds without the LOG4NET symbol (no NuGet restore) fall back to Trace.
    /// </summary>
    internal static class AppLog
    {
#if LOG4NET
        private static readonly ILog Log = LogManager.GetLogger("Contoso.Web");
#endif

        public static void Configure()
        {
#if LOG4NET
            XmlConfigurator.Configure();
#endif
        }

        public static void Info(string message)
        {
#if LOG4NET
            Log.Info(message);
#else
            Trace.TraceInformation(message);
#endif
        }

        public static void Error(string message, Exception error)
        {
#if LOG4NET
            Log.Error(message, error);
#else
            Trace.TraceError(message + Environment.NewLine + error);
#endif
        }
    }
}
