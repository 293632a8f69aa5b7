// Test host for the Mono runtime proof (tests/context/mono_runtime_proof_test):
// renders one page of an ASP.NET site in-process with Mono's System.Web,
// as FACTS.md describes (Debian 12's xsp4 does not start).
using System;
using System.IO;
using System.Web;
using System.Web.Hosting;

public class SiteHost : MarshalByRefObject {
  public void Render(string page, TextWriter writer) {
    HttpRuntime.ProcessRequest(new SimpleWorkerRequest(page, "", writer));
  }

  public static int Main(string[] args) {
    var host = (SiteHost)ApplicationHost.CreateApplicationHost(typeof(SiteHost), "/", args[0]);
    var output = new StringWriter();
    host.Render(args[1], output);
    Console.Write(output.ToString());
    return 0;
  }
}
