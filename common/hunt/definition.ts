/**
 * The hunt as data. Facts (name, uuid, technique, references, the substance of the notes) come from
 * Elastic's published hunting query "Microsoft Entra ID Rare Service Principal Activity from Multiple
 * IPs" (detection-rules hunting/azure/queries/entra_rare_actions_by_service_principal.toml).
 */

export interface MitreTechnique {
  id: string;
  name: string;
  tactic: string;
  url: string;
}

export interface HuntDefinition {
  uuid: string;
  name: string;
  description: string;
  integrations: string[];
  mitre: MitreTechnique[];
  notes: string[];
  references: string[];
  license: string;
}

export const HUNT_DEFINITION: HuntDefinition = {
  uuid: '91f4e8e6-7d35-45e1-89c5-8c77e78ef5c1',
  name: 'Microsoft Entra ID Rare Service Principal Activity from Multiple IPs',
  description:
    'Finds service principals that perform an action rarely (a few times a day at most) but from ' +
    'more than one source IP, across Entra ID audit, sign-in and Graph activity logs and Microsoft 365 ' +
    'audit logs. Rare activity spread over several addresses can mean stolen credentials or a ' +
    'replayed token being used beside the legitimate automation.',
  integrations: ['azure', 'o365'],
  mitre: [
    {
      id: 'T1098.001',
      name: 'Account Manipulation: Additional Cloud Credentials',
      tactic: 'Persistence',
      url: 'https://attack.mitre.org/techniques/T1098/001',
    },
  ],
  notes: [
    'Pivot from any value in a row (action, service principal name or id, source IP) into the raw events to see the whole activity.',
    'A row is an action a service principal performed at most the chosen number of times on one day, from at least the chosen number of distinct IPs.',
    'The service principal name comes from the audit display name, the sign-in service principal name or the Microsoft 365 user id, whichever the source has.',
    'The service principal id links the same principal across audit, sign-in, Graph activity and Microsoft 365 events. Graph activity events carry no name, so group by id to separate them.',
    'Look at where the IPs are: the same principal used from distant countries or unexpected networks (AS organisations) is a strong sign of compromise.',
    'Read the action: rare API calls, sign-ins, new credentials or configuration changes deserve a closer look.',
    'Rare activity can be legitimate, such as a new integration or a deployment; confirm it with the owners of the automation before escalating.',
    'Abuse of OAuth applications, Microsoft Graph access and stolen tokens has been seen in real intrusions for persistence and lateral movement.',
  ],
  references: [
    'https://www.cisa.gov/news-events/alerts/2025/05/22/advisory-update-cyber-threat-activity-targeting-commvaults-saas-cloud-application-metallic',
  ],
  license: 'Elastic License v2',
};
