// Resource-group scope of main.bicep. Settings that depend on created resources (the storage endpoints, the
// identity, Application Insights, the bot's app id) are added here to the ones main.bicep passes in.
param location string
param tags object
param token string
param principalId string
param principalType string
param apontamentosSource string
param accessPolicy string
param appSettings object

var functionAppName = 'func-apontamentos-${token}'
var deploymentContainer = 'app-package-${token}'
var dataContainer = 'apontamentos'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-apontamentos-${token}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stapont${token}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // identity-based access only
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packages 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource data 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: dataContainer // the snapshot and the access policy, uploaded by the data team
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource sessionsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: appSettings.SESSIONS_TABLE
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-apontamentos-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-apontamentos-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true // telemetry is sent with the managed identity
  }
}

// Built-in role definition ids.
var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, blobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key access is off, so uploading the snapshot and the policy (`az storage blob upload --auth-mode login`) needs a
// data-plane role: the person (or pipeline) running azd gets it on the data container only.
resource deployerWritesData 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(data.id, principalId, blobDataContributor)
  scope: data
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    principalId: principalId
    principalType: principalType
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-apontamentos-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var platformSettings = {
  // The host's own storage, identity-based.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  // DefaultAzureCredential (sessions, snapshot, policy, Azure OpenAI) picks this identity.
  AZURE_CLIENT_ID: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

// The snapshot and the policy at fixed names in the data container unless other locations are given: uploading
// a new version there needs no `azd provision` (the bot re-checks them every APONTAMENTOS_REFRESH_SECONDS).
var snapshotUrl = '${storage.properties.primaryEndpoints.blob}${dataContainer}/apontamentos.parquet'
var accessPolicyUrl = '${storage.properties.primaryEndpoints.blob}${dataContainer}/acesso.csv'
var dataSettings = {
  APONTAMENTOS_SOURCE: empty(apontamentosSource) ? snapshotUrl : apontamentosSource
  ACCESS_POLICY: empty(accessPolicy) ? accessPolicyUrl : accessPolicy
}

var botSettings = {
  SESSIONS_TABLE_ENDPOINT: storage.properties.primaryEndpoints.table
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppId: identity.properties.clientId
  MicrosoftAppTenantId: tenant().tenantId
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 100
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'python'
        version: '3.11'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
    }
  }
  dependsOn: [blobRole, tableRole, metricsRole]
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, dataSettings, platformSettings, botSettings)
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-apontamentos-${token}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Bot de apontamentos'
    endpoint: 'https://${functionApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identity.id
    developerAppInsightsApplicationId: insights.properties.AppId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output functionAppName string = functionApp.name
output messagingEndpoint string = bot.properties.endpoint
output botAppId string = identity.properties.clientId
output applicationInsightsConnectionString string = insights.properties.ConnectionString
output storageAccountName string = storage.name
output dataContainerName string = data.name
output snapshotUrl string = dataSettings.APONTAMENTOS_SOURCE
output accessPolicyUrl string = dataSettings.ACCESS_POLICY
