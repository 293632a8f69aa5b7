Imports System.Drawing
Imports System.Windows.Forms
Imports System.DirectoryServices

' The main window of the desk application.
' Uses Registry.CurrentUser for settings (comment only).
Public Class MainForm
    Inherits Form

    Private Const LdapRoot As String = "LDAP://OU=Staff,DC=corp,DC=contoso,DC=com"
    Private Const ExportDir As String = "G:\Exports\Desk"

    Private Sub MainForm_Load(sender As Object, e As EventArgs) Handles MyBase.Load
        REM Read the last user from the registry
        Dim lastUser = GetSetting("ContosoDesk", "Startup", "LastUser", "")
        Dim entry As New DirectoryEntry(LdapRoot)
        Dim logo As New bitmap("logo.png") ' File.WriteAllText in a comment
        Dim s = "it's a ""quoted"" REM not a comment"
        my.computer.filesystem.WriteAllText(ExportDir & "\last.txt", lastUser, False)
    End Sub
End Class
