#!/bin/sh
# azd postdeploy hook (POSIX sh; postdeploy.ps1 is the same for PowerShell).
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
set -eu

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required to create the Event Grid subscription." >&2
  exit 1
fi

: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set (run azd provision)}"
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?AZURE_EVENTGRID_SYSTEM_TOPIC_NAME is not set}"

subscription_name="uploads-order-created"
attempts="${POSTDEPLOY_WAIT_ATTEMPTS:-30}"

function_name="${BLOB_TRIGGER_FUNCTION_NAME:-}"
attempt=0
while [ -z "$function_name" ]; do
  function_name=$(az functionapp function list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "[?contains(to_string(config.bindings), 'blobTrigger')] | [0].name" -o tsv 2>/dev/null || true)
  [ -n "$function_name" ] && break
  attempt=$((attempt + 1))
  if [ "$attempt" -ge "$attempts" ]; then
    echo "postdeploy: no blob-trigger function found on ${AZURE_FUNCTION_APP_NAME}; set BLOB_TRIGGER_FUNCTION_NAME." >&2
    exit 1
  fi
  sleep 10
done
# The list returns "<app>/<function>".
function_name="${function_name##*/}"

attempt=0
blobs_key=""
while [ -z "$blobs_key" ]; do
  blobs_key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)
  [ -n "$blobs_key" ] && break
  attempt=$((attempt + 1))
  if [ "$attempt" -ge "$attempts" ]; then
    echo "postdeploy: the blobs_extension system key did not appear on ${AZURE_FUNCTION_APP_NAME}." >&2
    exit 1
  fi
  sleep 10
done

host_name=$(az functionapp show --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query defaultHostName -o tsv)
endpoint="https://${host_name}/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${blobs_key}"

az eventgrid system-topic event-subscription create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
  --name "$subscription_name" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --event-delivery-schema eventgridschema \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with /blobServices/default/containers/uploads/ \
  --subject-ends-with order.json \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  -o none
echo "postdeploy: Event Grid subscription ${subscription_name} -> ${function_name} is in place."
