// A storage account reached with Entra ID only: shared keys (and so connection strings and
// SAS tokens signed with them) are refused, TLS 1.2, no anonymous blob access.

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Storage account name: 3 to 24 lower-case letters and digits, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Blob containers to create.')
param containers array = []

@description('Keep deleted and overwritten blobs recoverable (soft delete, versioning) for this many days; 0 for none.')
@minValue(0)
@maxValue(365)
param blobRecoveryDays int = 0

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: blobRecoveryDays > 0
    ? {
        deleteRetentionPolicy: {
          enabled: true
          days: blobRecoveryDays
        }
        containerDeleteRetentionPolicy: {
          enabled: true
          days: blobRecoveryDays
        }
        isVersioningEnabled: true
      }
    : {}
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in containers: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
