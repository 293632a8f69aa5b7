namespace Contoso.InventoryTool
{
    public class InventoryItem
    {
        public string Sku { get; set; }
        public string Description { get; set; }
        public string Warehouse { get; set; }
        public int OnHand { get; set; }
        public int OnOrder { get; set; }
        public decimal UnitCost { get; set; }

        public decimal StockValue
        {
            get { return OnHand * UnitCost; }
        }
    }
}
