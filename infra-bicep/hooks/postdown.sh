#!/bin/sh
# azd postdown hook (POSIX sh; postdown.ps1 is the same for PowerShell).
# `azd down` deletes the resource group. Two things of the deployment live outside it and are removed
# here: the Entra application the postprovision hook created for ACS SMTP (it lives in the directory),
# and the "ACS SMTP sender" custom role definition (role definitions live in the subscription).
set -eu

if ! command -v az >/dev/null 2>&1; then
  echo "postdown: az not found; delete the Entra application headshots-smtp-${AZURE_ENV_NAME:-<env>} yourself." >&2
  exit 0
fi
: "${AZURE_ENV_NAME:?AZURE_ENV_NAME is not set}"

az ad app list --display-name "headshots-smtp-${AZURE_ENV_NAME}" --query "[].appId" -o tsv |
  while read -r app_id; do
    [ -n "$app_id" ] || continue
    echo "postdown: deleting the Entra application ${app_id} (headshots-smtp-${AZURE_ENV_NAME})."
    az ad app delete --id "$app_id"
  done

if [ -n "${ACS_SMTP_SENDER_ROLE_ID:-}" ]; then
  echo "postdown: deleting the custom role ${ACS_SMTP_SENDER_ROLE_ID##*/}."
  az role definition delete --name "${ACS_SMTP_SENDER_ROLE_ID##*/}" --scope "/subscriptions/${AZURE_SUBSCRIPTION_ID:?AZURE_SUBSCRIPTION_ID is not set}" ||
    echo "postdown: could not delete the custom role ${ACS_SMTP_SENDER_ROLE_ID}; delete it yourself." >&2
fi
