import $RefParser from '@apidevtools/json-schema-ref-parser';
import { readFileSync } from 'node:fs';
import { commonTypesStandIn } from '/work/main/test/support/contract/commonTypes';
const file = '/work/shared/specs/Azure/azure-rest-api-specs/specification/voiceservices/resource-manager/Microsoft.VoiceServices/stable/2023-09-01/voiceservices.json';
const doc = JSON.parse(readFileSync(file, 'utf8'));
const strip = (o: any): any => { if (Array.isArray(o)) return o.map(strip); if (o && typeof o === 'object') { const r: any = {}; for (const [k, v] of Object.entries(o)) if (k !== 'x-ms-examples') r[k] = strip(v); return r; } return o; };
(async () => {
  const parser = new $RefParser();
  const b = await parser.bundle(file, strip(doc), { resolve: { http: false, standIn: { order: 1, canRead: (f: any) => !!commonTypesStandIn(f.url), read: (f: any) => JSON.stringify(commonTypesStandIn(f.url)) } } } as any);
  const refs = new Set<string>();
  const walk = (o: any) => { if (Array.isArray(o)) o.forEach(walk); else if (o && typeof o === 'object') { for (const [k, v] of Object.entries(o)) { if (k === '$ref') refs.add(v as string); else walk(v); } } };
  walk(b);
  console.log([...refs].join('\n'));
})();
