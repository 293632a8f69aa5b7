using System;
using System.Collections.Generic;
using System.Configuration;
using System.Data;
using System.Data.SqlClient;

namespace Contoso.Web.Infrastructure
{
    public class OrderSummary
    {
        public string OrderNumber { get; set; }
        public string CustomerNumber { get; set; }
        public DateTime PlacedOn { get; set; }
        public string Status { get; set; }
        public decimal Total { get; set; }
    }

    internal static class OrderQueries
    {
        // Live orders are in the application database (SQL login);
        // history comes from the reporting warehouse under the caller's Windows identity.
        private static string ContosoDb
        {
            get { return ConfigurationManager.ConnectionStrings["ContosoDb"].ConnectionString; }
        }

        private static string ReportingDb
        {
            get { return ConfigurationManager.ConnectionStrings["ReportingDb"].ConnectionString; }
        }

        public static IList<OrderSummary> RecentOrders(int count)
        {
            const string sql =
                "SELECT TOP (@count) OrderNumber, CustomerNumber, PlacedOn, Status, Total " +
                "FROM dbo.Orders ORDER BY PlacedOn DESC";
            return Query(ContosoDb, sql, new SqlParameter("@count", SqlDbType.Int) { Value = count });
        }

        public static IList<OrderSummary> OrdersForCustomer(string customerNumber)
        {
            const string sql =
                "SELECT OrderNumber, CustomerNumber, PlacedOn, Status, Total " +
                "FROM rpt.OrderHistory WHERE CustomerNumber = @customer ORDER BY PlacedOn DESC";
            return Query(ReportingDb, sql,
                new SqlParameter("@customer", SqlDbType.VarChar, 12) { Value = customerNumber });
        }

        private static IList<OrderSummary> Query(string connectionString, string sql, SqlParameter parameter)
        {
            var results = new List<OrderSummary>();
            using (var connection = new SqlConnection(connectionString))
            using (var command = new SqlCommand(sql, connection))
            {
                command.Parameters.Add(parameter);
                connection.Open();
                using (SqlDataReader reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        results.Add(new OrderSummary
                        {
                            OrderNumber = reader.GetString(0),
                            CustomerNumber = reader.GetString(1),
                            PlacedOn = reader.GetDateTime(2),
                            Status = reader.GetString(3),
                            Total = reader.GetDecimal(4)
                        });
                    }
                }
            }
            return results;
        }
    }
}
