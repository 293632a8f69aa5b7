using System.Data;
using System.Data.SqlClient;

namespace Contoso.OrderProcessor
{
    public class OrderRepository
    {
        private const string InsertSql =
            "INSERT INTO dbo.Orders (OrderId, CustomerNumber, Sku, Quantity, UnitPrice, SubmittedUtc, Status) " +
            "VALUES (@OrderId, @CustomerNumber, @Sku, @Quantity, @UnitPrice, @SubmittedUtc, 'Received')";

        private readonly string connectionString;

        public OrderRepository(string connectionString)
        {
            this.connectionString = connectionString;
        }

        /// <summary>Inserts the order; enlists in the ambient transaction if there is one.</summary>
        public void Insert(OrderMessage order)
        {
            using (var connection = new SqlConnection(connectionString))
            using (var command = new SqlCommand(InsertSql, connection))
            {
                command.Parameters.Add("@OrderId", SqlDbType.UniqueIdentifier).Value = order.OrderId;
                command.Parameters.Add("@CustomerNumber", SqlDbType.VarChar, 12).Value = order.CustomerNumber;
                command.Parameters.Add("@Sku", SqlDbType.VarChar, 32).Value = order.Sku;
                command.Parameters.Add("@Quantity", SqlDbType.Int).Value = order.Quantity;
                SqlParameter price = command.Parameters.Add("@UnitPrice", SqlDbType.Decimal);
                price.Precision = 19;
                price.Scale = 4;
                price.Value = order.UnitPrice;
                command.Parameters.Add("@SubmittedUtc", SqlDbType.DateTime).Value = order.SubmittedUtc;

                connection.Open();
                command.ExecuteNonQuery();
            }
        }
    }
}
