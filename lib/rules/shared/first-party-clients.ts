/**
 * Client ids of identity providers' own public apps (command-line tools, office, mobile and developer apps). They are
 * pre-consented in every tenant and may redirect to localhost, so a phishing page can send a victim through a
 * real sign-in with one of them and ask the victim to paste back the localhost address, which carries the
 * authorization code: the "ConsentFix" attack (Push Security, 2025).
 *
 * Pure data. Every id is copied from the published source named in its `source` (a pinned file or a documentation
 * page); an id no source names does not belong here. Resource APIs and back-end services of the same vendors are
 * left out on purpose: nobody signs in to them from a browser, so they would only make the list look longer.
 */
import type { ProviderId } from '../../authorization-request';

export interface FirstPartyClient {
  provider: ProviderId;
  clientId: string;
  name: string;
  /** Where the id is published: a file pinned to a commit, or a documentation page. */
  source: string;
}

/**
 * Secureworks' "Family of Client IDs" research: Microsoft public clients whose refresh tokens any other member of
 * the family can redeem, which makes a stolen code from one of them worth more.
 */
const FOCI =
  'https://github.com/secureworks/family-of-client-ids-research/blob/52c66c5415738e60c296fce15ada2fcb1845fe68/known-foci-clients.csv';

/** Microsoft's own table of commonly seen first-party application ids. */
const MICROSOFT_LEARN =
  'https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in';

/**
 * A daily export of the apps Microsoft's tenants own (Microsoft Graph), Entra's documentation ids and community
 * additions. Its documentation part also holds ids that are not apps (licence plans, role templates, passkey
 * AAGUIDs named "Authenticator for iOS"), so only entries that name a client app are taken from it.
 */
const MICROSOFT_APPS_EXPORT =
  'https://github.com/merill/microsoft-info/blob/43b8a5d9fb6648f3ef36ec051acd988fdd19558b/_info/MicrosoftApps.json';

/** gsutil's installed-app client, and the Cloud SDK client it switches to when run from gcloud. */
const GSUTIL_SYSTEM_UTIL =
  'https://github.com/GoogleCloudPlatform/gsutil/blob/cdd4555e0cc6c25e5f5faa8a9f4735826ef63e22/gslib/utils/system_util.py';

/** The client `gcloud auth application-default login` signs in with. */
const GOOGLE_AUTH_CLOUD_SDK =
  'https://github.com/googleapis/google-auth-library-python/blob/4262c90259352e04d0816ec01e3835f434438d91/google/auth/_cloud_sdk.py';

/** Apps Script's command-line tool; its README asks admins to allow-list this id. */
const CLASP_OAUTH_CLIENT =
  'https://github.com/google/clasp/blob/39a9c12428930b60fb55806c367deb0a92c9b7ed/src/auth/oauth_client.ts';

/** The Firebase command-line tool's login client. */
const FIREBASE_TOOLS_API = 'https://github.com/firebase/firebase-tools/blob/a786bda73b48196fce1df22fe2b1cbc9e463b2d0/src/api.ts';

export const FIRST_PARTY_CLIENTS: readonly FirstPartyClient[] = [
  // Microsoft: the family of client ids.
  { provider: 'microsoft', clientId: '00b41c95-dab0-4487-9791-b9d2c32c80f2', name: 'Office 365 Management', source: FOCI },
  { provider: 'microsoft', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI', source: FOCI },
  { provider: 'microsoft', clientId: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell', source: FOCI },
  { provider: 'microsoft', clientId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams', source: FOCI },
  { provider: 'microsoft', clientId: '26a7ee05-5602-4d76-a7ba-eae8b7b67941', name: 'Windows Search', source: FOCI },
  { provider: 'microsoft', clientId: '27922004-5251-4030-b22d-91ecd9a37ea4', name: 'Outlook Mobile', source: FOCI },
  { provider: 'microsoft', clientId: '4813382a-8fa7-425e-ab75-3b753aab3abb', name: 'Microsoft Authenticator App', source: FOCI },
  { provider: 'microsoft', clientId: 'ab9b8c07-8f02-4f72-87fa-80105867a763', name: 'OneDrive SyncEngine', source: FOCI },
  { provider: 'microsoft', clientId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', name: 'Microsoft Office', source: FOCI },
  { provider: 'microsoft', clientId: '872cd9fa-d31f-45e0-9eab-6e460a02d1f1', name: 'Visual Studio', source: FOCI },
  { provider: 'microsoft', clientId: 'af124e86-4e96-495a-b70a-90f90ab96707', name: 'OneDrive iOS App', source: FOCI },
  { provider: 'microsoft', clientId: '2d7f3606-b07d-41d1-b9d2-0d0c9296a6e8', name: 'Microsoft Bing Search for Microsoft Edge', source: FOCI },
  { provider: 'microsoft', clientId: '844cca35-0656-46ce-b636-13f48b0eecbd', name: 'Microsoft Stream Mobile Native', source: FOCI },
  { provider: 'microsoft', clientId: '87749df4-7ccf-48f8-aa87-704bad0e0e16', name: 'Microsoft Teams - Device Admin Agent', source: FOCI },
  { provider: 'microsoft', clientId: 'cf36b471-5b44-428c-9ce7-313bf84528de', name: 'Microsoft Bing Search', source: FOCI },
  { provider: 'microsoft', clientId: '0ec893e0-5785-4de6-99da-4ed124e5296c', name: 'Office UWP PWA', source: FOCI },
  { provider: 'microsoft', clientId: '22098786-6e16-43cc-a27d-191a01a1e3b5', name: 'Microsoft To-Do client', source: FOCI },
  { provider: 'microsoft', clientId: '4e291c71-d680-4d0e-9640-0a3358e31177', name: 'PowerApps', source: FOCI },
  { provider: 'microsoft', clientId: '57336123-6e14-4acc-8dcf-287b6088aa28', name: 'Microsoft Whiteboard Client', source: FOCI },
  { provider: 'microsoft', clientId: '57fcbcfa-7cee-4eb1-8b25-12d2030b4ee0', name: 'Microsoft Flow', source: FOCI },
  { provider: 'microsoft', clientId: '66375f6b-983f-4c2c-9701-d680650f588f', name: 'Microsoft Planner', source: FOCI },
  { provider: 'microsoft', clientId: '9ba1a5c7-f17a-4de9-a1f1-6178c8d51223', name: 'Microsoft Intune Company Portal', source: FOCI },
  { provider: 'microsoft', clientId: 'a40d7d7d-59aa-447e-a655-679a4107e548', name: 'Accounts Control UI', source: FOCI },
  { provider: 'microsoft', clientId: 'a569458c-7f2b-45cb-bab9-b7dee514d112', name: 'Yammer iPhone', source: FOCI },
  { provider: 'microsoft', clientId: 'b26aadf8-566f-4478-926f-589f601d9c74', name: 'OneDrive', source: FOCI },
  { provider: 'microsoft', clientId: 'c0d2a505-13b8-4ae0-aa9e-cddd5eab0b12', name: 'Microsoft Power BI', source: FOCI },
  { provider: 'microsoft', clientId: 'd326c1ce-6cc6-4de2-bebc-4591e5e13ef0', name: 'SharePoint', source: FOCI },
  { provider: 'microsoft', clientId: 'e9c51622-460d-4d3d-952d-966a5b1da34c', name: 'Microsoft Edge', source: FOCI },
  { provider: 'microsoft', clientId: 'eb539595-3fe1-474e-9c1d-feb3625d1be5', name: 'Microsoft Tunnel', source: FOCI },
  { provider: 'microsoft', clientId: 'ecd6b820-32c2-49b6-98a6-444530e5a77a', name: 'Microsoft Edge', source: FOCI },
  { provider: 'microsoft', clientId: 'f05ff7c9-f75a-4acd-a3b5-f4b6a870245d', name: 'SharePoint Android', source: FOCI },
  { provider: 'microsoft', clientId: 'f44b1140-bc5e-48c6-8dc0-5cf5a53c0e34', name: 'Microsoft Edge', source: FOCI },
  { provider: 'microsoft', clientId: 'be1918be-3fe3-4be9-b32b-b542fc27f02e', name: 'M365 Compliance Drive Client', source: FOCI },
  { provider: 'microsoft', clientId: 'cab96880-db5b-4e15-90a7-f3f1d62ffe39', name: 'Microsoft Defender Platform', source: FOCI },
  { provider: 'microsoft', clientId: 'd7b530a4-7680-4c23-a8bf-c52c121d2e87', name: 'Microsoft Edge Enterprise New Tab Page', source: FOCI },
  { provider: 'microsoft', clientId: 'dd47d17a-3194-4d86-bfd5-c6ae6f5651e3', name: 'Microsoft Defender for Mobile', source: FOCI },
  { provider: 'microsoft', clientId: 'e9b154d0-7658-433b-bb25-6b8e0a8a7c59', name: 'Outlook Lite', source: FOCI },
  // Microsoft: other public clients in Microsoft's own table.
  { provider: 'microsoft', clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e', name: 'Microsoft Graph Command Line Tools', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', name: 'Microsoft Teams Web Client', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: '29d9ed98-a469-4536-ade2-f981bc1d605e', name: 'Microsoft Authentication Broker', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: 'fb78d390-0c51-40cd-8e17-fdbfab77341b', name: 'Microsoft Exchange REST API Based Powershell', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: '871c010f-5e61-4fb1-83ac-98610a7e9110', name: 'Microsoft Power BI', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: '268761a2-03f3-40df-8a8b-c3db24145b6b', name: 'Universal Store Native Client', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: '2d4d3d8e-2be3-4bef-9f87-7875a61c29de', name: 'OneNote', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: '5d661950-3475-41cd-a2c3-d671a3162bc1', name: 'Microsoft Outlook', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: 'fc0f3af4-6835-4174-b806-f7db311fd2f3', name: 'Microsoft Intune Windows Agent', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', name: 'Graph Explorer', source: MICROSOFT_LEARN },
  { provider: 'microsoft', clientId: '1b3c667f-cde3-4090-b60b-3d2abd0117f0', name: 'Windows Spotlight', source: MICROSOFT_LEARN },
  // Microsoft: other public clients in the first-party apps export.
  { provider: 'microsoft', clientId: '04f0c124-f2bc-4f59-8241-bf6df9866bbd', name: 'Visual Studio', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'aebc6443-996d-45c2-90f0-388ff96faa56', name: 'Visual Studio Code', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: '1b730954-1685-4b74-9bfd-dac224a7b894', name: 'Azure Active Directory PowerShell', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: '9bc3ab49-b65d-410a-85ad-de819febfddc', name: 'Microsoft SharePoint Online Management Shell', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'a0c73c16-a7e3-4564-9a95-2bdf47383716', name: 'Legacy Exchange Online (Exchange Online Remote PowerShell)', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'cb1056e2-e479-49de-ae31-7812af012ed8', name: 'Microsoft Azure Active Directory Connect', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: '7f67af8a-fedc-4b08-8b4e-37c4d127b6cf', name: 'Power BI Desktop', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: '75f31797-37c9-498e-8dc9-53c16a36afca', name: 'Microsoft Planner Client', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'e1829006-9cf1-4d05-8b48-2e665cb48e6a', name: 'Microsoft Teams Web Client', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: '57fb890c-0dab-4253-a5e0-7188c88b2bb4', name: 'SharePoint Online Client', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: '981f26a1-7f43-403b-a875-f8b09b8cd720', name: 'Azure Multi-Factor Auth Client', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'a4a365df-50f1-4397-bc59-1a1564b8bb9c', name: 'Microsoft Remote Desktop', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'a85cf173-4192-42f8-81fa-777a763e6e2c', name: 'Azure Virtual Desktop Client', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'fa4345a4-a730-4230-84a8-7d9651b86739', name: 'Azure Virtual Desktop (classic) Client', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'dae89220-69ba-4957-a77a-47b78695e883', name: 'Universal Print Native Client', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'd5097d05-956f-4ae2-b6a2-eff25f5689b3', name: 'Windows Update for Business Cloud Extensions PowerShell', source: MICROSOFT_APPS_EXPORT },
  { provider: 'microsoft', clientId: 'ba081686-5d24-4bc6-a0d6-d034ecffed87', name: 'Work IQ CLI', source: MICROSOFT_APPS_EXPORT },
  { provider: 'google', clientId: '32555940559.apps.googleusercontent.com', name: 'Google Cloud SDK (gcloud)', source: GSUTIL_SYSTEM_UTIL },
  {
    provider: 'google',
    clientId: '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com',
    name: 'Google Cloud SDK (application default credentials)',
    source: GOOGLE_AUTH_CLOUD_SDK,
  },
  { provider: 'google', clientId: '909320924072.apps.googleusercontent.com', name: 'gsutil', source: GSUTIL_SYSTEM_UTIL },
  {
    provider: 'google',
    clientId: '1072944905499-vm2v2i5dvn0a0d2o4ca36i1vge8cvbn0.apps.googleusercontent.com',
    name: 'clasp (Google Apps Script command line)',
    source: CLASP_OAUTH_CLIENT,
  },
  {
    provider: 'google',
    clientId: '563584335869-fgrhgmd47bqnekij5i8b5pr03ho849e6.apps.googleusercontent.com',
    name: 'Firebase CLI',
    source: FIREBASE_TOOLS_API,
  },
];
