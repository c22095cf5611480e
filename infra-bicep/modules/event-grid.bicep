// Event Grid system topic on the storage account. The Functions blob trigger on Flex Consumption is
// Event Grid-sourced: the subscription (BlobCreated under uploads/, ending in order.json) points at the
// Functions host's blobs_extension webhook, whose key exists only after the code is deployed, so the
// postdeploy hook creates it (infra-bicep/hooks/postdeploy.sh|.ps1).

@description('Name of the system topic.')
param name string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags applied to the topic.')
param tags object = {}

@description('Name of the storage account whose events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Name of the system topic (the postdeploy hook adds the subscription to it).')
output name string = systemTopic.name

@description('Resource id of the system topic.')
output id string = systemTopic.id
