/**
 * Client ids of identity providers' own public apps (command-line tools, office and developer apps). They are
 * pre-consented in every tenant and may redirect to localhost, so a phishing page can send a victim through a
 * real sign-in with one of them and ask the victim to paste back the localhost address, which carries the
 * authorization code: the "ConsentFix" attack (Push Security, 2025). Microsoft ids: Microsoft's list of
 * first-party application ids (https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in)
 * and the family-of-client-ids research (Secureworks, "FOCI", 2022). Google: the Cloud SDK's own clients.
 */
import type { ProviderId } from '../../authorization-request';

export interface FirstPartyClient {
  provider: ProviderId;
  clientId: string;
  name: string;
}

export const FIRST_PARTY_CLIENTS: readonly FirstPartyClient[] = [
  { provider: 'microsoft', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI' },
  { provider: 'microsoft', clientId: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell' },
  { provider: 'microsoft', clientId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', name: 'Microsoft Office' },
  { provider: 'microsoft', clientId: '872cd9fa-d31f-45e0-9eab-6e460a02d1f1', name: 'Visual Studio' },
  { provider: 'microsoft', clientId: 'aebc6443-996d-45c2-90f0-388ff96faa56', name: 'Visual Studio Code' },
  { provider: 'microsoft', clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e', name: 'Microsoft Graph Command Line Tools' },
  { provider: 'microsoft', clientId: '1b730954-1685-4b74-9bfd-dac224a7b894', name: 'Azure Active Directory PowerShell' },
  { provider: 'microsoft', clientId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams' },
  { provider: 'microsoft', clientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', name: 'Microsoft Teams Web Client' },
  { provider: 'microsoft', clientId: '27922004-5251-4030-b22d-91ecd9a37ea4', name: 'Outlook Mobile' },
  { provider: 'microsoft', clientId: '4813382a-8fa7-425e-ab75-3b753aab3abb', name: 'Microsoft Authenticator App' },
  { provider: 'microsoft', clientId: '29d9ed98-a469-4536-ade2-f981bc1d605e', name: 'Microsoft Authentication Broker' },
  { provider: 'microsoft', clientId: 'ab9b8c07-8f02-4f72-87fa-80105867a763', name: 'OneDrive SyncEngine' },
  { provider: 'microsoft', clientId: 'd326c1ce-6cc6-4de2-bebc-4591e5e13ef0', name: 'SharePoint' },
  { provider: 'microsoft', clientId: '9bc3ab49-b65d-410a-85ad-de819febfddc', name: 'Microsoft SharePoint Online Management Shell' },
  { provider: 'microsoft', clientId: 'a0c73c16-a7e3-4564-9a95-2bdf47383716', name: 'Microsoft Exchange Online Remote PowerShell' },
  { provider: 'microsoft', clientId: 'fb78d390-0c51-40cd-8e17-fdbfab77341b', name: 'Microsoft Exchange REST API Based PowerShell' },
  { provider: 'microsoft', clientId: '57336123-6e14-4acc-8dcf-287b6088aa28', name: 'Microsoft Whiteboard Client' },
  { provider: 'microsoft', clientId: '00b41c95-dab0-4487-9791-b9d2c32c80f2', name: 'Office 365 Management' },
  { provider: 'microsoft', clientId: '0ec893e0-5785-4de6-99da-4ed124e5296c', name: 'Office UWP PWA' },
  { provider: 'microsoft', clientId: '22098786-6e16-43cc-a27d-191a01a1e3b5', name: 'Microsoft To-Do client' },
  { provider: 'microsoft', clientId: '4e291c71-d680-4d0e-9640-0a3358e31177', name: 'PowerApps' },
  { provider: 'microsoft', clientId: '9ba1a5c7-f17a-4de9-a1f1-6178c8d51223', name: 'Microsoft Intune Company Portal' },
  { provider: 'microsoft', clientId: 'e9c51622-460d-4d3d-952d-966a5b1da34c', name: 'Microsoft Edge' },
  { provider: 'microsoft', clientId: 'ecd6b820-32c2-49b6-98a6-444530e5a77a', name: 'Microsoft Edge' },
  { provider: 'microsoft', clientId: 'f44b1140-bc5e-48c6-8dc0-5cf5a53c0e34', name: 'Microsoft Edge' },
  { provider: 'microsoft', clientId: '2d7f3606-b07d-41d1-b9d2-0d0c9296a6e8', name: 'Microsoft Bing Search for Microsoft Edge' },
  { provider: 'microsoft', clientId: 'cf36b471-5b44-428c-9ce7-313bf84528de', name: 'Microsoft Bing Search' },
  { provider: 'microsoft', clientId: '844cca35-0656-46ce-b636-13f48b0eecbd', name: 'Microsoft Stream Mobile Native' },
  { provider: 'microsoft', clientId: '87749df4-7ccf-48f8-aa87-704bad0e0e16', name: 'Microsoft Teams - Device Admin Agent' },
  { provider: 'microsoft', clientId: '26a7ee05-5602-4d76-a7ba-eae8b7b67941', name: 'Windows Search' },
  { provider: 'google', clientId: '32555940559.apps.googleusercontent.com', name: 'Google Cloud SDK (gcloud)' },
  {
    provider: 'google',
    clientId: '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com',
    name: 'Google Cloud SDK (application default credentials)',
  },
];
