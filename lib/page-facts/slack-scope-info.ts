/**
 * The permission list Slack's OAuth page mounts from JSON: `<div data-automount-component="ScopeInfo"
 * data-automount-props="{…}">`. Collapsed groups show only their headings; the full descriptions live only in this
 * JSON. The JSON is page-controlled: it is size-capped, parsed with a schema, and only its description strings are
 * kept, as plain text (never as HTML). Pure: reads a `Document`.
 *
 * Shape (seen in a saved slack.com App Directory page, which mounts the same component):
 * `{"scopeInfo": {"<section>": {"heading": "…will be able to view:", "secondary_groups": {"<group>": {"heading": "…",
 * "scopes_info": [{"scopes": ["channels:history"], "description": "View messages …"}]}}}}}`.
 */
import * as z from 'zod/mini';
import { errorMessage } from '../error-message';

/** Far above a real page's props (a few kB for dozens of scopes); beyond it the JSON is not read at all. */
export const MAX_SCOPE_INFO_PROPS_LENGTH = 256 * 1024;
const MAX_TEXT = 2048;
const MAX_ENTRIES = 500;

const ScopeEntrySchema = z.object({
  scopes: z.optional(z.array(z.string().check(z.maxLength(MAX_TEXT))).check(z.maxLength(MAX_ENTRIES))),
  description: z.string().check(z.maxLength(MAX_TEXT)),
});

const ScopeGroupSchema = z.object({
  heading: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
  scopes_info: z.array(ScopeEntrySchema).check(z.maxLength(MAX_ENTRIES)),
});

const ScopeSectionSchema = z.object({
  heading: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
  secondary_groups: z.record(z.string(), ScopeGroupSchema),
});

export const ScopeInfoPropsSchema = z.object({ scopeInfo: z.record(z.string(), ScopeSectionSchema) });
export type ScopeInfoProps = z.infer<typeof ScopeInfoPropsSchema>;

export type ScopeInfoReading =
  | { status: 'absent' }
  | { status: 'unreadable'; reason: string }
  | { status: 'read'; sectionHeadings: string[]; descriptions: string[] };

/** Parses one `data-automount-props` value. Never throws: bad input is reported as `unreadable` with the reason. */
export function parseScopeInfoProps(text: string): ScopeInfoReading {
  if (text.length > MAX_SCOPE_INFO_PROPS_LENGTH) return { status: 'unreadable', reason: `props longer than ${MAX_SCOPE_INFO_PROPS_LENGTH} characters` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Reported, not hidden: the caller falls back to the group headings the page shows and says the JSON was unreadable.
    return { status: 'unreadable', reason: `not JSON (${errorMessage(error)})` };
  }
  const parsed = ScopeInfoPropsSchema.safeParse(json);
  if (!parsed.success) return { status: 'unreadable', reason: 'not the ScopeInfo shape' };
  const sections = Object.values(parsed.data.scopeInfo);
  return {
    status: 'read',
    sectionHeadings: sections.flatMap((section) => (section.heading === undefined ? [] : [section.heading])),
    descriptions: sections.flatMap((section) =>
      Object.values(section.secondary_groups).flatMap((group) => group.scopes_info.map((entry) => entry.description)),
    ),
  };
}

/** The first ScopeInfo component's props on the page, read. */
export function readScopeInfo(document: Document): ScopeInfoReading {
  const mount = document.querySelector('[data-automount-component="ScopeInfo"][data-automount-props]');
  const props = mount?.getAttribute('data-automount-props');
  return props === null || props === undefined ? { status: 'absent' } : parseScopeInfoProps(props);
}
