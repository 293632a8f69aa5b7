<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Default.aspx.cs" Inherits="Contoso.Web._Default" %>

<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml">
<head runat="server">
    <title>Contoso Orders</title>
</head>
<body>
    <form id="form1" runat="server">
        <h1>Contoso Orders</h1>
        <p><asp:Label ID="WelcomeLabel" runat="server" /></p>
        <p>
            Customer number:
            <asp:TextBox ID="CustomerFilter" runat="server" MaxLength="12" />
            <asp:Button ID="SearchButton" runat="server" Text="Search" OnClick="SearchButton_Click" />
        </p>
        <asp:GridView ID="OrdersGrid" runat="server" AutoGenerateColumns="false" EmptyDataText="No orders found.">
            <Columns>
                <asp:BoundField DataField="OrderNumber" HeaderText="Order" />
                <asp:BoundField DataField="CustomerNumber" HeaderText="Customer" />
                <asp:BoundField DataField="PlacedOn" HeaderText="Placed" DataFormatString="{0:d}" />
                <asp:BoundField DataField="Status" HeaderText="Status" />
                <asp:BoundField DataField="Total" HeaderText="Total" DataFormatString="{0:C}" />
            </Columns>
        </asp:GridView>
        <h2>Upload a purchase order</h2>
        <p>PDF or scanned images, up to 20 MB. Files are posted to <a href="Upload.ashx">Upload.ashx</a>.</p>
    </form>
</body>
</html>
