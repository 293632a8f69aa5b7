<%@ Application Codebehind="Global.asax.cs" Inherits="Contoso.Web.Global" Language="C#" %>
