// Container Apps environment with workload profiles: the serverless Consumption profile, where the
// worker runs on CPUs by default, and, as an opt-in, a serverless GPU profile for it (which needs a GPU
// quota that new subscriptions lack). Both bill only while replicas run, so the environment costs
// nothing at idle. Logs go to Log Analytics through a diagnostic setting (destination azure-monitor),
// which needs no workspace key, unlike the log-analytics destination.

@description('Name of the managed environment.')
param name string

@description('Azure region; serverless GPUs exist only in some regions.')
param location string

@description('Tags applied to the environment.')
param tags object = {}

@description('Resource id of the Log Analytics workspace that receives the environment\'s logs.')
param logAnalyticsWorkspaceId string

@description('Workload profile type of the worker: Consumption (CPUs, no GPU profile is created) or a serverless GPU type.')
@allowed([
  'Consumption'
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuWorkloadProfileType string = 'Consumption'

@description('Name given to the GPU workload profile inside the environment.')
param gpuWorkloadProfileName string = 'gpu'

var hasGpuProfile = gpuWorkloadProfileType != 'Consumption'

// Every workload-profile environment has the Consumption profile; a GPU profile is added only when asked for,
// because declaring one is what needs the quota.
var consumptionProfile = {
  name: 'Consumption'
  workloadProfileType: 'Consumption'
}

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    workloadProfiles: hasGpuProfile
      ? [
          consumptionProfile
          {
            name: gpuWorkloadProfileName
            workloadProfileType: gpuWorkloadProfileType
          }
        ]
      : [
          consumptionProfile
        ]
    zoneRedundant: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Resource id of the environment.')
output id string = environment.id

@description('Name of the environment.')
output name string = environment.name

@description('Name of the workload profile the worker runs on: the GPU profile when there is one, else Consumption.')
output workerWorkloadProfileName string = hasGpuProfile ? gpuWorkloadProfileName : consumptionProfile.name
