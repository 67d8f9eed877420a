// Key Vault for the three WhatsApp secrets. RBAC authorization (no access policies), soft delete and purge protection.
// The app reads the secrets through Key Vault references; only secret URIs leave this module, never values.

@description('Key Vault name (3-24 characters, globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags resourceInput<'Microsoft.KeyVault/vaults@2025-05-01'>.tags

@secure()
@description('The Meta app\'s App Secret (App Dashboard > App settings > Basic).')
param whatsAppAppSecret string

@secure()
@description('The verify token you also type into the App Dashboard\'s webhook settings.')
param whatsAppVerifyToken string

@secure()
@description('The system-user access token for the WhatsApp Cloud API.')
param whatsAppAccessToken string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource appSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'whatsapp-app-secret'
  properties: {
    value: whatsAppAppSecret
  }
}

resource verifyToken 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'whatsapp-verify-token'
  properties: {
    value: whatsAppVerifyToken
  }
}

resource accessToken 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'whatsapp-access-token'
  properties: {
    value: whatsAppAccessToken
  }
}

output id string = vault.id
output name string = vault.name
// Versionless URIs: a Key Vault reference without a version follows rotations (re-read within a day, or on restart).
output appSecretUri string = appSecret.properties.secretUri
output verifyTokenUri string = verifyToken.properties.secretUri
output accessTokenUri string = accessToken.properties.secretUri
