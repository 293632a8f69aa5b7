using System.ServiceModel;

namespace Contoso.OrderProcessor
{
    [ServiceContract(Namespace = "http://schemas.contoso.com/orders/2012/03")]
    public interface IOrderIntake
    {
        [OperationContract(IsOneWay = true)]
        void Submit(OrderMessage order);
    }
}
