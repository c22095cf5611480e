// The whole AI headshot studio in one subscription-scoped deployment, for `azd up`.
// Everything runs as one user-assigned managed identity: no account keys, no connection strings, no
// key-listing functions. Only local modules are used, so this builds without registry access.

targetScope = 'subscription'

// ---- azd environment ----------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region for all resources. Any region with Container Apps workload profiles; the GPU opt-in needs one with serverless GPUs (see docs/deployment.md).')
param location string

@description('Object id of the user or service principal running azd (AZURE_PRINCIPAL_ID); empty for none.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Give the deploying principal data access (blobs, queues, tables, Key Vault secrets, registry push, OpenAI).')
param grantDeployerAccess bool = true

// ---- retention and pipeline knobs ---------------------------------------------------------------

@description('Days after which everything of a shoot is erased (Privacy__RetentionDays: the hourly purge of files, rows and histories; the lifecycle policy on uploads/, work/ and gallery/ as a backstop).')
@minValue(1)
@maxValue(3650)
param retentionDays int = 30

@description('Days a gallery link stays valid (Pipeline__GalleryTokenDays).')
@minValue(1)
@maxValue(3650)
param galleryTokenDays int = 30

@description('Fewest accepted photos a shoot needs (Pipeline__MinAcceptedPhotos).')
@minValue(1)
param minAcceptedPhotos int = 8

@description('Candidates the reframe engine composes per look (Pipeline__VariantsPerLook); the code default.')
@minValue(1)
param variantsPerLook int = 6

@description('Images kept per look after selection (Pipeline__KeepPerLook).')
@minValue(1)
param keepPerLook int = 4

@description('How long an orchestration waits for one GPU job attempt (GpuJobs__AttemptTimeout).')
param gpuJobAttemptTimeout string = '00:10:00'

@description('Attempts per GPU job before the stage fails (GpuJobs__MaxAttempts).')
@minValue(1)
param gpuJobMaxAttempts int = 3

// ---- Function App -------------------------------------------------------------------------------

@description('Most Flex Consumption instances of the Function App.')
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

// ---- worker -------------------------------------------------------------------------------------

// The default must deploy in any subscription: serverless GPUs need a quota request that new subscriptions have
// not made, so the worker runs on the Consumption profile's CPUs, where ONNX Runtime runs the same models.
@description('Workload profile of the worker. Consumption (default): CPUs, no quota needed. Opt-in serverless GPU (needs a GPU quota in the region): Consumption-GPU-NC8as-T4 (T4, 16 GB) or Consumption-GPU-NC24-A100; the worker then runs on CUDA.')
@allowed([
  'Consumption'
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuWorkloadProfileType string = 'Consumption'

@description('Most worker replicas (on a GPU profile each is one GPU, bounded by your serverless GPU quota).')
@minValue(1)
@maxValue(100)
param gpuWorkerMaxReplicas int = 1

@description('Worker image azd deployed last (SERVICE_GPU_WORKER_IMAGE_NAME); empty before the first deploy.')
param gpuWorkerImageName string = ''

@description('Public image the worker app is created with before azd deploys the real one.')
param gpuWorkerPlaceholderImage string

@description('Jobs one worker replica runs at once (Worker__MaxConcurrentJobs).')
@minValue(1)
param workerMaxConcurrentJobs int = 1

@description('How long a dequeued job stays invisible between renewals (Worker__VisibilityTimeout).')
param workerVisibilityTimeout string = '00:05:00'

@description('Deliveries of one job message before the worker gives up on it (Worker__MaxDequeueCount).')
@minValue(1)
param workerMaxDequeueCount int = 5

@description('Container registry SKU.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param containerRegistrySku string = 'Basic'

// ---- engines / Azure OpenAI ---------------------------------------------------------------------
// The image model is an opt-in: it is limited-access and offered in some regions only, so a default that asked for
// it would fail in most subscriptions. Deploying it switches both engines to it unless they are set.

@description('Create the Azure OpenAI account and image-model deployment (limited access, some regions only). When true, the generation and editing engines default to azure-openai.')
param deployAzureOpenAI bool = false

@description('Engine that makes the shoot\'s looks (Generation__Engine). Empty (default): azure-openai when deployAzureOpenAI is true, else reframe (the person\'s own photos, nothing leaves the subscription). azure-openai sends the person\'s photos to the image deployment and needs deployAzureOpenAI: without it the deployment fails at validation, before anything is created. onnx-diffusion is not offered until the worker has it.')
@allowed([
  ''
  'reframe'
  'azure-openai'
])
param generationEngine string = ''

@description('Most a shoot\'s cloud generation may cost, in AzureOpenAI__Currency (Generation__MaxCostPerShoot); a decimal number as text, e.g. 3 or 2.5. Reached, no more candidates are generated.')
param generationMaxCostPerShoot string = '3'

// ---- abuse limits (Limits__*, Studio__AccessCode) ------------------------------------------------
// The studio is a public endpoint that starts paid work: the Function App itself refuses past these figures.

@description('Requests one client address may make per minute to the creating endpoints: new shoot, reshoot, replacements, refine, resend (Limits__RequestsPerWindow). Counted per instance of the Function App.')
@minValue(1)
param limitsRequestsPerMinute int = 60

@description('Shoots not yet ended across the studio (Limits__MaxShootsInFlight); a new one past it is refused with 503 until one ends.')
@minValue(1)
param limitsMaxShootsInFlight int = 50

@description('Shoots one email address may start in 24 hours (Limits__MaxShootsPerEmailPerDay).')
@minValue(1)
param limitsMaxShootsPerEmailPerDay int = 5

@description('What cloud image-model calls may cost in one UTC day across every shoot and refinement, in AzureOpenAI__Currency (Limits__DailyGenerationBudget); a decimal number as text. Spent, shoots fall back to reframed looks and say so.')
param limitsDailyGenerationBudget string = '50'

@description('A private studio: starting a shoot needs the access code kept in the Key Vault secret studioAccessCodeSecretName (Studio__AccessCode), entered once on the start page. Its value is never a parameter.')
param privateStudio bool = false

@description('Name of the Key Vault secret holding the studio access code (with privateStudio).')
param studioAccessCodeSecretName string = 'studio-access-code'

@description('Engine for the edits that need a generative model (Editing__Engine). Empty (default): azure-openai when deployAzureOpenAI is true, else local. azure-openai needs deployAzureOpenAI: without it the deployment fails at validation.')
@allowed([
  ''
  'local'
  'azure-openai'
])
param editingEngine string = ''

@description('Region of the Azure OpenAI account (image models exist only in some regions); empty for `location`.')
param openAiLocation string = ''

@description('Image model deployed in Azure OpenAI.')
param openAiImageModelName string = 'gpt-image-1'

@description('Version of the image model.')
param openAiImageModelVersion string = '2025-04-15'

@description('Name of the image-model deployment (AzureOpenAI__Deployment).')
param openAiDeploymentName string = 'image-edit'

@description('SKU of the image-model deployment.')
param openAiDeploymentSkuName string = 'GlobalStandard'

@description('Capacity of the image-model deployment.')
@minValue(1)
param openAiDeploymentCapacity int = 1

// ---- email --------------------------------------------------------------------------------------

@description('How gallery emails are sent: Azure Communication Services (created here) or your own SMTP server.')
@allowed([
  'AzureCommunicationServices'
  'Smtp'
])
param emailProvider string = 'AzureCommunicationServices'

@description('Where Azure Communication Services stores email data at rest.')
param emailDataLocation string = 'United States'

@description('SMTP host of Azure Communication Services.')
param acsSmtpHost string = 'smtp.azurecomm.net'

@description('SMTP host when emailProvider is Smtp.')
param smtpHost string = ''

@description('SMTP port.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Sender address; empty takes the Azure-managed domain\'s DoNotReply address with ACS.')
param smtpFrom string = ''

@description('SMTP user name (with ACS: <acs name>.<app id>.<tenant id>, set by the postprovision hook).')
param smtpUserName string = ''

@description('Use STARTTLS.')
param smtpUseStartTls bool = true

@description('Name of the Key Vault secret holding the SMTP password; its value is never a parameter.')
param smtpPasswordSecretName string = 'smtp-password'

// ---- names --------------------------------------------------------------------------------------

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var names = {
  resourceGroup: '${abbrs.resourcesResourceGroups}${environmentName}'
  identity: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}${resourceToken}'
  deploymentContainer: 'app-package-${abbrs.webSitesFunctions}${resourceToken}'
  systemTopic: '${abbrs.eventGridSystemTopics}${resourceToken}'
  containerAppsEnvironment: '${abbrs.appManagedEnvironments}${resourceToken}'
  registry: '${abbrs.containerRegistryRegistries}${resourceToken}'
  gpuWorker: '${abbrs.appContainerApps}gpu-${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  openAi: '${abbrs.cognitiveServicesOpenAI}${resourceToken}'
  emailService: '${abbrs.communicationEmailServices}${resourceToken}'
  communicationService: '${abbrs.communicationServices}${resourceToken}'
  smtpSenderRole: 'ACS SMTP sender (${environmentName}-${resourceToken})'
}

// vCPU and memory of one worker replica, by workload profile type: the most a Consumption replica may have (enough
// for ONNX Runtime on CPUs, one job at a time), or the whole serverless GPU profile.
var workerProfileSizes = {
  Consumption: {
    cpu: '4.0'
    memory: '8Gi'
  }
  'Consumption-GPU-NC8as-T4': {
    cpu: '8.0'
    memory: '56Gi'
  }
  'Consumption-GPU-NC24-A100': {
    cpu: '24.0'
    memory: '220Gi'
  }
}

var useAcs = emailProvider == 'AzureCommunicationServices'

var workerOnGpu = gpuWorkloadProfileType != 'Consumption'

// The engines in effect: an explicit choice wins; empty follows the image model. A cloud engine without the image
// model would only fail on the first shoot, so fail() stops the deployment at validation instead (ARM evaluates
// variables then, and if() evaluates only the branch it takes).
var effectiveGenerationEngine = empty(generationEngine)
  ? (deployAzureOpenAI ? 'azure-openai' : 'reframe')
  : (generationEngine == 'azure-openai' && !deployAzureOpenAI
      ? fail('GENERATION_ENGINE=azure-openai needs the image model: azd env set AZURE_OPENAI_DEPLOY true, or leave GENERATION_ENGINE empty for reframe.')
      : generationEngine)

var effectiveEditingEngine = empty(editingEngine)
  ? (deployAzureOpenAI ? 'azure-openai' : 'local')
  : (editingEngine == 'azure-openai' && !deployAzureOpenAI
      ? fail('EDITING_ENGINE=azure-openai needs the image model: azd env set AZURE_OPENAI_DEPLOY true, or leave EDITING_ENGINE empty for local.')
      : editingEngine)

// ---- resources ----------------------------------------------------------------------------------

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    // The start and status pages upload from the Function App's own origin (its default host name).
    corsAllowedOrigins: [
      'https://${names.functionApp}.azurewebsites.net'
    ]
    containers: [
      'uploads'
      'work'
      'gallery'
      'models'
    ]
    queues: [
      'gpu-jobs'
      'gpu-results'
    ]
    tables: [
      'shoots'
      'photos'
      'jobs'
      'galleries'
      'refines'
      'costs'
    ]
    deploymentContainerName: names.deploymentContainer
    retentionDays: retentionDays
  }
}

module eventGrid 'modules/event-grid.bicep' = {
  name: 'event-grid'
  scope: rg
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountName: names.storage
  }
  dependsOn: [
    storage
  ]
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
  }
}

module registry 'modules/container-registry.bicep' = {
  name: 'container-registry'
  scope: rg
  params: {
    name: names.registry
    location: location
    tags: tags
    skuName: containerRegistrySku
  }
}

module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  scope: rg
  params: {
    name: names.containerAppsEnvironment
    location: location
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    gpuWorkloadProfileType: gpuWorkloadProfileType
    gpuWorkloadProfileName: 'gpu'
  }
}

module openAi 'modules/openai.bicep' = if (deployAzureOpenAI) {
  name: 'openai'
  scope: rg
  params: {
    name: names.openAi
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    customSubDomainName: names.openAi
    deploymentName: openAiDeploymentName
    modelName: openAiImageModelName
    modelVersion: openAiImageModelVersion
    deploymentSkuName: openAiDeploymentSkuName
    deploymentCapacity: openAiDeploymentCapacity
  }
}

module communication 'modules/communication.bicep' = if (useAcs) {
  name: 'communication'
  scope: rg
  params: {
    emailServiceName: names.emailService
    communicationServiceName: names.communicationService
    dataLocation: emailDataLocation
    tags: tags
    smtpSenderRoleName: names.smtpSenderRole
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    grantDeployerAccess: grantDeployerAccess
    storageAccountName: names.storage
    registryName: names.registry
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    openAiAccountName: deployAzureOpenAI ? names.openAi : ''
  }
  dependsOn: [
    storage
    registry
    keyVault
    monitoring
    openAi
  ]
}

// ---- configuration contract ---------------------------------------------------------------------
// Every setting the Function App and the GPU worker read is set here (see
// tests/Headshots.Infra.Tests, which checks the compiled template against the list).

// The `Storage` connection, identity-based.
var storageConnectionSettings = {
  Storage__blobServiceUri: storage.outputs.blobEndpoint
  Storage__queueServiceUri: storage.outputs.queueEndpoint
  Storage__tableServiceUri: storage.outputs.tableEndpoint
  Storage__credential: 'managedidentity'
  Storage__clientId: identity.outputs.clientId
}

var telemetrySettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
}

var workerSettings = {
  Worker__MaxConcurrentJobs: string(workerMaxConcurrentJobs)
  Worker__VisibilityTimeout: workerVisibilityTimeout
  Worker__MaxDequeueCount: string(workerMaxDequeueCount)
  Worker__ModelsContainer: 'models'
  // The same image runs both: ONNX Runtime's CUDA provider on a GPU profile, its CPU provider on Consumption.
  Worker__ExecutionProvider: workerOnGpu ? 'cuda' : 'cpu'
}

var smtpPasswordSecretUri = '${keyVault.outputs.uri}secrets/${smtpPasswordSecretName}'
var studioAccessCodeSecretUri = '${keyVault.outputs.uri}secrets/${studioAccessCodeSecretName}'

var functionAppSettings = union(storageConnectionSettings, telemetrySettings, workerSettings, {
  // The Functions host's own storage (Durable Task hub, leases), identity-based.
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  AZURE_CLIENT_ID: identity.outputs.clientId
  Pipeline__GalleryTokenDays: string(galleryTokenDays)
  Privacy__RetentionDays: string(retentionDays)
  // The start page answers "/" itself.
  AzureWebJobsDisableHomepage: 'true'
  Pipeline__MinAcceptedPhotos: string(minAcceptedPhotos)
  Pipeline__VariantsPerLook: string(variantsPerLook)
  Pipeline__KeepPerLook: string(keepPerLook)
  GpuJobs__AttemptTimeout: gpuJobAttemptTimeout
  GpuJobs__MaxAttempts: string(gpuJobMaxAttempts)
  Smtp__Host: useAcs ? acsSmtpHost : smtpHost
  Smtp__Port: string(smtpPort)
  Smtp__From: !empty(smtpFrom) ? smtpFrom : (communication.?outputs.senderAddress ?? '')
  Smtp__UserName: smtpUserName
  Smtp__UseStartTls: string(smtpUseStartTls)
  // A Key Vault reference: the platform resolves it with the managed identity; the password is never a value here.
  Smtp__Password: useAcs || !empty(smtpUserName) ? '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})' : ''
  Generation__Engine: effectiveGenerationEngine
  Generation__MaxCostPerShoot: generationMaxCostPerShoot
  Limits__RequestsPerWindow: string(limitsRequestsPerMinute)
  Limits__MaxShootsInFlight: string(limitsMaxShootsInFlight)
  Limits__MaxShootsPerEmailPerDay: string(limitsMaxShootsPerEmailPerDay)
  Limits__DailyGenerationBudget: limitsDailyGenerationBudget
  // A Key Vault reference, as for the SMTP password; empty is a public studio.
  Studio__AccessCode: privateStudio ? '@Microsoft.KeyVault(SecretUri=${studioAccessCodeSecretUri})' : ''
  Editing__Engine: effectiveEditingEngine
  AzureOpenAI__Endpoint: openAi.?outputs.endpoint ?? ''
  AzureOpenAI__Deployment: openAi.?outputs.deploymentName ?? ''
})

// The port of the worker's GET /healthz (provider, loaded models, jobs processed), read by the Container App's probes.
var gpuWorkerHealthPort = 8080

var gpuWorkerSettings = union(storageConnectionSettings, telemetrySettings, workerSettings, {
  AZURE_CLIENT_ID: identity.outputs.clientId
  Worker__HealthPort: string(gpuWorkerHealthPort)
})

module functionApp 'app/functions.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    storageAccountName: names.storage
    deploymentContainerName: names.deploymentContainer
    appSettings: functionAppSettings
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
  }
  // The host starts as soon as the app exists: its identity must already hold the data roles.
  dependsOn: [
    rbac
  ]
}

module gpuWorker 'app/gpu-worker.bicep' = {
  name: 'gpu-worker'
  scope: rg
  params: {
    name: names.gpuWorker
    location: location
    tags: tags
    environmentId: containerAppsEnvironment.outputs.id
    workloadProfileName: containerAppsEnvironment.outputs.workerWorkloadProfileName
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    image: !empty(gpuWorkerImageName) ? gpuWorkerImageName : gpuWorkerPlaceholderImage
    cpu: workerProfileSizes[gpuWorkloadProfileType].cpu
    memory: workerProfileSizes[gpuWorkloadProfileType].memory
    maxReplicas: gpuWorkerMaxReplicas
    storageAccountName: names.storage
    queueName: 'gpu-jobs'
    environmentVariables: gpuWorkerSettings
    // The placeholder image before the first `azd deploy` has no /healthz: probe only the worker's own image.
    healthPort: !empty(gpuWorkerImageName) ? gpuWorkerHealthPort : 0
  }
  // Image pulls and the KEDA queue rule run as the identity: AcrPull and queue access come first.
  dependsOn: [
    rbac
  ]
}

// ---- outputs (azd stores them in the environment; the hooks read them) ----------------------------

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_MANAGED_IDENTITY_NAME string = identity.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.uri
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = containerAppsEnvironment.outputs.name
output AZURE_GPU_WORKER_NAME string = gpuWorker.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_OPENAI_ENDPOINT string = openAi.?outputs.endpoint ?? ''
output AZURE_OPENAI_DEPLOYMENT string = openAi.?outputs.deploymentName ?? ''
output EMAIL_PROVIDER string = emailProvider
output AZURE_COMMUNICATION_SERVICE_NAME string = communication.?outputs.communicationServiceName ?? ''
output AZURE_COMMUNICATION_SERVICE_ID string = communication.?outputs.communicationServiceId ?? ''
output ACS_SMTP_SENDER_ROLE_ID string = communication.?outputs.smtpSenderRoleDefinitionId ?? ''
