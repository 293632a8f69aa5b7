using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Contoso.InventoryTool
{
    /// <summary>
    /// Reads the nightly stock extract and writes exports in the same layout.
    /// Columns: Sku,Description,Warehouse,OnHand,OnOrder,UnitCost
    /// </summary>
    internal static class InventoryCsv
    {
        private static readonly CultureInfo FileCulture = CultureInfo.InvariantCulture;

        public static List<InventoryItem> Read(string path)
        {
            return File.ReadAllLines(path)
                .Skip(1)
                .Where(line => line.Trim().Length > 0)
                .Select(line => Parse(line))
                .ToList();
        }

        public static void Write(string path, IEnumerable<InventoryItem> items)
        {
            var builder = new StringBuilder();
            builder.AppendLine("Sku,Description,Warehouse,OnHand,OnOrder,UnitCost");
            foreach (InventoryItem item in items)
            {
                builder.AppendLine(string.Join(",", new[]
                {
                    item.Sku,
                    Quote(item.Description),
                    item.Warehouse,
                    item.OnHand.ToString(FileCulture),
                    item.OnOrder.ToString(FileCulture),
                    item.UnitCost.ToString("0.00", FileCulture)
                }));
            }
            File.WriteAllText(path, builder.ToString(), Encoding.UTF8);
        }

        private static InventoryItem Parse(string line)
        {
            string[] fields = SplitLine(line);
            if (fields.Length < 6)
            {
                throw new FormatException("Expected 6 columns: " + line);
            }

            return new InventoryItem
            {
                Sku = fields[0],
                Description = fields[1],
                Warehouse = fields[2],
                OnHand = int.Parse(fields[3], FileCulture),
                OnOrder = int.Parse(fields[4], FileCulture),
                UnitCost = decimal.Parse(fields[5], FileCulture)
            };
        }

        private static string[] SplitLine(string line)
        {
            var fields = new List<string>();
            var current = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '"')
                {
                    if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        current.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = !quoted;
                    }
                }
                else if (c == ',' && !quoted)
                {
                    fields.Add(current.ToString());
                    current.Length = 0;
                }
                else
                {
                    current.Append(c);
                }
            }
            fields.Add(current.ToString());
            return fields.ToArray();
        }

        private static string Quote(string value)
        {
            if (value == null)
            {
                return string.Empty;
            }
            return value.IndexOfAny(new[] { ',', '"' }) >= 0
                ? "\"" + value.Replace("\"", "\"\"") + "\""
                : value;
        }
    }
}
