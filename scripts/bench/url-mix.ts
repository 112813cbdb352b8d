/**
 * The URLs the throughput benchmark judges: requests from approved clients (some asking for more than approved),
 * requests from unknown clients, and the non-requests around them, in a fixed random order.
 */
import type { ApprovedClient } from './generate-policy';
import { CLIENT_TEMPLATES, sampleNonRequest, templateFor } from './sample-authorization-urls';
import type { SeededRandom } from './seeded-random';

export function createUrlMix(random: SeededRandom, approved: readonly ApprovedClient[], count: number): string[] {
  const urls: string[] = [];
  for (let index = 0; index < count; index++) {
    const roll = random.next();
    if (roll < 0.45 && approved.length > 0) {
      const client = random.pick(approved);
      const template = templateFor(client.provider);
      // One in ten asks for one scope more than approved: scope creep.
      const scopes = random.next() < 0.1 ? [...client.scopes, random.pick(template.scopes)] : client.scopes;
      urls.push(template.url(client.clientId, scopes, random));
    } else if (roll < 0.85) {
      const template = random.pick(CLIENT_TEMPLATES);
      const scopes = [...template.baseScopes, ...random.sample(template.scopes, 1 + random.integer(4))];
      urls.push(template.url(template.clientId(random), scopes, random));
    } else {
      urls.push(sampleNonRequest(random));
    }
  }
  return urls;
}
