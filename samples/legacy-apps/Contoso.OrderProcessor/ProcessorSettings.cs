using System;
using Microsoft.Win32;

namespace Contoso.OrderProcessor
{
    /// <summary>
    /// Machine-level settings written by the installer / ops under
    /// HKLM\SOFTWARE\Contoso\OrderProcessor.
    /// </summary>
    public class ProcessorSettings
    {
        public const string RegistryPath = @"SOFTWARE\Contoso\OrderProcessor";

        public string OrdersQueuePath { get; private set; }
        public string ShippingQueuePath { get; private set; }
        public TimeSpan ReceiveTimeout { get; private set; }

        public static ProcessorSettings Load()
        {
            var settings = new ProcessorSettings
            {
                OrdersQueuePath = @".\private$\orders",
                ShippingQueuePath = @".\private$\shipping",
                ReceiveTimeout = TimeSpan.FromSeconds(5)
            };

            using (RegistryKey key = Registry.LocalMachine.OpenSubKey(RegistryPath))
            {
                if (key == null)
                {
                    return settings;
                }

                settings.OrdersQueuePath = (string)key.GetValue("OrdersQueue", settings.OrdersQueuePath);
                settings.ShippingQueuePath = (string)key.GetValue("ShippingQueue", settings.ShippingQueuePath);
                int seconds = (int)key.GetValue("ReceiveTimeoutSeconds", 5);
                settings.ReceiveTimeout = TimeSpan.FromSeconds(Math.Max(1, seconds));
            }

            return settings;
        }
    }
}
