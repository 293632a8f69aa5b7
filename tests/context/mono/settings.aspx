<%@ Page Language="C#" %>
<%@ Import Namespace="System.Configuration" %>
db=<%= ConfigurationManager.ConnectionStrings["ContosoDb"].ConnectionString %>
smtp=<%= ConfigurationManager.AppSettings["SmtpPassword"] %>
upload=<%= ConfigurationManager.AppSettings["UploadRoot"] %>
