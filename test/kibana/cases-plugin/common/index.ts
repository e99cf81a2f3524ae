/**
 * Stand-in for `@kbn/cases-plugin/common`: the Cases permissions type.
 *
 * Source: elastic/kibana:x-pack/platform/plugins/shared/cases/common/index.ts
 * Checked at elastic/kibana@91016ea148ed29f7a37f0fa9e8301bce10d344bd:x-pack/platform/plugins/shared/cases/common/index.ts
 * (CasesPermissions is exported from `…/common/ui/types`, re-exported here, not from `/public`).
 */
export interface CasesPermissions {
  all: boolean;
  create: boolean;
  read: boolean;
  update: boolean;
  delete: boolean;
  push: boolean;
  connectors: boolean;
  settings: boolean;
  createComment: boolean;
  reopenCase: boolean;
  assign: boolean;
}
