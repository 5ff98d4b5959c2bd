// Lets the identity publish telemetry to Application Insights with Entra ID.

@description('Application Insights name.')
param applicationInsightsName string

@description('Object (principal) id of the identity.')
param principalId string

@description('Built-in role definition id (Monitoring Metrics Publisher).')
param roleDefinitionId string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalId, roleDefinitionId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
