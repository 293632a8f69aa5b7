// Contoso nightly export: a console job the Task Scheduler runs at 02:00. It
// reads yesterday's orders from SQL Server and writes a CSV to the exports
// share that the finance team picks up.
using System;
using System.Configuration;
using System.Data.SqlClient;
using System.Globalization;
using System.IO;
using System.Text;

namespace Contoso.NightlyExport
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var day = DateTime.Today.AddDays(-1);
            var folder = ConfigurationManager.AppSettings["ExportFolder"] ?? @"D:\Exports";
            var file = Path.Combine(folder, "orders-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".csv");
            var csv = new StringBuilder("OrderId,Customer,Total\r\n");
            using (var connection = new SqlConnection(ConfigurationManager.ConnectionStrings["OrdersDb"].ConnectionString))
            using (var command = new SqlCommand("SELECT OrderId, Customer, Total FROM dbo.Orders WHERE OrderDate = @day", connection))
            {
                command.Parameters.AddWithValue("@day", day);
                connection.Open();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        csv.AppendFormat(CultureInfo.InvariantCulture, "{0},{1},{2}\r\n", reader.GetInt32(0), reader.GetString(1), reader.GetDecimal(2));
                    }
                }
            }
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, csv.ToString());
            Console.WriteLine("Exported " + file);
            return 0;
        }
    }
}
