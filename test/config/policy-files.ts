/**
 * Reads the example policy files in docs/policies/ the way each browser would, down to the
 * fhirside policy object: Linux JSON, Windows .reg, macOS configuration profile, Firefox policies.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Schema } from '@/lib/config/policy-schema';

export const POLICY_DIR = resolve(import.meta.dirname, '../../docs/policies');
export const CHROME_ID = 'dcmajbkhnbfbcghanpbaljfdcoiclegh';
export const FIREFOX_ID = 'fhirside@fhirside.nhs.example';

export const readPolicyFile = (name: string) => readFileSync(resolve(POLICY_DIR, name), 'utf8');

/** A .reg file: `[key]` sections of `"name"="string"` and `"name"=dword:hex` values. */
export function parseReg(text: string): Record<string, Record<string, string | number>> {
  const keys: Record<string, Record<string, string | number>> = {};
  let current: Record<string, string | number> | undefined;
  for (const line of text.split(/\r\n/)) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) keys[section[1]!] = current = {};
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (value && current) {
      const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
      current[unescape(value[1]!)] = value[3] !== undefined ? parseInt(value[3], 16) : unescape(value[2]!);
    }
  }
  return keys;
}

/** What Chrome's registry loader does with the schema: DWORDs become booleans, JSON text lists and objects. */
export function fromRegistry(values: Record<string, string | number>, schema: { properties: Record<string, Schema> }): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => {
      const type = schema.properties[name]?.type;
      if (type === 'boolean') return [name, value === 1];
      if ((type === 'array' || type === 'object') && typeof value === 'string') return [name, JSON.parse(value) as unknown];
      return [name, value];
    }),
  );
}

/** An XML property list (the subset profiles use: dict, array, string, integer, true, false). */
export function parsePlist(xml: string): unknown {
  const tokens = [...xml.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '').matchAll(/<(\/?)(\w+)(\/?)>([^<]*)/g)];
  let i = 0;
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const value = (): unknown => {
    const [, , tag, selfClosing, body] = tokens[i++]!;
    if (selfClosing) return tag === 'true';
    if (tag === 'string' || tag === 'key') return i++, decode(body!);
    if (tag === 'integer') return i++, Number(body);
    const items: unknown[] = [];
    while (tokens[i]![1] !== '/') items.push(value());
    i++;
    if (tag === 'array') return items;
    const dict: Record<string, unknown> = {};
    for (let k = 0; k < items.length; k += 2) dict[items[k] as string] = items[k + 1];
    return dict;
  };
  while (tokens[i]![2] !== 'dict') i++;
  return value();
}
