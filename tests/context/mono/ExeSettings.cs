// Test probe for the Mono runtime proof: reads a program's configuration
// (PROGRAM.exe.config beside it) through ConfigurationManager, as the program
// itself would, and prints its connection strings.
using System;
using System.Configuration;

public static class ExeSettings {
  public static int Main(string[] args) {
    Configuration config = ConfigurationManager.OpenExeConfiguration(args[0]);
    foreach (ConnectionStringSettings cs in config.ConnectionStrings.ConnectionStrings) {
      Console.WriteLine(cs.Name + "=" + cs.ConnectionString);
    }
    return 0;
  }
}
