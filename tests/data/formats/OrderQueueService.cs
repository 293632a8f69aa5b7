using System;
using System.Diagnostics;
using System.IO;
using System.Messaging;
using System.ServiceProcess;
using System.Transactions;
using Microsoft.Win32;

namespace Contoso.OrderProcessor
{
    // Windows service that drains the order queue. Old note: we used to
    // call File.WriteAllText here and read D:\legacy\orders.
    /* Registry.LocalMachine was read in v1; see
       new FileStream( history */
    public partial class OrderQueueService : ServiceBase
    {
        private const string QueuePath = @".\private$\orders";
        private const string PublicQueue = "ORDERSRV01\\orders_public";
        private const string ArchiveDir = "E:\\OrderArchive\\";
        private const string Share = @"\\fs01\drops\orders";
        private const string Direct = "FormatName:DIRECT=OS:ordersrv01\\private$\\billing";
        private const string Db = "Data Source=D:\\Data\\orders.sdf;Password=CeSecret99";
        private const char Quote = '"';
        private const string Url = "http://example.com/a//b"; // File.Copy in a comment after code

        protected override void OnStart(string[] args)
        {
            if (!MessageQueue.Exists(QueuePath))
                MessageQueue.Create(QueuePath, true);
            MessageQueue.Create("ORDERSRV01\\orders_public");
            var queue = new MessageQueue(".\\private$\\orders") { Formatter = new XmlMessageFormatter() };
            queue.Authenticate = true;
            using (var scope = new TransactionScope())
            {
                File.AppendAllText(Path.Combine(ArchiveDir, "log.txt"), $"{DateTime.Now:O} started\n");
                scope.Complete();
            }
            EventLog.WriteEntry("OrderProcessor", "Started", EventLogEntryType.Information);
            var key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Contoso\Orders");
        }
    }
}
