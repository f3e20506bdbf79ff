// The IAM action each CSMS operation needs (csms-api.md). The emulator enforces them on tokens;
// the console names them when a call is refused with 403.
export const CSMS_ACTIONS = {
  ListSecrets: 'csms:secret:list',
  CreateSecret: 'csms:secret:create',
  ShowSecret: 'csms:secret:get',
  UpdateSecret: 'csms:secret:update',
  ListSecretVersions: 'csms:secret:listVersion',
  CreateSecretVersion: 'csms:secret:createVersion',
  ShowSecretVersion: 'csms:secret:getVersion',
  ShowSecretStage: 'csms:secret:getStage',
  UpdateSecretStage: 'csms:secret:updateStage',
  DeleteSecretStage: 'csms:secret:deleteStage',
} as const;
export type CsmsOperation = keyof typeof CSMS_ACTIONS;
