using System;
using System.Configuration;
using System.Diagnostics;
using System.Messaging;
using System.ServiceModel;
using System.ServiceProcess;
using System.Threading;

namespace Contoso.OrderProcessor
{
    public partial class OrderProcessorService : ServiceBase
    {
        private static readonly TraceSource Trace = new TraceSource("OrderProcessor");

        private readonly ManualResetEvent stopping = new ManualResetEvent(false);
        private ProcessorSettings settings;
        private Thread worker;
        private ServiceHost intakeHost;

        public OrderProcessorService()
        {
            InitializeComponent();
        }

        internal void StartInteractive(string[] args)
        {
            OnStart(args);
        }

        internal void StopInteractive()
        {
            OnStop();
        }

        protected override void OnStart(string[] args)
        {
            settings = ProcessorSettings.Load();
            string connectionString = ConfigurationManager.ConnectionStrings["OrdersDb"].ConnectionString;
            OrderHandler.Default = new OrderHandler(
                new OrderRepository(connectionString), settings.ShippingQueuePath, Trace);

            if (!MessageQueue.Exists(settings.OrdersQueuePath))
            {
                EventLog.WriteEntry("Queue " + settings.OrdersQueuePath + " does not exist; creating it.",
                    EventLogEntryType.Warning);
                MessageQueue.Create(settings.OrdersQueuePath, true);
            }

            stopping.Reset();
            bool useWcf;
            bool.TryParse(ConfigurationManager.AppSettings["UseWcfIntake"], out useWcf);
            if (useWcf)
            {
                intakeHost = new ServiceHost(typeof(OrderIntakeService));
                intakeHost.Open();
            }
            else
            {
                worker = new Thread(ReceiveLoop) { Name = "OrderReceiver", IsBackground = true };
                worker.Start();
            }

            EventLog.WriteEntry(string.Format("Listening on {0} ({1}).",
                settings.OrdersQueuePath, useWcf ? "WCF netMsmqBinding" : "System.Messaging"));
        }

        protected override void OnStop()
        {
            stopping.Set();

            if (intakeHost != null)
            {
                intakeHost.Close();
                intakeHost = null;
            }

            if (worker != null && !worker.Join(TimeSpan.FromSeconds(30)))
            {
                EventLog.WriteEntry("Receive loop did not stop within 30 seconds.", EventLogEntryType.Warning);
            }
            worker = null;
        }

        private void ReceiveLoop()
        {
            using (var queue = new MessageQueue(settings.OrdersQueuePath, QueueAccessMode.Receive))
            {
                queue.Formatter = new XmlMessageFormatter(new[] { typeof(OrderMessage) });

                while (!stopping.WaitOne(0))
                {
                    using (var transaction = new MessageQueueTransaction())
                    {
                        try
                        {
                            transaction.Begin();
                            Message message = queue.Receive(settings.ReceiveTimeout, transaction);
                            OrderHandler.Default.Handle((OrderMessage)message.Body);
                            transaction.Commit();
                        }
                        catch (MessageQueueException ex)
                        {
                            transaction.Abort();
                            if (ex.MessageQueueErrorCode != MessageQueueErrorCode.IOTimeout)
                            {
                                EventLog.WriteEntry("Queue error: " + ex.Message, EventLogEntryType.Error);
                                stopping.WaitOne(TimeSpan.FromSeconds(10));
                            }
                        }
                        catch (Exception ex)
                        {
                            // Leave the message on the queue; it will be retried.
                            transaction.Abort();
                            EventLog.WriteEntry("Failed to process order: " + ex, EventLogEntryType.Error);
                            stopping.WaitOne(TimeSpan.FromSeconds(10));
                        }
                    }
                }
            }
        }
    }
}
