using System.ComponentModel;
using System.Configuration.Install;

namespace Contoso.OrderProcessor
{
    [RunInstaller(true)]
    public partial class ProjectInstaller : Installer
    {
        public ProjectInstaller()
        {
            InitializeComponent();
        }
    }
}
