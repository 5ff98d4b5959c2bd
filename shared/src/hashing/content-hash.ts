import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of the RFC 8785 canonical JSON of a value: the same data gives the same hash on the
 * server, in the add-in and in a workbook's _meta sheet, whatever the key order.
 */
export function contentHash(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new Error('contentHash: value cannot be serialised as JSON');
  return bytesToHex(sha256(utf8ToBytes(json)));
}

/** The RFC 8785 canonical JSON of a value: how stored documents that are hashed or compared are written. */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new Error('canonicalJson: value cannot be serialised as JSON');
  return json;
}
