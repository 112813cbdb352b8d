/**
 * A map keyed by provider and client id, compared as `clientKey` (lib/policy/scope-key.ts) compares them: ids
 * trimmed, Microsoft's case-insensitive. Two levels of maps instead of one map of joined keys, so a look-up builds
 * no key string: with 10,000 approvals and a look-up per request, those strings were a large share of the cost.
 */

/** The client id as `clientKey` compares it, without the provider prefix. */
export function clientIdKey(provider: string, clientId: string): string {
  const id = clientId.trim();
  return provider === 'microsoft' ? id.toLowerCase() : id;
}

export class ClientIndex<V> {
  private readonly byProvider = new Map<string, Map<string, V>>();

  get(provider: string, clientId: string): V | undefined {
    return this.byProvider.get(provider)?.get(clientIdKey(provider, clientId));
  }

  /**
   * Stores `value` unless the provider + client id already has one, and returns that earlier value (undefined when
   * `value` was stored). One key computation where `get` then `set` would do two: policies hold 10,000 entries.
   */
  setIfAbsent(provider: string, clientId: string, value: V): V | undefined {
    let clients = this.byProvider.get(provider);
    if (clients === undefined) {
      clients = new Map();
      this.byProvider.set(provider, clients);
    }
    const key = clientIdKey(provider, clientId);
    const existing = clients.get(key);
    if (existing === undefined) clients.set(key, value);
    return existing;
  }

  set(provider: string, clientId: string, value: V): void {
    let clients = this.byProvider.get(provider);
    if (clients === undefined) {
      clients = new Map();
      this.byProvider.set(provider, clients);
    }
    clients.set(clientIdKey(provider, clientId), value);
  }
}
