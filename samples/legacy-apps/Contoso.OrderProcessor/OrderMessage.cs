using System;
using System.Runtime.Serialization;

namespace Contoso.OrderProcessor
{
    /// <summary>
    /// An order as placed on the queue by the order desk. Serialized with the
    /// XmlMessageFormatter (legacy senders) or the DataContractSerializer (WCF).
    /// </summary>
    [Serializable]
    [DataContract(Namespace = "http://schemas.contoso.com/orders/2012/03")]
    public class OrderMessage
    {
        [DataMember(Order = 0)]
        public Guid OrderId { get; set; }

        [DataMember(Order = 1)]
        public string CustomerNumber { get; set; }

        [DataMember(Order = 2)]
        public string Sku { get; set; }

        [DataMember(Order = 3)]
        public int Quantity { get; set; }

        [DataMember(Order = 4)]
        public decimal UnitPrice { get; set; }

        [DataMember(Order = 5)]
        public DateTime SubmittedUtc { get; set; }

        public override string ToString()
        {
            return string.Format("Order {0} ({1} x {2} for {3})", OrderId, Quantity, Sku, CustomerNumber);
        }
    }
}
