// The Frontdesk workbook: the page operators open in the portal (Application Insights > Workbooks, or the resource
// group). Its queries read the log events in Frontdesk.Core.Telemetry.TelemetryEvents by EventId and property name.

@description('Display name in the portal.')
param displayName string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags resourceInput<'Microsoft.Insights/workbooks@2023-06-01'>.tags

@description('Application Insights component the queries run against.')
param appInsightsName string

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var appInsightsId = appInsights.id

var content = loadJsonContent('frontdesk-workbook.json')

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // Workbook names must be GUIDs; this one is stable per resource group, so a redeploy updates it in place.
  name: guid(resourceGroup().id, appInsightsId, 'frontdesk-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string(union(content, { fallbackResourceIds: [appInsightsId] }))
  }
}

output id string = workbook.id
