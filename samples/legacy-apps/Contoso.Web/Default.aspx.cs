using System;
using System.Web.UI;
using Contoso.Web.Infrastructure;

namespace Contoso.Web
{
    public partial class _Default : Page
    {
        private const string FilterKey = "LastCustomerFilter";

        protected void Page_Load(object sender, EventArgs e)
        {
            WelcomeLabel.Text = "Signed in as " + Server.HtmlEncode(User.Identity.Name);

            if (!IsPostBack)
            {
                // Remember the last search for the lifetime of the session so that
                // coming back from the upload page shows the same list.
                string lastFilter = Session[FilterKey] as string;
                if (!string.IsNullOrEmpty(lastFilter))
                {
                    CustomerFilter.Text = lastFilter;
                }
                BindOrders(lastFilter);
            }
        }

        protected void SearchButton_Click(object sender, EventArgs e)
        {
            string filter = CustomerFilter.Text.Trim();
            Session[FilterKey] = filter;
            BindOrders(filter);
        }

        private void BindOrders(string customerNumber)
        {
            OrdersGrid.DataSource = string.IsNullOrEmpty(customerNumber)
                ? OrderQueries.RecentOrders(50)
                : OrderQueries.OrdersForCustomer(customerNumber);
            OrdersGrid.DataBind();
        }
    }
}
