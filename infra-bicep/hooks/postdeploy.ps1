#!/usr/bin/env pwsh
# azd postdeploy hook (PowerShell; postdeploy.sh is the same for POSIX sh).
#
# On Flex Consumption the blob trigger on uploads/{shootId}/order.json is Event Grid-sourced. Its Event
# Grid subscription must point at the Functions host's blobs_extension webhook, whose system key only
# exists once the code is deployed and the host has started, so Bicep cannot create it. This hook:
#   1. finds the blob-trigger function (or takes BLOB_TRIGGER_FUNCTION_NAME),
#   2. waits for the blobs_extension system key,
#   3. creates or updates the subscription "uploads-order-created" on the storage account's system
#      topic: Microsoft.Storage.BlobCreated, subject begins with /blobServices/default/containers/uploads/
#      and ends with order.json.
# The key is passed to az only; it is not printed and not stored in the azd environment.
# Needs the Azure CLI (az), signed in to the same tenant as azd. Safe to run again.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Get-RequiredEnv([string] $Name) {
    $value = [Environment]::GetEnvironmentVariable($Name)
    if ([string]::IsNullOrEmpty($value)) { throw "postdeploy: $Name is not set (run azd provision)." }
    return $value
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postdeploy: the Azure CLI (az) is required to create the Event Grid subscription.'
}

$resourceGroup = Get-RequiredEnv 'AZURE_RESOURCE_GROUP'
$functionAppName = Get-RequiredEnv 'AZURE_FUNCTION_APP_NAME'
$systemTopicName = Get-RequiredEnv 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME'
$subscriptionName = 'uploads-order-created'
$attempts = if ($env:POSTDEPLOY_WAIT_ATTEMPTS) { [int] $env:POSTDEPLOY_WAIT_ATTEMPTS } else { 30 }

$functionName = $env:BLOB_TRIGGER_FUNCTION_NAME
for ($attempt = 0; -not $functionName; $attempt++) {
    if ($attempt -ge $attempts) {
        throw "postdeploy: no blob-trigger function found on $functionAppName; set BLOB_TRIGGER_FUNCTION_NAME."
    }
    if ($attempt -gt 0) { Start-Sleep -Seconds 10 }
    $functionName = & az functionapp function list --resource-group $resourceGroup --name $functionAppName `
        --query "[?contains(to_string(config.bindings), 'blobTrigger')] | [0].name" -o tsv 2> $null
}
# The list returns "<app>/<function>".
$functionName = ($functionName -split '/')[-1]

$blobsKey = $null
for ($attempt = 0; -not $blobsKey; $attempt++) {
    if ($attempt -ge $attempts) {
        throw "postdeploy: the blobs_extension system key did not appear on $functionAppName."
    }
    if ($attempt -gt 0) { Start-Sleep -Seconds 10 }
    $blobsKey = & az functionapp keys list --resource-group $resourceGroup --name $functionAppName `
        --query 'systemKeys.blobs_extension' -o tsv 2> $null
}

$hostName = & az functionapp show --resource-group $resourceGroup --name $functionAppName --query defaultHostName -o tsv
if ($LASTEXITCODE -ne 0 -or -not $hostName) { throw "postdeploy: could not read the host name of $functionAppName." }
$endpoint = "https://$hostName/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$blobsKey"

& az eventgrid system-topic event-subscription create `
    --resource-group $resourceGroup `
    --system-topic-name $systemTopicName `
    --name $subscriptionName `
    --endpoint-type webhook `
    --endpoint $endpoint `
    --event-delivery-schema eventgridschema `
    --included-event-types Microsoft.Storage.BlobCreated `
    --subject-begins-with /blobServices/default/containers/uploads/ `
    --subject-ends-with order.json `
    --max-delivery-attempts 30 `
    --event-ttl 1440 `
    -o none
if ($LASTEXITCODE -ne 0) { throw 'postdeploy: creating the Event Grid subscription failed.' }
Write-Host "postdeploy: Event Grid subscription $subscriptionName -> $functionName is in place."
