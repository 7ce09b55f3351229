# rescuebay kiosk shell mode: a Windows user whose shell is the rescuebay kiosk instead of
# Explorer (a counter PC that shows only rescuebay after sign-in). Per user, reversible.
#   kiosk-shell.ps1 -Enable [-User NAME]   (default: the user "rescuebay"; asks for admin rights)
#   kiosk-shell.ps1 -Disable [-User NAME]
#   kiosk-shell.ps1                        (asks)
# Sets HKEY_USERS\<SID>\Software\Microsoft\Windows NT\CurrentVersion\Winlogon\Shell; the
# user must have signed in once (so that the profile exists). Sign-in automation and
# Assigned Access are the IT department's choice and not done here.
param([switch]$Enable, [switch]$Disable, [string]$User = 'rescuebay', [switch]$Quiet)

$admin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
         ).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
if (-not $Enable -and -not $Disable) {
    $answer = Read-Host "Kiosk shell mode for user '$User': type on or off"
    if ($answer -eq 'on') { $Enable = $true } elseif ($answer -eq 'off') { $Disable = $true } else { exit 2 }
}
if (-not $admin) {
    $mode = if ($Enable) { '-Enable' } else { '-Disable' }
    Start-Process powershell.exe -Verb RunAs -Wait -ArgumentList @(
        '-NoProfile', '-ExecutionPolicy', 'Bypass', '-File', "`"$PSCommandPath`"", $mode, '-User', $User)
    exit $LASTEXITCODE
}

try {
    $sid = (New-Object Security.Principal.NTAccount($User)).Translate([Security.Principal.SecurityIdentifier]).Value
} catch {
    if (-not $Quiet) { Write-Output "No Windows user '$User'. Create it first (Settings > Accounts)." }
    exit $(if ($Quiet) { 0 } else { 1 })
}
$profilePath = (Get-ItemProperty "HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\$sid" -ErrorAction SilentlyContinue).ProfileImagePath
$loaded = Test-Path "Registry::HKEY_USERS\$sid"
if (-not $loaded) {
    if (-not $profilePath) {
        if (-not $Quiet) { Write-Output "User '$User' has never signed in: sign in once, then run this again." }
        exit $(if ($Quiet) { 0 } else { 1 })
    }
    & reg.exe load "HKU\$sid" "$profilePath\NTUSER.DAT" | Out-Null
}
$key = "Registry::HKEY_USERS\$sid\Software\Microsoft\Windows NT\CurrentVersion\Winlogon"
try {
    if ($Enable) {
        $kiosk = Join-Path $PSScriptRoot 'rescuebay-kiosk.exe'
        New-Item -Path $key -Force | Out-Null
        Set-ItemProperty -Path $key -Name Shell -Value "`"$kiosk`" --fullscreen"
        if (-not $Quiet) { Write-Output "Kiosk shell mode is on for '$User' from the next sign-in." }
    } else {
        Remove-ItemProperty -Path $key -Name Shell -ErrorAction SilentlyContinue
        if (-not $Quiet) { Write-Output "Kiosk shell mode is off for '$User' (Explorer from the next sign-in)." }
    }
} finally {
    if (-not $loaded) { [gc]::Collect(); & reg.exe unload "HKU\$sid" | Out-Null }
}
exit 0
