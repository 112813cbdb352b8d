import type { ProviderId } from '../../lib/authorization-request';
import type { DueStatus } from '../../lib/policy/due-status';
import { SORT_KEYS, type IntegrationRow, type SortKey } from '../../lib/options/integration-rows';
import { dueText, OPTIONS_TEXT, SORT_KEY_LABELS } from '../../lib/strings/options';
import { PROVIDER_NAMES, RISK_LABELS } from '../../lib/strings/review';
import { useOptionsStore } from './options-store-context';

function SortHeader({ column }: { column: SortKey }) {
  const store = useOptionsStore();
  const sort = store.sort.value;
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined}>
      <button type="button" class="sort-button" onClick={() => store.setSort(column)} data-testid={`sort-${column}`}>
        {SORT_KEY_LABELS[column]}
        <span class="visually-hidden">{active ? ` (${sort.direction})` : ''}</span>
        <span aria-hidden="true" class="sort-arrow">
          {active ? (sort.direction === 'ascending' ? '\u25b2' : '\u25bc') : '\u21c5'}
        </span>
      </button>
    </th>
  );
}

function DueCell({ date, due, kind, testId }: { date: string | undefined; due: DueStatus; kind: 'review' | 'expiry'; testId: string }) {
  if (date === undefined) return <td data-testid={testId} data-due="none">{OPTIONS_TEXT.noDate}</td>;
  const note = dueText(due.state, due.days, kind);
  return (
    <td class={`due due-${due.state}`} data-testid={testId} data-due={due.state}>
      <time dateTime={date}>{date}</time>
      {note !== '' && (
        <>
          <br />
          <strong>{note}</strong>
        </>
      )}
    </td>
  );
}

function IntegrationTableRow({ row }: { row: IntegrationRow }) {
  return (
    <tr data-testid="integration-row" data-index={row.index} data-risk={row.risk} data-urgency={row.urgency}>
      <th scope="row" class="wrap">
        <span data-testid="integration-name">{row.name}</span>
        <br />
        <span class="muted small">
          {OPTIONS_TEXT.kindLabels[row.kind]} {'\u00b7'} <code>{row.clientId}</code>
          {row.host !== undefined && <> {'\u00b7'} {row.host}</>}
        </span>
      </th>
      <td>{PROVIDER_NAMES[row.provider]}</td>
      <td data-testid="integration-risk">
        <span class={`badge badge-${row.risk}`}>{RISK_LABELS[row.risk]}</span>
        {row.riskiestScopes.length > 0 && <div class="muted small wrap">{OPTIONS_TEXT.riskBecause(row.riskiestScopes.join(', '))}</div>}
      </td>
      <td data-testid="integration-owner">{row.owner ?? <span class="muted">{OPTIONS_TEXT.noOwner}</span>}</td>
      <DueCell date={row.reviewBy} due={row.review} kind="review" testId="integration-review-by" />
      <DueCell date={row.expiresOn} due={row.expiry} kind="expiry" testId="integration-expires" />
      <td class="wrap small">
        {row.scopes.map((scope) => (
          <code key={scope} class="scope">
            {scope}
          </code>
        ))}
      </td>
    </tr>
  );
}

function Filters() {
  const store = useOptionsStore();
  const filter = store.filter.value;
  return (
    <div class="filters" role="search" aria-label={OPTIONS_TEXT.integrationsHeading}>
      <div class="field">
        <label for="integration-filter">{OPTIONS_TEXT.filterText}</label>
        <input
          id="integration-filter"
          type="text"
          value={filter.text}
          placeholder={OPTIONS_TEXT.filterTextHint}
          aria-describedby="integration-filter-hint"
          onInput={(event) => store.setFilterText(event.currentTarget.value)}
          data-testid="filter-text"
        />
        <span id="integration-filter-hint" class="visually-hidden">
          {OPTIONS_TEXT.filterTextHint}
        </span>
      </div>
      <div class="field">
        <label for="integration-provider">{OPTIONS_TEXT.filterProvider}</label>
        <select
          id="integration-provider"
          value={filter.provider}
          onChange={(event) => store.setFilterProvider(event.currentTarget.value as ProviderId | '')}
          data-testid="filter-provider"
        >
          <option value="">{OPTIONS_TEXT.filterAllProviders}</option>
          {store.providers.value.map((provider) => (
            <option key={provider} value={provider}>
              {PROVIDER_NAMES[provider]}
            </option>
          ))}
        </select>
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={filter.dueOnly} onChange={(event) => store.setDueOnly(event.currentTarget.checked)} data-testid="filter-due-only" />
        {OPTIONS_TEXT.filterDueOnly}
      </label>
    </div>
  );
}

function BlockedList() {
  const store = useOptionsStore();
  const rows = store.blockedRows.value;
  return (
    <>
      <h3 id="blocked-title">{OPTIONS_TEXT.blockedHeading}</h3>
      {rows.length === 0 ? (
        <p data-testid="no-blocked">{OPTIONS_TEXT.noBlocked}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table" aria-labelledby="blocked-title" data-testid="blocked-table">
            <thead>
              <tr>
                <th scope="col">{SORT_KEY_LABELS.name}</th>
                <th scope="col">{SORT_KEY_LABELS.provider}</th>
                <th scope="col">{OPTIONS_TEXT.columnClientId}</th>
                <th scope="col">{OPTIONS_TEXT.blockedReason}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.index} data-testid="blocked-row">
                  <th scope="row" class="wrap">{row.name ?? (row.anyClient ? OPTIONS_TEXT.anyClientName(PROVIDER_NAMES[row.provider]) : row.clientId)}</th>
                  <td>{PROVIDER_NAMES[row.provider]}</td>
                  <td class="wrap">{row.anyClient ? OPTIONS_TEXT.anyClient : <code>{row.clientId}</code>}</td>
                  <td class="wrap">{row.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function IntegrationsSection() {
  const store = useOptionsStore();
  if (store.status.value.kind !== 'ready') {
    return (
      <section aria-labelledby="integrations-title" data-testid="integrations-section">
        <h2 id="integrations-title">{OPTIONS_TEXT.integrationsHeading}</h2>
        <p class="muted">{OPTIONS_TEXT.statusLoading}</p>
      </section>
    );
  }
  const all = store.integrationRows.value;
  const rows = store.visibleRows.value;
  return (
    <section aria-labelledby="integrations-title" data-testid="integrations-section">
      <h2 id="integrations-title">{OPTIONS_TEXT.integrationsHeading}</h2>
      {all.length === 0 ? (
        <p data-testid="no-integrations">{OPTIONS_TEXT.noIntegrations}</p>
      ) : (
        <>
          <Filters />
          <p role="status" aria-live="polite" data-testid="integrations-count">
            {OPTIONS_TEXT.shownCount(rows.length, all.length)}
          </p>
          {rows.length === 0 ? (
            <p data-testid="no-matches">{OPTIONS_TEXT.noMatches}</p>
          ) : (
            <div class="table-scroll">
              <table class="data-table" data-testid="integrations-table">
                <caption class="visually-hidden">{OPTIONS_TEXT.integrationsCaption}</caption>
                <thead>
                  <tr>
                    {SORT_KEYS.map((key) => (
                      <SortHeader key={key} column={key} />
                    ))}
                    <th scope="col">{OPTIONS_TEXT.columnScopes}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <IntegrationTableRow key={row.index} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <BlockedList />
    </section>
  );
}
