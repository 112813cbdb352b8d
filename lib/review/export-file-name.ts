/** File names for downloaded reviews: readable, sortable by date, and safe on every file system. */
import type { ReviewRecord } from '../storage/records';
import { reviewTitle } from './export-markdown';

export function reviewFileName(record: ReviewRecord, extension: 'md' | 'json'): string {
  const slug = reviewTitle(record)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const date = (record.submittedAt ?? record.updatedAt).slice(0, 10).replace(/[^0-9-]/g, '');
  return `consent-gate-review-${slug || record.id.slice(0, 8).replace(/[^a-zA-Z0-9]/g, '') || 'untitled'}-${date || 'undated'}.${extension}`;
}
