# rescuebay: is Apple Mobile Device Support present? rescuebay reaches iPhones and iPads on
# Windows only through Apple's own components, which rescuebay does not ship:
#   - normal and restore mode: Apple Mobile Device Service, listening on 127.0.0.1:27015
#   - recovery and DFU mode:   Apple's USB driver (libirecovery opens its device interfaces)
# Run by the installer at the end (-FromInstaller) and from the Start menu. Exit code 0 when
# both are there, 1 otherwise. It never downloads or installs anything by itself.
param([switch]$FromInstaller)

function Test-MuxPort {
    $c = New-Object System.Net.Sockets.TcpClient
    try {
        $t = $c.BeginConnect('127.0.0.1', 27015, $null, $null)
        if (-not $t.AsyncWaitHandle.WaitOne(1500)) { return $false }
        $c.EndConnect($t); return $true
    } catch { return $false } finally { $c.Close() }
}

function Test-AppleUsbDriver {
    # The driver package is usbaapl64.inf ("Apple Mobile Device USB Driver").
    $drivers = Get-CimInstance Win32_PnPSignedDriver -ErrorAction SilentlyContinue |
        Where-Object { $_.InfName -match 'usbaapl' -or $_.DeviceName -match 'Apple Mobile Device USB' }
    if ($drivers) { return $true }
    $out = & pnputil.exe /enum-drivers 2>$null
    return [bool]($out -match 'usbaapl')
}

$service = Get-Service -Name 'Apple Mobile Device Service' -ErrorAction SilentlyContinue
$port = Test-MuxPort
$driver = Test-AppleUsbDriver

$lines = @()
$lines += 'rescuebay needs Apple Mobile Device Support to see iPhones and iPads.'
$lines += ''
$lines += ('Apple Mobile Device Service (port 27015): ' + $(if ($port) { 'running' } elseif ($service) { 'installed but not running' } else { 'missing' }))
$lines += ('Apple USB driver (recovery and DFU mode):  ' + $(if ($driver) { 'installed' } else { 'missing' }))

if ($port -and $driver) {
    if (-not $FromInstaller) { Write-Output ($lines -join "`n") }
    exit 0
}

$lines += ''
$lines += 'What to do:'
if ($service -and -not $port) {
    $lines += ' - Start the service: Services > "Apple Mobile Device Service" > Start (startup type Automatic), or restart the computer.'
} else {
    $lines += ' - Install Apple Devices (Microsoft Store) or iTunes for Windows from apple.com/itunes.'
    $lines += '   Either one installs Apple Mobile Device Support and its service.'
    $lines += '   With the Apple Devices app the service may only run while the app is open; iTunes from apple.com keeps it running.'
}
if (-not $driver) {
    $lines += ' - Plug in an iPhone once while iTunes/Apple Devices is installed; Windows then installs the Apple USB driver.'
    $lines += '   If a device in recovery mode shows up with a warning in Device Manager: Update driver > Search automatically,'
    $lines += '   or install "Apple Mobile Device USB Driver" from Windows Update (Optional updates).'
}
$lines += ' - Do not replace the Apple driver with Zadig/WinUSB: rescuebay then cannot see devices in recovery or DFU mode.'
$lines += ''
$lines += 'Run "Check Apple device support" from the Start menu again afterwards.'
$text = $lines -join "`n"
if ($FromInstaller) {
    Add-Type -AssemblyName System.Windows.Forms
    [void][System.Windows.Forms.MessageBox]::Show($text, 'rescuebay: Apple Mobile Device Support',
        'OK', 'Warning')
} else {
    Write-Output $text
    if ($Host.Name -eq 'ConsoleHost') { Read-Host 'Press Enter to close' | Out-Null }
}
exit 1
