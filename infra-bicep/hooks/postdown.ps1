#!/usr/bin/env pwsh
# azd postdown hook (PowerShell; postdown.sh is the same for POSIX sh).
# `azd down` deletes the resource group. Two things of the deployment live outside it and are removed
# here: the Entra application the postprovision hook created for ACS SMTP (it lives in the directory),
# and the "ACS SMTP sender" custom role definition (role definitions live in the subscription).
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Write-Warning "postdown: az not found; delete the Entra application headshots-smtp-$($env:AZURE_ENV_NAME) yourself."
    exit 0
}
if (-not $env:AZURE_ENV_NAME) { throw 'postdown: AZURE_ENV_NAME is not set.' }

$appIds = & az ad app list --display-name "headshots-smtp-$($env:AZURE_ENV_NAME)" --query '[].appId' -o tsv
if ($LASTEXITCODE -ne 0) { throw 'postdown: listing Entra applications failed.' }
foreach ($appId in @($appIds | Where-Object { $_ })) {
    Write-Host "postdown: deleting the Entra application $appId (headshots-smtp-$($env:AZURE_ENV_NAME))."
    & az ad app delete --id $appId
    if ($LASTEXITCODE -ne 0) { throw "postdown: deleting $appId failed." }
}

if ($env:ACS_SMTP_SENDER_ROLE_ID) {
    if (-not $env:AZURE_SUBSCRIPTION_ID) { throw 'postdown: AZURE_SUBSCRIPTION_ID is not set.' }
    $roleName = ($env:ACS_SMTP_SENDER_ROLE_ID -split '/')[-1]
    Write-Host "postdown: deleting the custom role $roleName."
    & az role definition delete --name $roleName --scope "/subscriptions/$($env:AZURE_SUBSCRIPTION_ID)"
    if ($LASTEXITCODE -ne 0) { Write-Warning "postdown: could not delete the custom role $($env:ACS_SMTP_SENDER_ROLE_ID); delete it yourself." }
}
