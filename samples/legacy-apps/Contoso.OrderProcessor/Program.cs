using System;
using System.ServiceProcess;

namespace Contoso.OrderProcessor
{
    static class Program
    {
        /// <summary>
        /// The main entry point for the application.
        /// Pass /console to run interactively when debugging.
        /// </summary>
        static void Main(string[] args)
        {
            if (Environment.UserInteractive && args.Length > 0 &&
                string.Equals(args[0], "/console", StringComparison.OrdinalIgnoreCase))
            {
                var service = new OrderProcessorService();
                service.StartInteractive(args);
                Console.WriteLine("OrderProcessor running. Press Enter to stop.");
                Console.ReadLine();
                service.StopInteractive();
                return;
            }

            ServiceBase[] ServicesToRun;
            ServicesToRun = new ServiceBase[]
            {
                new OrderProcessorService()
            };
            ServiceBase.Run(ServicesToRun);
        }
    }
}
