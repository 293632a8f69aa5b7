using System.Diagnostics;
using System.Messaging;
using System.Transactions;

namespace Contoso.OrderProcessor
{
    /// <summary>
    /// Stores an order and tells the warehouse about it. Both happen in one
    /// distributed transaction: the SQL insert and the send to the shipping
    /// queue are enlisted together, which promotes the transaction to MSDTC.
    /// </summary>
    public class OrderHandler
    {
        private static OrderHandler defaultHandler;

        private readonly OrderRepository repository;
        private readonly string shippingQueuePath;
        private readonly TraceSource trace;

        public OrderHandler(OrderRepository repository, string shippingQueuePath, TraceSource trace)
        {
            this.repository = repository;
            this.shippingQueuePath = shippingQueuePath;
            this.trace = trace;
        }

        public static OrderHandler Default
        {
            get { return defaultHandler; }
            set { defaultHandler = value; }
        }

        public void Handle(OrderMessage order)
        {
            var options = new TransactionOptions
            {
                IsolationLevel = IsolationLevel.ReadCommitted,
                Timeout = TransactionManager.DefaultTimeout
            };

            using (var scope = new TransactionScope(TransactionScopeOption.Required, options))
            {
                repository.Insert(order);

                using (var shipping = new MessageQueue(shippingQueuePath))
                {
                    shipping.Formatter = new XmlMessageFormatter(new[] { typeof(OrderMessage) });
                    shipping.Send(order, "ship:" + order.OrderId, MessageQueueTransactionType.Automatic);
                }

                scope.Complete();
            }

            trace.TraceEvent(TraceEventType.Information, 1000, "Accepted {0}", order);
        }
    }
}
