// The API: a Function App on the Flex Consumption plan, Node 22, running the package of
// `npm run package` from its deployment container (no build in Azure), as a user-assigned
// managed identity that reaches storage and Application Insights with Entra ID only.
//
// The app settings below are exactly what the code reads in Azure plus what the Functions host
// reads: infra/settings-cross-check.test.ts checks both ways against the code.

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Function App name (also its host name: <name>.azurewebsites.net).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Node.js major version of the runtime; the package is built for it (NODE_MAJOR in functions/src/package/build-package.ts).')
param nodeVersion string = '22'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('The storage account of the Functions host (AzureWebJobsStorage) and of the deployment container.')
param hostStorageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('The storage account of the returns (tables and blobs).')
param dataStorageAccountName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Origin of the task pane (https://...): the only origin browsers may call the API from.')
param paneOrigin string

@description('Sign-in: the Entra ID tenant (directory) id; every token\'s tid.')
param entraTenantId string

@description('Sign-in: application (client) id of the API registration, the audience of its tokens.')
param entraApiClientId string

@description('Sign-in: Entra ID authority host (https://login.microsoftonline.com, or https://login.partner.microsoftonline.cn for tenants operated by 21Vianet).')
@allowed([
  'https://login.microsoftonline.com'
  'https://login.partner.microsoftonline.cn'
])
param entraAuthorityHost string

@description('Sign-in: the delegated permission (scope) of the API registration the pane asks for.')
param entraApiScope string

@description('Whom a signed-in user without a role or a park should ask; shown in those 403 messages (e.g. 管委会信息中心 021-xxxx-xxxx).')
param accessContact string

@description('Largest request body in bytes (JSON returns, uploaded workbooks).')
param maxBodyBytes int

@description('Deadline of one storage call, in milliseconds.')
param storageTimeoutMs int

@description('How long an instance uses the catalogue version in force before reading its head again, in milliseconds: a version published on another instance is in force everywhere at most this long after. 0 reads it on every request.')
param catalogueRefreshMs int

@description('A return is late when nothing was submitted this many days after its period ended.')
param dueDaysAfterPeriodEnd int

@description('Most instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: hostStorageAccountName
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: dataStorageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: [
          paneOrigin
        ]
        supportCredentials: false
      }
    }
  }
}

// Deployments sign in with Entra ID (azd, the pipeline's federated credential): no publishing passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

var appSettings = {
  // The Functions host's own storage, through the identity (no connection string).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: hostStorage.properties.primaryEndpoints.blob
  // Logs and errors: the host's and the app's (OpenTelemetry), both signed with the identity.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // The returns: Table and Blob storage through the identity.
  STORAGE_BLOB_ENDPOINT: dataStorage.properties.primaryEndpoints.blob
  STORAGE_TABLE_ENDPOINT: dataStorage.properties.primaryEndpoints.table
  AZURE_CLIENT_ID: identityClientId
  // Sign-in: the app validates each Microsoft Entra ID access token itself (signature by the
  // tenant's keys, issuer, audience, lifetime, tenant, scope) and takes role and park from the
  // token's app roles (README, "Sign-in with Microsoft Entra ID"). Dev tokens never run here.
  AUTH_MODE: 'entra'
  ENTRA_TENANT_ID: entraTenantId
  ENTRA_API_CLIENT_ID: entraApiClientId
  ENTRA_AUTHORITY_HOST: entraAuthorityHost
  ENTRA_API_SCOPE: entraApiScope
  ACCESS_CONTACT: accessContact
  // Limits and the calendar.
  MAX_BODY_BYTES: string(maxBodyBytes)
  STORAGE_TIMEOUT_MS: string(storageTimeoutMs)
  CATALOGUE_REFRESH_MS: string(catalogueRefreshMs)
  DUE_DAYS_AFTER_PERIOD_END: string(dueDaysAfterPeriodEnd)
  CORS_ORIGINS: paneOrigin
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

// No App Service Authentication: the app validates every token itself (AUTH_MODE=entra), more
// strictly than the platform would (tenant, scope, app roles), and that validation is what the
// tests exercise against a real OpenID provider. README, "Deploy to Azure", says why it is not
// kept in front as well.

output name string = site.name
output apiBaseUrl string = 'https://${site.properties.defaultHostName}/api'
