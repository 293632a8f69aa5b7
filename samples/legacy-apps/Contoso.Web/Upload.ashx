<%@ WebHandler Language="C#" CodeBehind="Upload.ashx.cs" Class="Contoso.Web.Upload" %>
