#!/usr/bin/env bash
# Builds the bundled legacy servers from real parts:
#   OUT/appsrv01/  the system drive of APPSRV01, Windows Server 2012 R2: IIS
#                  (Contoso Web over https, Windows auth), the OrderProcessor
#                  MSMQ service, a nightly export task, a WinForms program,
#                  and two platform agents (VMware Tools, Defender's Sense);
#   OUT/dc01/      the system drive of DC01, a Windows Server 2016 domain
#                  controller that also runs DNS, DHCP, a file share and an
#                  IIS site.
# Registry hives are written with hivexsh starting from hivex's minimal hive,
# .NET binaries compiled with mcs, the agents' native services with mingw-w64
# (their version resources with windres), task XML stored as Windows stores it (UTF-16 LE
# with BOM). With --images, each drive also becomes OUT/NAME.{raw,vhd,vhdx,vmdk}
# through tests/fixtures/images/make_images.sh (mkntfs, ntfs-3g, qemu-img).
set -euo pipefail
out=${1:?usage: build-sample-server.sh OUTDIR [--images]}
images=${2:-}
repo=$(cd "$(dirname "$0")/.." && pwd)
src="$repo/samples/legacy-server"
minimal="$repo/../shared/fixtures/hives/hivex-minimal.hive"
for tool in hivexsh mcs iconv x86_64-w64-mingw32-gcc x86_64-w64-mingw32-windres; do
  command -v "$tool" >/dev/null || { echo "build-sample-server.sh: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
[[ -f $minimal ]] || { echo "build-sample-server.sh: $minimal is missing" >&2; exit 1; }

mkdir -p "$out"
bash "$repo/scripts/build-sample.sh" "$out/apps"
published="$out/apps/published"
mkdir -p "$out/bin"
mcs -nologo -sdk:4.5 -target:exe -r:System.Configuration -r:System.Data \
  -out:"$out/bin/Contoso.NightlyExport.exe" "$src/NightlyExport/Program.cs"
# The platform agents: one native service program, with each product's version resource.
for agent in vmtools sense; do
  x86_64-w64-mingw32-windres "$src/agents/$agent.rc" -O coff -o "$out/bin/$agent.res.o"
  x86_64-w64-mingw32-gcc -O2 -s -o "$out/bin/$agent.exe" "$src/agents/agent_service.c" \
    "$out/bin/$agent.res.o" -ladvapi32
  rm "$out/bin/$agent.res.o"
done

# A REG_MULTI_SZ value for hivexsh: hex:7:<UTF-16LE strings, each NUL-ended, then NUL>.
multisz() {
  local hex
  hex=$({ for v in "$@"; do printf '%s' "$v" | iconv -f UTF-8 -t UTF-16LE; printf '\0\0'; done
          printf '\0\0'; } | od -An -v -tx1 | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
  echo "hex:7:$hex"
}

# Writes a hive from hivexsh commands on stdin.
hive() {
  local target=$1 script
  script=$(mktemp)
  cat > "$script"
  echo "commit $target" >> "$script"
  rm -f "$target"
  hivexsh -w -f "$script" "$minimal"
  rm -f "$script"
}

# hivexsh commands for one service under ControlSet001\Services.
service() {  # name type start image account [depends...]
  local name=$1 type=$2 start=$3 image=$4 account=$5
  shift 5
  cat <<HIVE
cd \\ControlSet001\\Services
add $name
cd $name
setval $(( $# > 0 ? 6 : 5 ))
Type
dword:$type
Start
dword:$start
ImagePath
expandstring:$image
ObjectName
string:$account
DisplayName
string:$name
HIVE
  if (($#)); then
    echo DependOnService
    multisz "$@"
  fi
}

system_hive() {  # computer domain producttype services...
  cat <<HIVE
add Select
cd Select
setval 3
Current
dword:1
Default
dword:1
LastKnownGood
dword:1
cd \\
add ControlSet001
cd ControlSet001
add Control
cd Control
add ComputerName
cd ComputerName
add ComputerName
cd ComputerName
setval 1
ComputerName
string:$1
cd \\ControlSet001\\Control
add ProductOptions
cd ProductOptions
setval 1
ProductType
string:$3
cd \\ControlSet001
add Services
cd Services
add Tcpip
cd Tcpip
add Parameters
cd Parameters
setval 2
Domain
string:$2
Hostname
string:$1
HIVE
  service EventLog 0x10 2 '%SystemRoot%\system32\svchost.exe -k LocalServiceNetworkRestricted' 'NT AUTHORITY\LocalService'
  service Spooler 0x110 2 '%SystemRoot%\System32\spoolsv.exe' LocalSystem RPCSS http
  service LanmanServer 0x20 2 '%SystemRoot%\system32\svchost.exe -k netsvcs' LocalSystem SamSS Srv
}

time_zone() {  # zone-id bias-minutes(dword) standard-name: Control\TimeZoneInformation as Windows writes it
  cat <<HIVE
cd \\ControlSet001\\Control
add TimeZoneInformation
cd TimeZoneInformation
setval 4
Bias
dword:$2
StandardName
string:$3
TimeZoneKeyName
string:$1
DynamicDaylightTimeDisabled
dword:0
HIVE
}

software_hive() {  # product build ubr edition features...
  local product=$1 version=$2 build=$3 ubr=$4 edition=$5
  shift 5
  # Windows 10 / Server 2016 and later keep CurrentVersion at 6.3 and report
  # their real version (10.0) in two DWORDs (setval replaces all the values of
  # a key, so they are counted in).
  local count=7 real_version=""
  if ((build >= 10240)); then
    count=9
    real_version=$'CurrentMajorVersionNumber\ndword:10\nCurrentMinorVersionNumber\ndword:0'
  fi
  cat <<HIVE
add Microsoft
cd Microsoft
add Windows NT
cd Windows NT
add CurrentVersion
cd CurrentVersion
setval $count
ProductName
string:$product
CurrentVersion
string:$version
CurrentBuildNumber
string:$build
CurrentBuild
string:$build
UBR
dword:$ubr
EditionID
string:$edition
InstallationType
string:Server
${real_version}
HIVE
  cat <<HIVE
cd \\Microsoft
add ServerManager
cd ServerManager
add ServicingStorage
cd ServicingStorage
add ServerComponentCache
HIVE
  for feature in "$@"; do
    cat <<HIVE
cd \\Microsoft\\ServerManager\\ServicingStorage\\ServerComponentCache
add $feature
cd $feature
setval 1
InstallState
dword:1
HIVE
  done
  cat <<'HIVE'
cd \Microsoft
add NET Framework Setup
cd NET Framework Setup
add NDP
cd NDP
add v2.0.50727
cd v2.0.50727
setval 1
Install
dword:1
cd \Microsoft\NET Framework Setup\NDP
add v3.5
cd v3.5
setval 2
Install
dword:1
Version
string:3.5.30729.4926
cd \Microsoft\NET Framework Setup\NDP
add v4
cd v4
add Full
cd Full
setval 2
Install
dword:1
Release
dword:379893
cd \Microsoft
add Windows
cd Windows
add CurrentVersion
cd CurrentVersion
add Uninstall
HIVE
}

# ---- APPSRV01: Windows Server 2012 R2 application server ----
drive="$out/appsrv01"
rm -rf "$drive"
mkdir -p "$drive/Windows/System32/config" "$drive/Windows/System32/inetsrv/config" \
  "$drive/Windows/System32/Tasks/Contoso" "$drive/Windows/System32/Tasks/Microsoft/Windows/Defrag" \
  "$drive/Windows/System32/msmq/storage/lqs" "$drive/inetpub/wwwroot" "$drive/Apps" \
  "$drive/Program Files (x86)/Contoso"
{
  system_hive APPSRV01 contoso.local ServerNT
  time_zone 'W. Europe Standard Time' 0xffffffc4 '@tzres.dll,-322'
  service W3SVC 0x20 2 '%SystemRoot%\system32\svchost.exe -k iissvcs' LocalSystem WAS HTTP
  service WAS 0x20 3 '%SystemRoot%\system32\svchost.exe -k iissvcs' LocalSystem RPCSS
  service MSMQ 0x10 2 '%SystemRoot%\system32\mqsvc.exe' LocalSystem RPCSS
  service MSDTC 0x10 3 '%SystemRoot%\System32\msdtc.exe' 'NT AUTHORITY\NetworkService' RPCSS SamSS
  service OrderProcessor 0x10 2 '"C:\Apps\OrderProcessor\Contoso.OrderProcessor.exe"' 'CONTOSO\svc_orders' MSMQ MSDTC
  # Platform agents, registered as their installers register them.
  service VMTools 0x10 2 '"C:\Program Files\VMware\VMware Tools\vmtoolsd.exe"' LocalSystem
  service Sense 0x10 3 '"C:\Program Files\Windows Defender Advanced Threat Protection\MsSense.exe"' LocalSystem
  # The certificate HTTP.sys serves for www.contoso.local:443 (SNI binding): its SHA-1 thumbprint.
  cat <<'HIVE'
cd \ControlSet001\Services
add HTTP
cd HTTP
add Parameters
cd Parameters
add SslSniBindingInfo
cd SslSniBindingInfo
add www.contoso.local:443
cd www.contoso.local:443
setval 2
SslCertHash
hex:3:3f,a1,9c,5e,22,07,b4,d1,68,0e,7c,41,9b,2a,55,c3,e8,10,6d,f2
SslCertStoreName
string:My
HIVE
  # HTTP.sys URL reservations Windows makes itself (netsh http show urlacl): the
  # value's name is the URL, its data the security descriptor of who may listen.
  cat <<'HIVE'
cd \ControlSet001\Services\HTTP\Parameters
add UrlAclInfo
cd UrlAclInfo
setval 2
http://+:80/Temporary_Listen_Addresses/
hex:3:01,00,04,80,00,00,00,00,00,00,00,00,00,00,00,00,14,00,00,00,02,00,08,00,00,00,00,00
http://+:5985/wsman/
hex:3:01,00,04,80,00,00,00,00,00,00,00,00,00,00,00,00,14,00,00,00,02,00,08,00,00,00,00,00
HIVE
} | hive "$drive/Windows/System32/config/SYSTEM"
{
  software_hive "Windows Server 2012 R2 Standard" 6.3 9600 19507 ServerStandard \
    Web-Server Web-Asp-Net45 Web-Windows-Auth MSMQ-Server NET-Framework-45-Core
  cat <<'HIVE'
cd \Microsoft\Windows\CurrentVersion\Uninstall
add {6F1E3C55-8A0B-4C8E-9D55-2B6E1B7F0A11}
cd {6F1E3C55-8A0B-4C8E-9D55-2B6E1B7F0A11}
setval 4
DisplayName
string:Contoso Order Processor
DisplayVersion
string:2.4.1
Publisher
string:Contoso Ltd.
InstallLocation
string:C:\Apps\OrderProcessor\
cd \Microsoft\Windows\CurrentVersion\Uninstall
add Microsoft Visual C++ 2013 x64 Minimum Runtime
cd Microsoft Visual C++ 2013 x64 Minimum Runtime
setval 3
DisplayName
string:Microsoft Visual C++ 2013 x64 Minimum Runtime - 12.0.21005
Publisher
string:Microsoft Corporation
SystemComponent
dword:1
cd \
add WOW6432Node
cd WOW6432Node
add Microsoft
cd Microsoft
add Windows
cd Windows
add CurrentVersion
cd CurrentVersion
add Uninstall
cd Uninstall
add ContosoInventoryTool
cd ContosoInventoryTool
setval 4
DisplayName
string:Contoso Inventory Tool
DisplayVersion
string:1.7
Publisher
string:Contoso Ltd.
InstallLocation
string:C:\Program Files (x86)\Contoso\InventoryTool
cd \Microsoft
add InetStp
cd InetStp
setval 2
MajorVersion
dword:8
MinorVersion
dword:5
cd \Microsoft
add MSMQ
cd MSMQ
add Parameters
cd Parameters
setval 1
StoreReliablePath
string:C:\Windows\system32\msmq\storage
add Setup
cd Setup
setval 1
AlwaysWithoutDS
dword:1
cd \Microsoft
add MSDTC
cd MSDTC
add Security
cd Security
setval 3
NetworkDtcAccess
dword:1
NetworkDtcAccessTransactions
dword:1
NetworkDtcAccessInbound
dword:1
HIVE
} | hive "$drive/Windows/System32/config/SOFTWARE"
cp "$src/config/applicationHost.config" "$drive/Windows/System32/inetsrv/config/"
printf '<!DOCTYPE html><html><head><title>IIS Windows Server</title></head><body>IIS</body></html>\r\n' \
  > "$drive/inetpub/wwwroot/iisstart.htm"
cp -r "$published/ContosoWeb" "$drive/inetpub/ContosoWeb"
cp -r "$published/OrderProcessor" "$drive/Apps/OrderProcessor"
cp -r "$published/InventoryTool" "$drive/Program Files (x86)/Contoso/InventoryTool"
mkdir -p "$drive/Program Files/VMware/VMware Tools" \
  "$drive/Program Files/Windows Defender Advanced Threat Protection"
cp "$out/bin/vmtools.exe" "$drive/Program Files/VMware/VMware Tools/vmtoolsd.exe"
cp "$out/bin/sense.exe" "$drive/Program Files/Windows Defender Advanced Threat Protection/MsSense.exe"
mkdir -p "$drive/Apps/NightlyExport"
cp "$out/bin/Contoso.NightlyExport.exe" "$drive/Apps/NightlyExport/"
cp "$src/NightlyExport/App.config" "$drive/Apps/NightlyExport/Contoso.NightlyExport.exe.config"
# Task Scheduler stores task definitions as UTF-16 LE with a byte-order mark, without an extension.
utf16() { { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$1"; } > "$2"; }
utf16 "$src/tasks/Nightly Export.xml" "$drive/Windows/System32/Tasks/Contoso/Nightly Export"
utf16 "$src/tasks/ScheduledDefrag.xml" "$drive/Windows/System32/Tasks/Microsoft/Windows/Defrag/ScheduledDefrag"
# MSMQ queue definition files (storage\lqs), one per queue.
printf '[Properties]\r\nQueueName=\\private$\\orders\r\nJournal=00\r\nTransaction=01\r\nAuthenticate=00\r\n' \
  > "$drive/Windows/System32/msmq/storage/lqs/00000001.ab12cd34"
printf '[Properties]\r\nQueueName=\\private$\\shipping\r\nJournal=00\r\nTransaction=01\r\nAuthenticate=00\r\n' \
  > "$drive/Windows/System32/msmq/storage/lqs/00000002.ab12cd35"

# ---- DC01: Windows Server 2016 domain controller with DNS, DHCP, a share and a site ----
drive="$out/dc01"
rm -rf "$drive"
mkdir -p "$drive/Windows/System32/config" "$drive/Windows/System32/inetsrv/config" "$drive/Windows/NTDS" \
  "$drive/inetpub/Intranet/bin" "$drive/Shares/Public" "$drive/Apps/DirectorySync"
{
  system_hive DC01 contoso.local LanmanNT
  service NTDS 0x10 2 '%SystemRoot%\System32\lsass.exe' LocalSystem
  service Netlogon 0x20 2 '%SystemRoot%\system32\lsass.exe' LocalSystem LanmanWorkstation
  service DNS 0x10 2 '%SystemRoot%\system32\dns.exe' LocalSystem
  service DHCPServer 0x20 2 '%SystemRoot%\system32\svchost.exe -k DHCPServer' 'NT AUTHORITY\NetworkService' RpcSs Tcpip
  service W3SVC 0x20 2 '%SystemRoot%\system32\svchost.exe -k iissvcs' LocalSystem WAS HTTP
  service DirectorySync 0x10 2 'C:\Apps\DirectorySync\Contoso.NightlyExport.exe' LocalSystem NTDS
  cat <<'HIVE'
cd \ControlSet001\Services\LanmanServer
add Shares
cd Shares
setval 3
NETLOGON
hex:7:4d,00,61,00,78,00,55,00,73,00,65,00,73,00,3d,00,34,00,32,00,39,00,34,00,00,00,00,00
SYSVOL
hex:7:4d,00,61,00,78,00,55,00,73,00,65,00,73,00,3d,00,34,00,32,00,39,00,34,00,00,00,00,00
Public
hex:7:50,00,61,00,74,00,68,00,3d,00,43,00,3a,00,5c,00,53,00,68,00,61,00,72,00,65,00,73,00,00,00,00,00
HIVE
} | hive "$drive/Windows/System32/config/SYSTEM"
{
  software_hive "Windows Server 2016 Datacenter" 6.3 14393 4651 ServerDatacenter \
    AD-Domain-Services DNS DHCP FS-FileServer Web-Server
} | hive "$drive/Windows/System32/config/SOFTWARE"
cat > "$drive/Windows/System32/inetsrv/config/applicationHost.config" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<configuration>
    <system.applicationHost>
        <applicationPools>
            <add name="Intranet" managedRuntimeVersion="v4.0" />
        </applicationPools>
        <sites>
            <site name="Intranet" id="1">
                <application path="/" applicationPool="Intranet">
                    <virtualDirectory path="/" physicalPath="C:\inetpub\Intranet" />
                </application>
                <bindings>
                    <binding protocol="http" bindingInformation="*:80:" />
                </bindings>
            </site>
        </sites>
    </system.applicationHost>
</configuration>
XML
cp "$published/ContosoWeb/bin/Contoso.Web.dll" "$drive/inetpub/Intranet/bin/"
printf '<%%@ Page Language="C#" %%>\r\n<html><body>Intranet</body></html>\r\n' > "$drive/inetpub/Intranet/Default.aspx"
cat > "$drive/inetpub/Intranet/web.config" <<'XML'
<?xml version="1.0"?>
<configuration>
  <system.web>
    <compilation targetFramework="4.5.2" />
    <httpRuntime targetFramework="4.5.2" />
    <sessionState mode="StateServer" stateConnectionString="tcpip=127.0.0.1:42424" />
    <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />
  </system.web>
</configuration>
XML
cp "$out/bin/Contoso.NightlyExport.exe" "$drive/Apps/DirectorySync/"
printf 'quarterly report\r\n' > "$drive/Shares/Public/readme.txt"
printf 'placeholder for the directory database\r\n' > "$drive/Windows/NTDS/ntds.dit"

if [[ $images == --images ]]; then
  for name in appsrv01 dc01; do
    bash "$repo/tests/fixtures/images/make_images.sh" "$out/$name" "$out/$name"
  done
fi
