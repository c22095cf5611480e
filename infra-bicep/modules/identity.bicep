// The one user-assigned managed identity that every part of the studio runs as: the Function App,
// the GPU worker, the worker's KEDA scale rule, image pulls from the registry, and the Function App's
// deployment container. Nothing in this deployment holds a key or a connection string.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity (for `identity` blocks and scale rules).')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Client (application) id of the identity: what `__clientId` settings and AZURE_CLIENT_ID carry.')
output clientId string = identity.properties.clientId

@description('Object (principal) id of the identity: what role assignments target.')
output principalId string = identity.properties.principalId
