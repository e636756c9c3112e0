// The bot on Azure: a Flex Consumption Function App (Python 3.11), its storage (the sessions table), Application
// Insights, a user-assigned managed identity with the data roles it needs, and an Azure Bot with the Teams channel.
// Laid out after Microsoft's Functions quickstart templates for azd (Flex Consumption, identity-based storage).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the principal running azd (azd passes it): may read and write the apontamentos container.')
param principalId string = ''

@description('Kind of that principal: User, or ServicePrincipal when azd runs in a pipeline.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Blob or https URL of the snapshot (Parquet or the raw export CSV). Empty: apontamentos.parquet in the apontamentos container.')
param apontamentosSource string = ''

@description('Blob URL of the access policy CSV, or "open". Empty: acesso.csv in the apontamentos container (closed until uploaded).')
param accessPolicy string = ''

@description('Path, URL or Blob URL of the company vocabulary CSV (termo,significa); empty: the built-in words only.')
param vocabulary string = ''

@description('Azure OpenAI endpoint (https://<resource>.openai.azure.com); empty uses the built-in engine.')
param azureOpenAiEndpoint string = ''

@description('Azure OpenAI deployment name.')
param azureOpenAiDeployment string = ''

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'resources'
  scope: rg
  params: {
    location: location
    tags: tags
    token: token
    principalId: principalId
    principalType: principalType
    apontamentosSource: apontamentosSource
    accessPolicy: accessPolicy
    appSettings: {
      // Sessions in the app's own storage account, reached with the managed identity.
      SESSIONS_TABLE: 'sessions'
      SESSION_TIMEOUT_MINUTES: '30'
      SESSION_MAX_MESSAGES: '20'
      SESSION_SWEEP_SCHEDULE: '0 */5 * * * *'
      ANSWER_ENGINE: 'auto'
      AZURE_OPENAI_ENDPOINT: azureOpenAiEndpoint
      AZURE_OPENAI_DEPLOYMENT: azureOpenAiDeployment
      AZURE_OPENAI_API_VERSION: '2024-10-21'
      LLM_TIMEOUT_SECONDS: '10'
      APONTAMENTOS_REFRESH_SECONDS: '300'
      // Whose identity the policy believes: Teams only (Web Chat needs sign-in first; see the README).
      ACCESS_TRUSTED_CHANNELS: 'msteams'
      BOT_TIMEZONE: 'America/Sao_Paulo'
      BOT_DAILY_HOURS: '8'
      // Required: the timer bindings read them as %ALERTS_SCHEDULE% / %SESSION_SWEEP_SCHEDULE%; without them the
      // host does not index the functions. Proactive alerts: 09:00 in São Paulo (UTC-3) on weekdays.
      ALERTS_SCHEDULE: '0 0 12 * * 1-5'
      REFERENCES_TABLE: 'conversationrefs'
      ALERT_LOG_TABLE: 'alertlog'
      FEEDBACK_TABLE: 'feedback'
      VOCABULARY: vocabulary
      REVIEW_TABLE: 'review'
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = resources.outputs.functionAppName
output BOT_MESSAGING_ENDPOINT string = resources.outputs.messagingEndpoint
output BOT_APP_ID string = resources.outputs.botAppId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = resources.outputs.applicationInsightsConnectionString
// Where to upload the snapshot and the policy (`azd env get-value AZURE_STORAGE_ACCOUNT_NAME`, see the README).
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
output APONTAMENTOS_CONTAINER string = resources.outputs.dataContainerName
output APONTAMENTOS_SNAPSHOT_URL string = resources.outputs.snapshotUrl
output ACCESS_POLICY_URL string = resources.outputs.accessPolicyUrl
