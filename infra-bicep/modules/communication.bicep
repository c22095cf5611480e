// Email through Azure Communication Services: an Email Communication Service with an Azure-managed
// domain, linked to a Communication Services resource that accepts SMTP. ACS SMTP authenticates an
// Entra application (username `<acs name>.<app id>.<tenant id>`, password = that app's client secret
// kept in Key Vault); the postprovision hook creates that application and assigns it the custom role
// defined here, which holds only what ACS SMTP needs.

@description('Name of the Email Communication Service.')
param emailServiceName string

@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Where the email data is stored at rest.')
param dataLocation string = 'United States'

@description('Tags applied to the resources.')
param tags object = {}

@description('Name of the custom role for the SMTP sender application; unique in the tenant.')
param smtpSenderRoleName string

resource emailService 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2025-05-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      managedDomain.id
    ]
    disableLocalAuth: true
  }
}

resource smtpSenderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'acs-smtp-sender')
  properties: {
    roleName: smtpSenderRoleName
    description: 'Send email over Azure Communication Services SMTP.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/EmailServices/write'
        ]
        notActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

@description('Name of the Communication Services resource (first part of the SMTP username).')
output communicationServiceName string = communicationService.name

@description('Resource id of the Communication Services resource (scope of the sender role).')
output communicationServiceId string = communicationService.id

@description('Sender address on the Azure-managed domain.')
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'

@description('Resource id of the SMTP sender custom role.')
output smtpSenderRoleDefinitionId string = smtpSenderRole.id
