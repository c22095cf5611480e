// The worker (service `gpu-worker` in azure.yaml) as a Container App on the Consumption workload profile
// (CPUs, the default) or, opted in, a serverless GPU profile. No ingress: it only reads the `gpu-jobs` queue. KEDA's azure-queue rule scales it
// from 0 to N, authenticated as the managed identity (no connection string secret), one replica per
// queued job; KEDA counts invisible (in-flight) messages too, which keeps a replica alive while it
// works on a long job.

@description('Name of the Container App.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the app (it also gets azd-service-name).')
param tags object = {}

@description('Resource id of the Container Apps environment.')
param environmentId string

@description('Workload profile the worker runs on: Consumption, or the GPU profile.')
param workloadProfileName string

@description('Resource id of the user-assigned identity the worker runs as and pulls images with.')
param identityId string

@description('Login server of the container registry.')
param registryServer string

@description('Container image. Before the first `azd deploy` this is a public placeholder; azd replaces it.')
param image string

@description('vCPUs of the container; at most what its workload profile offers.')
param cpu string

@description('Memory of the container, e.g. 8Gi or 56Gi; at most what its workload profile offers.')
param memory string

@description('Most replicas the worker scales out to (GPUs, on a GPU profile).')
@minValue(1)
@maxValue(100)
param maxReplicas int = 2

@description('Storage account that holds the job queue.')
param storageAccountName string

@description('Queue the scale rule watches.')
param queueName string = 'gpu-jobs'

@description('Environment variables of the worker, as name/value pairs.')
param environmentVariables object

@description('Port of the worker\'s GET /healthz (Worker__HealthPort); 0 for no probes (the placeholder image has no such endpoint).')
@minValue(0)
@maxValue(65535)
param healthPort int = 0

@description('Seconds KEDA waits after the queue empties before scaling to zero.')
@minValue(60)
param cooldownPeriod int = 300

resource worker 'Microsoft.App/containerApps@2025-01-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'gpu-worker' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: workloadProfileName
    configuration: {
      activeRevisionsMode: 'Single'
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'gpu-worker'
          image: image
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: [
            for setting in items(environmentVariables): {
              name: setting.key
              value: string(setting.value)
            }
          ]
          // The endpoint answers as soon as the process starts (before the models are copied), so a failing probe
          // means a hung or crashed worker, not a slow start; replicas (GPU ones most) take minutes to schedule, hence the patience.
          probes: healthPort > 0
            ? [
                {
                  type: 'Startup'
                  httpGet: {
                    path: '/healthz'
                    port: healthPort
                  }
                  initialDelaySeconds: 5
                  periodSeconds: 10
                  failureThreshold: 30
                }
                {
                  type: 'Liveness'
                  httpGet: {
                    path: '/healthz'
                    port: healthPort
                  }
                  periodSeconds: 30
                  timeoutSeconds: 5
                  failureThreshold: 3
                }
              ]
            : []
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: maxReplicas
        cooldownPeriod: cooldownPeriod
        pollingInterval: 15
        rules: [
          {
            name: 'gpu-jobs-queue'
            azureQueue: {
              accountName: storageAccountName
              queueName: queueName
              queueLength: 1
              identity: identityId
            }
          }
        ]
      }
    }
  }
}

@description('Name of the worker Container App.')
output name string = worker.name
