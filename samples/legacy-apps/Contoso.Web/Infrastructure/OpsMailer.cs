using System.Configuration;
using System.Net;
using System.Net.Mail;

namespace Contoso.Web.Infrastructure
{
    internal static class OpsMailer
    {
        public static void Send(string subject, string body)
        {
            var settings = ConfigurationManager.AppSettings;
            using (var client = new SmtpClient(settings["SmtpHost"], 587))
            using (var message = new MailMessage(settings["SmtpUser"], settings["OpsMailbox"], subject, body))
            {
                client.EnableSsl = true;
                client.Credentials = new NetworkCredential(settings["SmtpUser"], settings["SmtpPassword"]);
                client.Send(message);
            }
        }
    }
}
