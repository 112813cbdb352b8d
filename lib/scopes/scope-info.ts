/**
 * What a scope allows, in the vocabulary the rules and the overlay share. Pure data.
 */
import type { ProviderId } from '../authorization-request';

export const ACCESS_LEVELS = ['identity', 'read', 'write', 'delete', 'admin'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The seed's data classes (public … health) plus the ones consent screens ask for most. */
export const DATA_CLASSES = [
  'public',
  'internal',
  'customer',
  'payment',
  'health',
  'employee',
  'credentials',
  'communications',
  'files',
  'source-code',
  'calendar',
  'contacts',
] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** Data classes that need a review before any tool reads them (PRODUCT.md, "sensitive data classes"). */
export const SENSITIVE_DATA_CLASSES: readonly DataClass[] = [
  'customer',
  'payment',
  'health',
  'employee',
  'credentials',
  'communications',
  'files',
  'source-code',
  'contacts',
];

/**
 * How far a scope reaches, narrowest first. `selected`: only the items the person picks for the app or the app
 * creates itself (Google `drive.file`, Graph `Files.ReadWrite.Selected`); `own`: all of the person's own data.
 */
export const BREADTHS = ['selected', 'own', 'shared', 'organization', 'unknown'] as const;
export type Breadth = (typeof BREADTHS)[number];

/** The provider's own sensitivity label, where it publishes one. */
export const PROVIDER_LABELS = ['google-sensitive', 'google-restricted', 'microsoft-admin-consent'] as const;
export type ProviderLabel = (typeof PROVIDER_LABELS)[number];

export interface ScopeInfo {
  /** The scope exactly as requested. */
  scope: string;
  /** The catalog the answer came from (`oidc` for the OpenID Connect standard scopes). */
  catalog: ProviderId | 'oidc';
  /** Every kind of access the scope grants; `identity` alone means sign-in only. */
  access: Access[];
  dataClasses: DataClass[];
  breadth: Breadth;
  labels: ProviderLabel[];
  /** One plain-language sentence an employee understands: "Read, send and delete all your email". */
  description: string;
  /** Grants persistent access by itself (`offline_access`, Salesforce `refresh_token`). */
  grantsOfflineAccess: boolean;
  /** `catalog`: a known scope; `guess`: inferred from its words, with `guessReason` explaining how. */
  source: 'catalog' | 'guess';
  guessReason?: string;
}
