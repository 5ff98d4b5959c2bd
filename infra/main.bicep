// 张江高新区分园指标填报 in Azure (`azd up`, README "Deploy to Azure"):
//   rg-<env>           the resource group of one environment
//   id-<token>         the user-assigned identity the API runs as
//   st<token>          the Functions host's storage and the deployment container
//   stdata<token>      the returns (tables and blobs): versioning, soft delete, a delete lock
//   plan-/func-<token> the API: Function App, Flex Consumption, Node 22
//   log-/appi-<token>  Log Analytics and Application Insights
//   swa-<token>        the task pane (static hosting)
// Both storage accounts refuse shared keys: everything reaches them with Entra ID.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (AZURE_ENV_NAME): the resource group is rg-<name>, other names derive from it.')
param environmentName string

@minLength(1)
@description('Azure region of the resources (Flex Consumption must be offered there).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the Static Web App (served worldwide; the resource itself lives in one of the regions that offer it).')
@allowed([
  'eastasia'
  'westeurope'
  'centralus'
  'eastus2'
  'westus2'
])
param staticWebAppLocation string = 'eastasia'

@description('Application (client) id of the API\'s Entra ID registration (README, sign-in): the audience of the tokens the API accepts.')
@minLength(36)
@maxLength(36)
param entraApiClientId string

@description('Entra ID tenant (directory) id; empty for the tenant of this subscription.')
param entraTenantId string = ''

@description('Entra ID authority host; empty for https://login.microsoftonline.com. Tenants operated by 21Vianet: https://login.partner.microsoftonline.cn.')
param entraAuthorityHost string = ''

@description('The delegated permission of the API registration the pane asks for (README, sign-in, step 1.3); empty for access_as_user.')
param entraApiScope string = ''

@description('Application (client) id of the task pane\'s Entra ID registration (a single-page app, README sign-in step 2): the production pane signs in with it.')
@minLength(36)
@maxLength(36)
param entraPaneClientId string

@description('Whom a signed-in user without a role or a park should ask (shown in those messages), e.g. 管委会信息中心 021-xxxx-xxxx; empty: the pane says "your administrator".')
param accessContact string = ''

@description('The pane\'s address when it is served under a custom domain (https://...); empty for the Static Web App\'s own address.')
param paneUrl string = ''

@description('Largest request body in bytes (JSON returns, uploaded workbooks).')
param maxBodyBytes int = 262144

@description('Deadline of one storage call, in milliseconds.')
param storageTimeoutMs int = 5000

@description('How long an instance uses the catalogue version in force before reading its head again, in milliseconds: a version published on another instance is in force everywhere at most this long after. 0 reads it on every request.')
param catalogueRefreshMs int = 5000

@description('A return is late when nothing was submitted this many days after its period ended.')
param dueDaysAfterPeriodEnd int = 31

@description('Days deleted or overwritten blobs of the returns stay recoverable.')
param dataRecoveryDays int = 30

@description('A CanNotDelete lock on the returns\' storage account: deleting it (or `azd down`) needs the lock removed first.')
param protectData bool = true

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var deploymentContainerName = 'deployment-package'
// Built-in role definitions (Azure RBAC).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'id-${token}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
  }
}

module hostStorage 'modules/storage-account.bicep' = {
  name: 'host-storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'st${token}'
    containers: [
      deploymentContainerName
    ]
  }
}

module dataStorage 'modules/storage-account.bicep' = {
  name: 'data-storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'stdata${take(token, 18)}'
    blobRecoveryDays: dataRecoveryDays
  }
}

module dataLock 'modules/delete-lock.bicep' = if (protectData) {
  name: 'data-lock'
  scope: rg
  params: {
    storageAccountName: dataStorage.outputs.name
  }
}

// The host keeps its state in blobs, and Flex Consumption reads the package from the
// deployment container, both as the app's identity: Storage Blob Data Owner on that account.
module hostStorageRoles 'modules/role-assignments.bicep' = {
  name: 'host-storage-roles'
  scope: rg
  params: {
    storageAccountName: hostStorage.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionIds: [
      roles.storageBlobDataOwner
    ]
  }
}

// The returns: tables (versions, reviews, locks) and blobs (documents, drafts, uploads).
module dataStorageRoles 'modules/role-assignments.bicep' = {
  name: 'data-storage-roles'
  scope: rg
  params: {
    storageAccountName: dataStorage.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionIds: [
      roles.storageTableDataContributor
      roles.storageBlobDataContributor
    ]
  }
}

// Application Insights takes Entra ID-signed telemetry only (local authentication is off).
module monitoringRoles 'modules/monitoring-role.bicep' = {
  name: 'monitoring-roles'
  scope: rg
  params: {
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
    roleDefinitionId: roles.monitoringMetricsPublisher
  }
}

module web 'modules/static-web-app.bicep' = {
  name: 'web'
  scope: rg
  params: {
    location: staticWebAppLocation
    tags: tags
    name: 'swa-${token}'
  }
}

var entraTenant = empty(entraTenantId) ? tenant().tenantId : entraTenantId
var authorityHost = empty(entraAuthorityHost) ? 'https://login.microsoftonline.com' : entraAuthorityHost
var apiScope = empty(entraApiScope) ? 'access_as_user' : entraApiScope

var paneAddress = empty(paneUrl) ? web.outputs.url : paneUrl
// The origin only (scheme and host): what browsers send in Origin and CORS compares.
var paneOrigin = 'https://${split(replace(paneAddress, 'https://', ''), '/')[0]}'

module api 'modules/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'func-${token}'
    planName: 'plan-${token}'
    nodeVersion: '22'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageAccountName: hostStorage.outputs.name
    deploymentContainerName: deploymentContainerName
    dataStorageAccountName: dataStorage.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    paneOrigin: paneOrigin
    entraTenantId: entraTenant
    entraApiClientId: entraApiClientId
    entraAuthorityHost: authorityHost
    entraApiScope: apiScope
    accessContact: accessContact
    maxBodyBytes: maxBodyBytes
    storageTimeoutMs: storageTimeoutMs
    catalogueRefreshMs: catalogueRefreshMs
    dueDaysAfterPeriodEnd: dueDaysAfterPeriodEnd
  }
  // The app starts reading its package and its storage at once: the roles come first.
  dependsOn: [
    hostStorageRoles
    dataStorageRoles
    monitoringRoles
  ]
}

// Read by azd (service targets, the hooks of azure.yaml) and by `npm run build:prod` of the pane.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STATIC_WEB_APP_NAME string = web.outputs.name
output API_BASE_URL string = api.outputs.apiBaseUrl
output ADDIN_BASE_URL string = paneAddress
output ADDIN_API_BASE_URL string = api.outputs.apiBaseUrl
// The pane's sign-in (addin/src/auth/entra-config.ts): the same tenant, cloud and API as the app's.
output ADDIN_ENTRA_CLIENT_ID string = entraPaneClientId
output ADDIN_ENTRA_AUTHORITY string = '${authorityHost}/${entraTenant}'
output ADDIN_ENTRA_API_SCOPE string = 'api://${entraApiClientId}/${apiScope}'
// office.js from the CDN of the same cloud as sign-in (21Vianet's for a tenant operated in China).
output ADDIN_OFFICE_JS string = authorityHost == 'https://login.partner.microsoftonline.cn' ? 'cdn-21vianet' : 'cdn'
output DATA_STORAGE_ACCOUNT_NAME string = dataStorage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
