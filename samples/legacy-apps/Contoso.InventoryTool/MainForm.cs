using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Configuration;
using System.Drawing;
using System.Drawing.Imaging;
using System.IO;
using System.Linq;
using System.Windows.Forms;

namespace Contoso.InventoryTool
{
    public partial class MainForm : Form
    {
        private readonly string stockFile = ConfigurationManager.AppSettings["StockFile"];
        private readonly string exportFolder = ConfigurationManager.AppSettings["ExportFolder"];
        private readonly int lowStockThreshold;
        private BindingList<InventoryItem> items = new BindingList<InventoryItem>();

        public MainForm()
        {
            InitializeComponent();

            if (!int.TryParse(ConfigurationManager.AppSettings["LowStockThreshold"], out lowStockThreshold))
            {
                lowStockThreshold = 10;
            }

            inventoryGrid.AutoGenerateColumns = true;
            inventoryGrid.DataSource = items;
            inventoryGrid.ColumnHeadersDefaultCellStyle.Font = new Font(Font, FontStyle.Bold);
            inventoryGrid.CellFormatting += InventoryGrid_CellFormatting;
        }

        protected override void OnLoad(EventArgs e)
        {
            base.OnLoad(e);
            ReloadStock();
        }

        private void ReloadStock()
        {
            try
            {
                Cursor = Cursors.WaitCursor;
                List<InventoryItem> loaded = InventoryCsv.Read(stockFile);
                items = new BindingList<InventoryItem>(loaded);
                inventoryGrid.DataSource = items;
                statusLabel.Text = string.Format("{0} items loaded from {1} - stock value {2:C}",
                    loaded.Count, stockFile, loaded.Sum(i => i.StockValue));
            }
            catch (IOException ex)
            {
                MessageBox.Show(this, "Could not read " + stockFile + Environment.NewLine + ex.Message,
                    Text, MessageBoxButtons.OK, MessageBoxIcon.Warning);
            }
            finally
            {
                Cursor = Cursors.Default;
            }
        }

        private void InventoryGrid_CellFormatting(object sender, DataGridViewCellFormattingEventArgs e)
        {
            var item = inventoryGrid.Rows[e.RowIndex].DataBoundItem as InventoryItem;
            if (item != null && item.OnHand + item.OnOrder < lowStockThreshold)
            {
                e.CellStyle.BackColor = Color.MistyRose;
                e.CellStyle.ForeColor = Color.DarkRed;
            }
        }

        private void reloadButton_Click(object sender, EventArgs e)
        {
            ReloadStock();
        }

        private void exportButton_Click(object sender, EventArgs e)
        {
            string stamp = DateTime.Now.ToString("yyyyMMdd-HHmm");
            string csvPath = Path.Combine(exportFolder, "inventory-" + stamp + ".csv");
            string imagePath = Path.Combine(exportFolder, "inventory-" + stamp + ".png");

            try
            {
                InventoryCsv.Write(csvPath, items.Where(i => i.OnHand > 0 || i.OnOrder > 0));

                // Snapshot of the grid for the Monday stock meeting slides.
                using (var bitmap = new Bitmap(inventoryGrid.Width, inventoryGrid.Height))
                {
                    inventoryGrid.DrawToBitmap(bitmap, new Rectangle(Point.Empty, bitmap.Size));
                    bitmap.Save(imagePath, ImageFormat.Png);
                }

                statusLabel.Text = "Exported to " + csvPath;
            }
            catch (Exception ex)
            {
                MessageBox.Show(this, "Export to " + exportFolder + " failed." + Environment.NewLine + ex.Message,
                    Text, MessageBoxButtons.OK, MessageBoxIcon.Error);
            }
        }
    }
}
