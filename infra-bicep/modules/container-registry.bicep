// Azure Container Registry for the GPU worker image. No admin user and no anonymous pull: the worker
// pulls as the managed identity (AcrPull, see rbac.bicep); azd pushes or builds remotely (ACR Tasks)
// as the deploying user.

@description('Name of the registry (5-50 letters and digits).')
@minLength(5)
@maxLength(50)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the registry.')
param tags object = {}

@description('Registry SKU; Basic is enough for one worker image.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param skuName string = 'Basic'

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

@description('Name of the registry.')
output name string = registry.name

@description('Login server of the registry (AZURE_CONTAINER_REGISTRY_ENDPOINT for azd).')
output loginServer string = registry.properties.loginServer
