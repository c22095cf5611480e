#!/bin/sh
# azd postprovision hook (POSIX sh; postprovision.ps1 is the same for PowerShell).
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
set -eu

if [ "${EMAIL_PROVIDER:-AzureCommunicationServices}" != "AzureCommunicationServices" ]; then
  echo "postprovision: email provider is '${EMAIL_PROVIDER}', no ACS SMTP credential to set up."
  exit 0
fi
if [ "${ACS_SMTP_SETUP:-true}" != "true" ]; then
  echo "postprovision: ACS_SMTP_SETUP is not 'true', skipping the ACS SMTP credential."
  exit 0
fi
if ! command -v az >/dev/null 2>&1; then
  echo "postprovision: the Azure CLI (az) is required to set up the ACS SMTP credential." >&2
  exit 1
fi

: "${AZURE_ENV_NAME:?AZURE_ENV_NAME is not set}"
: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set (run azd provision)}"
: "${AZURE_TENANT_ID:?AZURE_TENANT_ID is not set}"
: "${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set}"
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set}"
: "${AZURE_COMMUNICATION_SERVICE_NAME:?AZURE_COMMUNICATION_SERVICE_NAME is not set}"
: "${AZURE_COMMUNICATION_SERVICE_ID:?AZURE_COMMUNICATION_SERVICE_ID is not set}"
: "${ACS_SMTP_SENDER_ROLE_ID:?ACS_SMTP_SENDER_ROLE_ID is not set}"

secret_name="${SMTP_PASSWORD_SECRET_NAME:-smtp-password}"
app_display_name="headshots-smtp-${AZURE_ENV_NAME}"

if [ -n "${SMTP_USERNAME:-}" ] &&
  az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$secret_name" --query id -o tsv >/dev/null 2>&1; then
  echo "postprovision: ACS SMTP credential already in place for ${SMTP_USERNAME}."
  exit 0
fi

app_id=$(az ad app list --display-name "$app_display_name" --query "[0].appId" -o tsv)
if [ -z "$app_id" ]; then
  echo "postprovision: creating the Entra application ${app_display_name}."
  app_id=$(az ad app create --display-name "$app_display_name" --sign-in-audience AzureADMyOrg --query appId -o tsv)
fi
sp_id=$(az ad sp show --id "$app_id" --query id -o tsv 2>/dev/null || true)
if [ -z "$sp_id" ]; then
  sp_id=$(az ad sp create --id "$app_id" --query id -o tsv)
fi

# A new service principal can take a while to replicate: retry the role assignment.
attempt=0
until az role assignment create --assignee-object-id "$sp_id" --assignee-principal-type ServicePrincipal \
  --role "$ACS_SMTP_SENDER_ROLE_ID" --scope "$AZURE_COMMUNICATION_SERVICE_ID" -o none; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 10 ]; then
    echo "postprovision: could not assign the ACS SMTP sender role to ${app_display_name}." >&2
    exit 1
  fi
  sleep 15
done

# The secret goes from az straight into Key Vault through a pipe.
az ad app credential reset --id "$app_id" --append --display-name "acs-smtp" --years 1 --query password -o tsv |
  tr -d '\r\n' |
  az keyvault secret set --vault-name "$AZURE_KEY_VAULT_NAME" --name "$secret_name" --file /dev/stdin \
    --content-type "ACS SMTP client secret of ${app_display_name}" -o none

smtp_username="${AZURE_COMMUNICATION_SERVICE_NAME}.${app_id}.${AZURE_TENANT_ID}"
azd env set SMTP_USERNAME "$smtp_username"
az functionapp config appsettings set --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --settings "Smtp__UserName=${smtp_username}" -o none
echo "postprovision: ACS SMTP credential set up for ${smtp_username}."
