using System;
using System.Diagnostics;
using System.Web;
using Contoso.Web.Infrastructure;

namespace Contoso.Web
{
    public class Global : HttpApplication
    {
        private const string EventSource = "ContosoWeb";

        protected void Application_Start(object sender, EventArgs e)
        {
            AppLog.Configure();
            AppLog.Info("Contoso.Web starting on " + Environment.MachineName);
        }

        protected void Session_Start(object sender, EventArgs e)
        {
            Session["StartedUtc"] = DateTime.UtcNow;
            Session["UploadCount"] = 0;
        }

        protected void Application_Error(object sender, EventArgs e)
        {
            Exception error = Server.GetLastError();
            if (error == null)
            {
                return;
            }

            HttpException httpError = error as HttpException;
            if (httpError != null && httpError.GetHttpCode() == 404)
            {
                return;
            }

            string user = User != null && User.Identity != null ? User.Identity.Name : "(anonymous)";
            string summary = string.Format("Unhandled error for {0} at {1}: {2}",
                user, Request.RawUrl, error.GetBaseException().Message);
            AppLog.Error(summary, error);

            try
            {
                OpsMailer.Send("Contoso.Web error on " + Environment.MachineName, summary + Environment.NewLine + error);
            }
            catch (Exception mailError)
            {
                // The mail relay is down more often than we'd like; make sure ops still sees it.
                if (EventLog.SourceExists(EventSource))
                {
                    EventLog.WriteEntry(EventSource, summary + Environment.NewLine + mailError.Message,
                        EventLogEntryType.Error);
                }
            }
        }

        protected void Application_End(object sender, EventArgs e)
        {
            AppLog.Info("Contoso.Web stopping");
        }
    }
}
