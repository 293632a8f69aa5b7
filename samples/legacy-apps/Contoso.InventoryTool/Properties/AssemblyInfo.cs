using System.Reflection;
using System.Runtime.InteropServices;

// General Information about an assembly is controlled through the following
// set of attributes. Change these attribute values to modify the information
// associated with an assembly.
[assembly: AssemblyTitle("Contoso.InventoryTool")]
[assembly: AssemblyDescription("Warehouse stock viewer and export tool")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("Contoso Ltd.")]
[assembly: AssemblyProduct("Contoso.InventoryTool")]
[assembly: AssemblyCopyright("Copyright © Contoso Ltd. 2009")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]

// Setting ComVisible to false makes the types in this assembly not visible
// to COM components.  If you need to access a type in this assembly from
// COM, set the ComVisible attribute to true on that type.
[assembly: ComVisible(false)]

// The following GUID is for the ID of the typelib if this project is exposed to COM
[assembly: Guid("5c232f9c-09c7-4a16-b0dd-af7d7ea95eac")]

// Version information for an assembly consists of the following four values:
//
//      Major Version
//      Minor Version
//      Build Number
//      Revision
//
// You can specify all the values or you can default the Revision and Build Numbers
// by using the '*' as shown below:
[assembly: AssemblyVersion("1.2.0.0")]
[assembly: AssemblyFileVersion("1.2.0.0")]
