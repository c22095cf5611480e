// Azure OpenAI account with one image-model deployment, used by the cloud editing engine
// (Editing__Engine = azure-openai). Keyless: local (key) auth is disabled and the managed identity
// calls it with Cognitive Services OpenAI User (rbac.bicep).

@description('Name of the account.')
param name string

@description('Azure region; image models exist only in some regions.')
param location string

@description('Tags applied to the account.')
param tags object = {}

@description('Custom subdomain (required for Entra ID authentication).')
param customSubDomainName string

@description('Name of the deployment the code calls (AzureOpenAI__Deployment).')
param deploymentName string

@description('Image model to deploy.')
param modelName string

@description('Version of the image model.')
param modelVersion string

@description('Deployment SKU, e.g. GlobalStandard or Standard.')
param deploymentSkuName string

@description('Deployment capacity (units of the SKU).')
@minValue(1)
param deploymentCapacity int

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: customSubDomainName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: deploymentCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

@description('Name of the account.')
output name string = account.name

@description('Endpoint of the account (AzureOpenAI__Endpoint).')
output endpoint string = account.properties.endpoint

@description('Name of the image-model deployment (AzureOpenAI__Deployment).')
output deploymentName string = deployment.name
