#!/usr/bin/env pwsh
# azd postprovision hook (PowerShell; postprovision.sh is the same for POSIX sh).
#
# With EMAIL_PROVIDER=AzureCommunicationServices, gallery emails go over ACS SMTP, which
# authenticates an Entra application: user name "<acs name>.<app id>.<tenant id>", password = a client
# secret of that application. This hook, once per environment:
#   1. creates the application "headshots-smtp-<env>" and its service principal (or reuses them),
#   2. assigns it the custom "ACS SMTP sender" role on the Communication Services resource,
#   3. puts a new client secret straight into Key Vault (secret SMTP_PASSWORD_SECRET_NAME): it is never
#      printed, never stored in the azd environment and never a Bicep parameter,
#   4. stores the SMTP user name in the azd environment (SMTP_USERNAME, used by later provisions) and
#      sets it on the Function App now (Smtp__UserName).
# Set ACS_SMTP_SETUP=false to skip it (for example when you lack rights to create app registrations).
# Needs the Azure CLI (az), signed in to the same tenant as azd.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Get-RequiredEnv([string] $Name) {
    $value = [Environment]::GetEnvironmentVariable($Name)
    if ([string]::IsNullOrEmpty($value)) { throw "postprovision: $Name is not set (run azd provision)." }
    return $value
}

function Invoke-Az {
    $output = & az @args
    if ($LASTEXITCODE -ne 0) { throw "postprovision: az $($args[0]) $($args[1]) failed with exit code $LASTEXITCODE." }
    return $output
}

$emailProvider = if ($env:EMAIL_PROVIDER) { $env:EMAIL_PROVIDER } else { 'AzureCommunicationServices' }
if ($emailProvider -ne 'AzureCommunicationServices') {
    Write-Host "postprovision: email provider is '$emailProvider', no ACS SMTP credential to set up."
    exit 0
}
if ($env:ACS_SMTP_SETUP -and $env:ACS_SMTP_SETUP -ne 'true') {
    Write-Host "postprovision: ACS_SMTP_SETUP is not 'true', skipping the ACS SMTP credential."
    exit 0
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postprovision: the Azure CLI (az) is required to set up the ACS SMTP credential.'
}

$envName = Get-RequiredEnv 'AZURE_ENV_NAME'
$resourceGroup = Get-RequiredEnv 'AZURE_RESOURCE_GROUP'
$tenantId = Get-RequiredEnv 'AZURE_TENANT_ID'
$vaultName = Get-RequiredEnv 'AZURE_KEY_VAULT_NAME'
$functionAppName = Get-RequiredEnv 'AZURE_FUNCTION_APP_NAME'
$acsName = Get-RequiredEnv 'AZURE_COMMUNICATION_SERVICE_NAME'
$acsId = Get-RequiredEnv 'AZURE_COMMUNICATION_SERVICE_ID'
$roleId = Get-RequiredEnv 'ACS_SMTP_SENDER_ROLE_ID'

$secretName = if ($env:SMTP_PASSWORD_SECRET_NAME) { $env:SMTP_PASSWORD_SECRET_NAME } else { 'smtp-password' }
$appDisplayName = "headshots-smtp-$envName"

if ($env:SMTP_USERNAME) {
    & az keyvault secret show --vault-name $vaultName --name $secretName --query id -o tsv *> $null
    if ($LASTEXITCODE -eq 0) {
        Write-Host "postprovision: ACS SMTP credential already in place for $($env:SMTP_USERNAME)."
        exit 0
    }
}

$appId = Invoke-Az ad app list --display-name $appDisplayName --query '[0].appId' -o tsv
if (-not $appId) {
    Write-Host "postprovision: creating the Entra application $appDisplayName."
    $appId = Invoke-Az ad app create --display-name $appDisplayName --sign-in-audience AzureADMyOrg --query appId -o tsv
}
$spId = & az ad sp show --id $appId --query id -o tsv 2> $null
if ($LASTEXITCODE -ne 0 -or -not $spId) {
    $spId = Invoke-Az ad sp create --id $appId --query id -o tsv
}

# A new service principal can take a while to replicate: retry the role assignment.
$assigned = $false
for ($attempt = 0; $attempt -lt 10 -and -not $assigned; $attempt++) {
    & az role assignment create --assignee-object-id $spId --assignee-principal-type ServicePrincipal `
        --role $roleId --scope $acsId -o none
    if ($LASTEXITCODE -eq 0) { $assigned = $true } else { Start-Sleep -Seconds 15 }
}
if (-not $assigned) { throw "postprovision: could not assign the ACS SMTP sender role to $appDisplayName." }

# The secret goes from az straight into Key Vault through a temporary file only this user can read.
$secretFile = [System.IO.Path]::GetTempFileName()
try {
    $password = Invoke-Az ad app credential reset --id $appId --append --display-name 'acs-smtp' --years 1 --query password -o tsv
    [System.IO.File]::WriteAllText($secretFile, ($password -join '').Trim())
    Remove-Variable password
    Invoke-Az keyvault secret set --vault-name $vaultName --name $secretName --file $secretFile `
        --content-type "ACS SMTP client secret of $appDisplayName" -o none | Out-Null
}
finally {
    Remove-Item -LiteralPath $secretFile -Force -ErrorAction SilentlyContinue
}

$smtpUserName = "$acsName.$appId.$tenantId"
& azd env set SMTP_USERNAME $smtpUserName
if ($LASTEXITCODE -ne 0) { throw 'postprovision: azd env set SMTP_USERNAME failed.' }
Invoke-Az functionapp config appsettings set --resource-group $resourceGroup --name $functionAppName `
    --settings "Smtp__UserName=$smtpUserName" -o none | Out-Null
Write-Host "postprovision: ACS SMTP credential set up for $smtpUserName."
