using System;
using System.Configuration;
using System.IO;
using System.Web;
using System.Web.SessionState;
using Contoso.Web.Infrastructure;

namespace Contoso.Web
{
    /// <summary>
    /// Accepts purchase-order scans. Files are staged under ~/App_Data/uploads and,
    /// when the import share is reachable, copied to UploadRoot for the nightly import.
    /// </summary>
    public class Upload : IHttpHandler, IRequiresSessionState
    {
        private static readonly string[] AllowedExtensions = { ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff" };

        public bool IsReusable
        {
            get { return true; }
        }

        public void ProcessRequest(HttpContext context)
        {
            context.Response.ContentType = "text/plain";

            if (context.Request.HttpMethod != "POST" || context.Request.Files.Count == 0)
            {
                context.Response.StatusCode = 400;
                context.Response.Write("POST one or more files as multipart/form-data.");
                return;
            }

            string stagingFolder = context.Server.MapPath("~/App_Data/uploads");
            Directory.CreateDirectory(stagingFolder);
            string importFolder = ConfigurationManager.AppSettings["UploadRoot"];

            int saved = 0;
            for (int i = 0; i < context.Request.Files.Count; i++)
            {
                HttpPostedFile file = context.Request.Files[i];
                string originalName = Path.GetFileName(file.FileName);
                string extension = Path.GetExtension(originalName).ToLowerInvariant();
                if (file.ContentLength == 0 || Array.IndexOf(AllowedExtensions, extension) < 0)
                {
                    continue;
                }

                string storedName = string.Format("{0:yyyyMMdd-HHmmss}-{1}{2}",
                    DateTime.Now, Guid.NewGuid().ToString("N").Substring(0, 8), extension);
                string stagedPath = Path.Combine(stagingFolder, storedName);
                file.SaveAs(stagedPath);

                if (!string.IsNullOrEmpty(importFolder) && Directory.Exists(importFolder))
                {
                    File.Copy(stagedPath, Path.Combine(importFolder, storedName), true);
                }

                AppLog.Info(string.Format("{0} uploaded {1} as {2}",
                    context.User.Identity.Name, originalName, storedName));
                saved++;
            }

            object count = context.Session["UploadCount"];
            context.Session["UploadCount"] = (count is int ? (int)count : 0) + saved;

            context.Response.Write(saved + " file(s) received.");
        }
    }
}
