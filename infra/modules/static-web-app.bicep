// Static hosting for the task pane (addin/dist of `npm run build:prod`): Azure Static Web
// Apps, free tier, https on its own *.azurestaticapps.net host (or a custom domain added later).
// azd deploys the files with the site's deployment token (service `web` of azure.yaml).

@description('Azure region of the site\'s management resource (the files are served worldwide).')
param location string

@description('Tags of every resource.')
param tags object

@description('Static Web App name.')
param name string

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostname}'
