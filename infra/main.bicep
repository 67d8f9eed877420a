// Frontdesk on Azure: everything the app needs in one resource group. Resource-group scope so the same file serves
// `azd up` (with AZURE_RESOURCE_GROUP set) and `az deployment group create`; see docs/deploy.md.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd sets it); seeds resource names and the azd-env-name tag.')
param environmentName string

@description('Azure region for all resources; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Object id of the person (or pipeline) who operates Frontdesk: gets data roles on tables, queues and blobs so the portal\'s Storage browser works without keys, and may rotate the WhatsApp secrets. Empty: none.')
param principalId string = deployer().objectId

@description('Kind of principal principalId is.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param principalType string = 'User'

@secure()
@minLength(1)
@description('The Meta app\'s App Secret (App Dashboard > App settings > Basic); verifies webhook signatures.')
param whatsAppAppSecret string

@secure()
@minLength(1)
@description('A verify token you choose; type the same value into the App Dashboard\'s webhook settings.')
param whatsAppVerifyToken string

@secure()
@minLength(1)
@description('A system-user access token with whatsapp_business_messaging, for sending replies.')
param whatsAppAccessToken string

@description('Base URL of Meta\'s Graph API.')
param whatsAppGraphBaseUrl string = 'https://graph.facebook.com'

@description('Graph API version used for sends.')
param whatsAppApiVersion string = 'v25.0'

@minValue(0)
@maxValue(3600)
@description('Seconds rules read from the tables are cached per number (Frontdesk__CacheSeconds).')
param cacheSeconds int = 30

@minValue(16)
@maxValue(65536)
@description('Memory all numbers\' cached catalogues may take together, in MB; the least recently used is evicted past it (Catalogue__MaxIndexMegabytes).')
param catalogueMaxIndexMegabytes int = 512

@minValue(1)
@maxValue(50)
@description('Attempts at sending one reply before it goes to outbound-messages-poison (Outbound__MaxAttempts); the back-off doubles from 1-2 s, so 12 attempts span about 35-70 minutes.')
param outboundMaxAttempts int = 12

@minValue(1)
@maxValue(21600)
@description('Longest back-off between two attempts at one reply, in seconds (Outbound__MaxRetryDelaySeconds).')
param outboundMaxRetryDelaySeconds int = 21600

@minValue(1)
@maxValue(120)
@description('Timeout of one Graph API call, in seconds (Outbound__AttemptTimeoutSeconds).')
param outboundAttemptTimeoutSeconds int = 10

@minValue(1)
@maxValue(80)
@description('Business-initiated messages (restock alerts, broadcasts) per second and per number; Meta allows 80 (Outbound__MessagesPerSecond).')
param outboundMessagesPerSecond int = 20

@minValue(1)
@maxValue(10080)
@description('A reply still unsent this many minutes after the customer wrote is dropped with a warning instead of arriving late (Outbound__MaxReplyAgeMinutes).')
param outboundMaxReplyAgeMinutes int = 60

@minValue(1)
@maxValue(86400)
@description('Seconds a maybe-sent reply waits for Meta\'s status webhook before it is sent again, once (Outbound__UnknownGraceSeconds).')
param outboundUnknownGraceSeconds int = 300

@minValue(1)
@maxValue(1000)
@description('Broadcast sends per second per number; Meta allows about 80 for all of a number\'s traffic (Broadcast__MessagesPerSecond).')
param broadcastMessagesPerSecond int = 20

@minValue(1)
@maxValue(10000000)
@description('Unique customers a number may reach with broadcasts in a rolling 24 h: set it to the number\'s messaging limit tier (Broadcast__DailyUniqueLimit).')
param broadcastDailyUniqueLimit int = 250

@minValue(10)
@maxValue(86400)
@description('A broadcast recipient queued this long ago and not settled is queued again, in seconds; the send ledger makes the copy harmless (Broadcast__RequeueAfterSeconds).')
param broadcastRequeueAfterSeconds int = 900

@minLength(1)
@maxLength(10)
@description('wa_ids starting with these digits are the phone console\'s test contacts: replies to them are stored in ConsoleOutbox, never sent to Meta (Console__TestNumberPrefix).')
param consoleTestNumberPrefix string = '999'

@description('The business number (phone_number_id) the phone console talks to unless its address names another (Console__PhoneNumberId).')
param consolePhoneNumberId string = '200000000000001'

@allowed([512, 2048, 4096])
@description('Memory per Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
@description('Maximum number of Flex Consumption instances.')
param maximumInstanceCount int = 100

@minLength(3)
@description('E-mail address that receives alerts (poison queues, webhook 5xx).')
param alertEmail string

@minValue(1)
@maxValue(30)
@description('Days after which large webhook bodies (claim check) are deleted.')
param claimCheckRetentionDays int = 3

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 30

@description('Route of the webhook function under /api (the callback URL for Meta).')
param webhookRoute string = 'webhook'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.functionApp}${resourceToken}'
var identityName = '${abbrs.managedIdentity}${resourceToken}'
var storageAccountName = '${abbrs.storageAccount}${resourceToken}'
var keyVaultName = '${abbrs.keyVault}${resourceToken}'
var appInsightsName = '${abbrs.appInsights}${resourceToken}'

// The storage names in Frontdesk.Storage.StorageNames, spelled out: tests/Frontdesk.Infra.Tests reads these literals
// from the compiled template and fails when the two lists differ.
var poisonSuffix = '-poison'
var queueNames = [
  'webhook-inbox'
  'webhook-inbox-poison'
  'outbound-messages'
  'outbound-messages-poison'
  'outreach-messages'
  'outreach-messages-poison'
  'restock-alerts'
  'restock-alerts-poison'
  'broadcast-fanout'
  'broadcast-fanout-poison'
]
var tableNames = [
  'Settings'
  'Hours'
  'Rules'
  'QuickReplies'
  'Components'
  'Contacts'
  'Catalogue'
  'HandledMessages'
  'OutboundStatuses'
  'OutboundLedger'
  'ConsoleOutbox'
  'Templates'
  'Subscriptions'
  'Broadcasts'
  'BroadcastReach'
]
var claimCheckContainerName = 'webhook-bodies'
var containerNames = [claimCheckContainerName]
// One container per app, as the Flex quickstarts do, so several apps can share an account.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}'

module identity 'modules/identity.bicep' = {
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    name: storageAccountName
    location: location
    tags: tags
    queueNames: queueNames
    tableNames: tableNames
    containerNames: containerNames
    deploymentContainerName: deploymentContainerName
    claimCheckContainerName: claimCheckContainerName
    claimCheckRetentionDays: claimCheckRetentionDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    logAnalyticsName: '${abbrs.logAnalytics}${resourceToken}'
    appInsightsName: appInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  params: {
    name: keyVaultName
    location: location
    tags: tags
    whatsAppAppSecret: whatsAppAppSecret
    whatsAppVerifyToken: whatsAppVerifyToken
    whatsAppAccessToken: whatsAppAccessToken
  }
}

module rbac 'modules/rbac.bicep' = {
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
    identityName: identityName
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
  // Names are passed as known strings (stable What-If), so the order is spelled out.
  dependsOn: [identity, storage, keyVault, monitoring]
}

var clientId = identity.outputs.clientId

// Every setting the code reads. Flex Consumption takes the runtime from functionAppConfig, so no
// FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION here.
var appSettings = {
  // Host storage: per-service endpoints and the user-assigned identity (no connection string, no key).
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: clientId
  // Frontdesk's data (StorageNames.Connection): queue triggers and the SDK clients built in code.
  FrontdeskStorage__blobServiceUri: storage.outputs.blobEndpoint
  FrontdeskStorage__queueServiceUri: storage.outputs.queueEndpoint
  FrontdeskStorage__tableServiceUri: storage.outputs.tableEndpoint
  FrontdeskStorage__credential: 'managedidentity'
  FrontdeskStorage__clientId: clientId
  // DefaultAzureCredential / ManagedIdentityCredential in code pick the user-assigned identity from this.
  AZURE_CLIENT_ID: clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${clientId};Authorization=AAD'
  // WhatsAppOptions: secrets as Key Vault references, resolved by the platform with the identity.
  WhatsApp__AppSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.appSecretUri})'
  WhatsApp__VerifyToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.verifyTokenUri})'
  WhatsApp__AccessToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.accessTokenUri})'
  WhatsApp__GraphBaseUrl: whatsAppGraphBaseUrl
  WhatsApp__ApiVersion: whatsAppApiVersion
  // FrontdeskOptions.
  Frontdesk__CacheSeconds: string(cacheSeconds)
  // CatalogueOptions.
  Catalogue__MaxIndexMegabytes: string(catalogueMaxIndexMegabytes)
  // OutboundOptions.
  Outbound__MaxAttempts: string(outboundMaxAttempts)
  Outbound__MaxRetryDelaySeconds: string(outboundMaxRetryDelaySeconds)
  Outbound__AttemptTimeoutSeconds: string(outboundAttemptTimeoutSeconds)
  Outbound__MessagesPerSecond: string(outboundMessagesPerSecond)
  Outbound__MaxReplyAgeMinutes: string(outboundMaxReplyAgeMinutes)
  Outbound__UnknownGraceSeconds: string(outboundUnknownGraceSeconds)
  // BroadcastOptions (docs/broadcasts.md).
  Broadcast__MessagesPerSecond: string(broadcastMessagesPerSecond)
  Broadcast__DailyUniqueLimit: string(broadcastDailyUniqueLimit)
  Broadcast__RequeueAfterSeconds: string(broadcastRequeueAfterSeconds)
  // PhoneConsoleOptions (docs/console.md).
  Console__TestNumberPrefix: consoleTestNumberPrefix
  Console__PhoneNumberId: consolePhoneNumberId
}

module functionApp 'modules/functionapp.bicep' = {
  params: {
    planName: '${abbrs.appServicePlan}${resourceToken}'
    name: functionAppName
    location: location
    tags: tags
    azdServiceName: 'frontdesk'
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: appSettings
  }
  // The app must not start before it may read its package, storage and secrets.
  dependsOn: [rbac]
}

module workbook 'modules/workbook.bicep' = {
  params: {
    displayName: 'Frontdesk'
    location: location
    tags: tags
    appInsightsName: appInsightsName
  }
  dependsOn: [monitoring]
}

module alerts 'modules/alerts.bicep' = {
  params: {
    actionGroupName: '${abbrs.actionGroup}${resourceToken}'
    poisonAlertName: '${abbrs.alertPoison}${resourceToken}'
    serverErrorsAlertName: '${abbrs.alertServerErrors}${resourceToken}'
    location: location
    tags: tags
    alertEmail: alertEmail
    appInsightsId: monitoring.outputs.appInsightsId
    functionAppId: functionApp.outputs.id
    poisonSuffix: poisonSuffix
  }
}

@description('Paste into Meta\'s App Dashboard > WhatsApp > Configuration > Callback URL.')
output WEBHOOK_URL string = 'https://${functionApp.outputs.defaultHostName}/api/${webhookRoute}'
output FUNCTION_APP_NAME string = functionApp.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_RESOURCE_GROUP string = resourceGroup().name
