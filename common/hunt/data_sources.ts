/**
 * The four data sources the hunt reads, and the fields it names in each. ES|QL refuses a query that
 * names a field mapped in no matched index, so the builder includes only the branches whose fields
 * exist; this table is what it consults.
 */

export const DATASETS = [
  'azure.auditlogs',
  'azure.signinlogs',
  'o365.audit',
  'azure.graphactivitylogs',
] as const;

export type Dataset = (typeof DATASETS)[number];

export const TIMESTAMP_FIELD = '@timestamp';
export const DATASET_FIELD = 'event.dataset';
export const SOURCE_IP_FIELD = 'source.ip';
export const ACTION_FIELD = 'event.action';

/** Fields every branch needs; without any one of them no query can be built. */
export const COMMON_FIELDS = [
  TIMESTAMP_FIELD,
  DATASET_FIELD,
  SOURCE_IP_FIELD,
  ACTION_FIELD,
] as const;

export const AUDIT_SP_ID_FIELD = 'azure.auditlogs.properties.initiated_by.app.servicePrincipalId';
export const AUDIT_SP_NAME_FIELD = 'azure.auditlogs.properties.initiated_by.app.displayName';
export const SIGNIN_SP_NAME_FIELD = 'azure.signinlogs.properties.service_principal_name';
export const SIGNIN_SP_ID_FIELD = 'azure.signinlogs.properties.service_principal_id';
export const GRAPH_SP_ID_FIELD = 'azure.graphactivitylogs.properties.service_principal_id';
export const O365_USER_ID_FIELD = 'o365.audit.UserId';
export const O365_CATEGORY_FIELD = 'o365.audit.ExtendedProperties.extendedAuditEventCategory';

export interface DataSource {
  dataset: Dataset;
  /** Human name shown in coverage and errors. */
  title: string;
  /** The integration (Fleet package) that ships the data stream. */
  integration: 'azure' | 'o365';
  /** The field whose presence marks an event of this source as service-principal activity. */
  selectorField: string;
  /** Fields this source contributes to the name and id derivations. */
  nameFields: string[];
  idFields: string[];
}

export const DATA_SOURCES: Record<Dataset, DataSource> = {
  'azure.auditlogs': {
    dataset: 'azure.auditlogs',
    title: 'Entra ID audit logs',
    integration: 'azure',
    selectorField: AUDIT_SP_ID_FIELD,
    nameFields: [AUDIT_SP_NAME_FIELD],
    idFields: [AUDIT_SP_ID_FIELD],
  },
  'azure.signinlogs': {
    dataset: 'azure.signinlogs',
    title: 'Entra ID sign-in logs',
    integration: 'azure',
    selectorField: SIGNIN_SP_NAME_FIELD,
    nameFields: [SIGNIN_SP_NAME_FIELD],
    idFields: [SIGNIN_SP_ID_FIELD],
  },
  'o365.audit': {
    dataset: 'o365.audit',
    title: 'Microsoft 365 audit logs',
    integration: 'o365',
    selectorField: O365_CATEGORY_FIELD,
    nameFields: [O365_USER_ID_FIELD],
    idFields: [O365_USER_ID_FIELD],
  },
  'azure.graphactivitylogs': {
    dataset: 'azure.graphactivitylogs',
    title: 'Microsoft Graph activity logs',
    integration: 'azure',
    selectorField: GRAPH_SP_ID_FIELD,
    nameFields: [],
    idFields: [GRAPH_SP_ID_FIELD],
  },
};

/**
 * The seed's COALESCE orders, kept exactly: the first non-null input wins, so the order is part of
 * the hunt's logic.
 */
export const NAME_COALESCE_ORDER = [AUDIT_SP_NAME_FIELD, SIGNIN_SP_NAME_FIELD, O365_USER_ID_FIELD];
export const ID_COALESCE_ORDER = [
  AUDIT_SP_ID_FIELD,
  GRAPH_SP_ID_FIELD,
  O365_USER_ID_FIELD,
  SIGNIN_SP_ID_FIELD,
];
/** The seed's order of the azure selector branches inside the WHERE. */
export const AZURE_SELECTOR_ORDER: Dataset[] = [
  'azure.signinlogs',
  'azure.auditlogs',
  'azure.graphactivitylogs',
];

/** Every field the hunt can name: what field coverage asks `_field_caps` about. */
export const HUNT_FIELDS: string[] = [
  ...COMMON_FIELDS,
  ...new Set(
    DATASETS.flatMap((dataset) => {
      const source = DATA_SOURCES[dataset];
      return [source.selectorField, ...source.nameFields, ...source.idFields];
    })
  ),
];

/** Event fields an analyst reads first in a pivot, beside the derived name and id. */
export const EVENT_DETAIL_FIELDS = [
  'event.outcome',
  'source.geo.country_iso_code',
  'source.geo.country_name',
  'source.as.organization.name',
  'source.as.number',
  'user_agent.original',
];

/** What field coverage asks `_field_caps` about: the hunt's fields and the pivots' details. */
export const COVERAGE_FIELDS: string[] = [...HUNT_FIELDS, ...EVENT_DETAIL_FIELDS];
