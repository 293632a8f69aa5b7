using System.ServiceModel;

namespace Contoso.OrderProcessor
{
    /// <summary>
    /// WCF front door for the same queue (netMsmqBinding, configured in App.config).
    /// The receive is part of the ambient transaction WCF creates for us.
    /// </summary>
    [ServiceBehavior(InstanceContextMode = InstanceContextMode.PerCall)]
    public class OrderIntakeService : IOrderIntake
    {
        [OperationBehavior(TransactionScopeRequired = true, TransactionAutoComplete = true)]
        public void Submit(OrderMessage order)
        {
            OrderHandler.Default.Handle(order);
        }
    }
}
