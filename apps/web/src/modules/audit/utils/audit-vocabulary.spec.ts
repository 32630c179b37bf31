import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import auditEn from '../locales/audit.en.js';
import auditZhCN from '../locales/audit.zh-CN.js';
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES, auditKey } from './audit-vocabulary.js';

// The API's list of audited actions and the resource types it writes, read from its source: a new audited action
// must appear in the audit page's filter, worded in both languages.
const subscriber = readFileSync(resolve(process.cwd(), '../api/src/modules/audit/audit-log.subscriber.ts'), 'utf8');
const audited = [...subscriber.slice(subscriber.indexOf('type Audited ='), subscriber.indexOf(';', subscriber.indexOf('type Audited ='))).matchAll(/\| '([^']+)'/g)].map((m) => m[1]!);
const resourceTypes = [...new Set([...subscriber.matchAll(/resourceType: '([a-z_]+)'|'([a-z_]+)' : '([a-z_]+)'/g)].flatMap((m) => m.slice(1).filter(Boolean) as string[]))];

describe('audit vocabulary', () => {
  it('offers every action the API audits, and nothing else', () => {
    expect(audited.length).toBeGreaterThan(20);
    expect([...AUDIT_ACTIONS].sort()).toEqual([...audited].sort());
  });

  it('offers every resource type the API writes', () => {
    expect(resourceTypes.length).toBeGreaterThan(10);
    for (const type of resourceTypes) expect(AUDIT_RESOURCE_TYPES).toContain(type);
  });

  it('words every action and resource type in Chinese and English', () => {
    for (const locale of [auditZhCN, auditEn]) {
      for (const action of AUDIT_ACTIONS) expect(Object.keys(locale.actions)).toContain(auditKey(action));
      for (const type of AUDIT_RESOURCE_TYPES) expect(Object.keys(locale.resourceTypes)).toContain(type);
    }
  });
});
