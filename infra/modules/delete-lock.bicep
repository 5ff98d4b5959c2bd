// A CanNotDelete lock on the returns' storage account: the system of record is not removed by
// accident (a deleted resource group, `azd down`). Removing the lock is a deliberate step.

@description('The storage account to protect.')
param storageAccountName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'protect-returns'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'The returns (填报数据) of every park live here. Remove this lock only to retire the system, after an export.'
  }
}
