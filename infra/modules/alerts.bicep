// Alerts to one action group that e-mails the operators: anything in a poison queue (a message failed every retry),
// and 5xx answers from the webhook (Meta retries, then gives up and may disable the webhook).

@description('Action group name.')
param actionGroupName string

@description('Name of the poison-queue alert rule.')
param poisonAlertName string

@description('Name of the 5xx alert rule.')
param serverErrorsAlertName string

@description('Azure region for the log alert.')
param location string

@description('Tags for the resources.')
param tags resourceInput<'Microsoft.Insights/actionGroups@2023-01-01'>.tags

@description('E-mail address that receives the alerts.')
param alertEmail string

@description('Application Insights component the poison-queue query runs against.')
param appInsightsId string

@description('Function App whose Http5xx metric is watched.')
param functionAppId string

@description('Suffix the Functions host gives poison queues (StorageNames.Queues.PoisonSuffix).')
param poisonSuffix string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'frontdesk'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Storage metrics are per account, not per queue, so the depth comes from the QueueDepth log event (4000) the app
// writes every minute per queue.
resource poisonAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: poisonAlertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Frontdesk: messages in a poison queue'
    description: 'A message failed every retry and was moved to a poison queue. See docs/deploy.md, "When an alert fires".'
    severity: 2
    enabled: true
    scopes: [appInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'traces\n| where toint(customDimensions.EventId) == 4000\n| extend Queue = tostring(customDimensions.Queue), Depth = toint(customDimensions.Depth)\n| where Queue endswith \'${poisonSuffix}\''
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'Depth'
          dimensions: [
            {
              name: 'Queue'
              operator: 'Include'
              values: ['*']
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}

resource serverErrorsAlert 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: serverErrorsAlertName
  location: 'global'
  tags: tags
  properties: {
    description: 'The Function App answered with 5xx (the webhook could not store a body; Meta will retry).'
    severity: 1
    enabled: true
    scopes: [functionAppId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'Http5xx'
          metricName: 'Http5xx'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}
