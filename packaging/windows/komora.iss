; Inno Setup script: the Windows installer for Komora, made from PyInstaller's
; one-folder build. Needs Inno Setup 6.3 or later (x64compatible, {autopf}).
;
; On Windows, from the source tree (see the README's Packaging section):
;     .venv\Scripts\python -m PyInstaller --noconfirm --clean ^
;         --distpath dist --workpath build\pyinstaller packaging\komora.spec
;     iscc /DAppVersion=0.1.0 packaging\windows\komora.iss
; Output: dist\komora-VERSION-setup.exe
;
; Paths below are relative to this script's folder (Inno Setup's default SourceDir).

#ifndef AppVersion
  ; keep in step with app/__init__.py (tests/packaging checks it)
  #define AppVersion "0.1.0"
#endif
#define AppName "Komora"
#define AppPublisher "Komora"
#define AppExe "komora.exe"
#define CliExe "komora-cli.exe"
#define BuildDir "..\..\dist\komora"

[Setup]
; The AppId ties upgrades and the uninstaller to this product: never change it.
; (The doubled brace is how Inno Setup writes a literal one.)
AppId={{7E3B4C1A-5D2F-4A8E-9B6C-3F1D0E2A4B5C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppComments=Scan stock, keep the POS catalog right, print shelf labels
; setup.exe's own file version: numbers only (a version like 1.2.0rc1 needs a
; separate /DAppVersion for it)
VersionInfoVersion={#AppVersion}
; PyInstaller builds for the Python that runs it: a 64-bit Python gives a 64-bit app
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A back-room PC often has no administrator at hand: install for the current user
; by default, or for everyone when the person installing chooses so.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=komora.ico
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; A running Komora holds its files open: ask to close it before replacing them
CloseApplications=yes
RestartApplications=no
OutputDir=..\..\dist
OutputBaseFilename=komora-{#AppVersion}-setup

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole one-folder build: the two executables and _internal\ with Python, Qt
; and the resources (label templates, translations, demo catalog, icons)
Source: "{#BuildDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BuildDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BuildDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundled libraries: drop the old set first so no stale
; module from a previous version is left to be imported
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Nothing is deleted from the user's folders on uninstall: the settings, the local
; catalog (%LOCALAPPDATA%\Komora\komora) and the logs (...\komora\Logs) belong to
; the user and stay, so a reinstall picks up where it left off.
