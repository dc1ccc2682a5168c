/**
 * Wire format of strategy messages: a JSON header plus binary attachments, so
 * ciphertexts and keys travel as raw bytes (not base64 inside JSON).
 *
 *   "DNSM" || u8 version(1) || u32be headerLength || header (UTF-8 JSON)
 *          || u32be count || count x (u32be length || bytes)
 *
 * In the header every Uint8Array is replaced by `{ "$bytes": index }`.
 * Decoding is defensive: bounded sizes, exact lengths, no trailing bytes.
 */

const MAGIC = [0x44, 0x4e, 0x53, 0x4d];
const VERSION = 1;
const MAX_ATTACHMENTS = 65_536;
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

export class CodecError extends Error {
  override readonly name = 'CodecError';
}

export function encodeMessage(value: unknown): Uint8Array {
  const attachments: Uint8Array[] = [];
  const header = Buffer.from(
    JSON.stringify(value, function replacer(this: unknown, key: string, v: unknown) {
      // JSON.stringify has already turned a Buffer into { type: 'Buffer', data } by the
      // time the replacer sees it: read the original from the holder instead.
      const original = (this as Record<string, unknown>)[key];
      if (original instanceof Uint8Array) {
        attachments.push(original);
        return { $bytes: attachments.length - 1 };
      }
      return v;
    }),
    'utf8',
  );
  const size = 4 + 1 + 4 + header.length + 4 + attachments.reduce((n, a) => n + 4 + a.byteLength, 0);
  const out = Buffer.alloc(size);
  let at = 0;
  out.set(MAGIC, at);
  at += 4;
  out.writeUInt8(VERSION, at++);
  out.writeUInt32BE(header.length, at);
  at += 4;
  out.set(header, at);
  at += header.length;
  out.writeUInt32BE(attachments.length, at);
  at += 4;
  for (const a of attachments) {
    out.writeUInt32BE(a.byteLength, at);
    at += 4;
    out.set(a, at);
    at += a.byteLength;
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export function decodeMessage(bytes: Uint8Array): unknown {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number): void => {
    if (at + n > buf.length) throw new CodecError('message truncated');
  };
  need(9);
  if (MAGIC.some((m, i) => buf[i] !== m)) throw new CodecError('bad magic');
  if (buf[4] !== VERSION) throw new CodecError(`unsupported version ${buf[4]}`);
  const headerLength = buf.readUInt32BE(5);
  at = 9;
  if (headerLength > MAX_HEADER_BYTES) throw new CodecError('header too large');
  need(headerLength);
  const headerText = buf.subarray(at, at + headerLength).toString('utf8');
  at += headerLength;
  need(4);
  const count = buf.readUInt32BE(at);
  at += 4;
  if (count > MAX_ATTACHMENTS) throw new CodecError('too many attachments');
  const attachments: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    need(4);
    const length = buf.readUInt32BE(at);
    at += 4;
    need(length);
    attachments.push(Uint8Array.prototype.slice.call(buf, at, at + length));
    at += length;
  }
  if (at !== buf.length) throw new CodecError('trailing bytes');
  const used = new Set<number>();
  let header: unknown;
  try {
    header = JSON.parse(headerText, (_key, v: unknown) => {
      if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && '$bytes' in v) {
        const index = v.$bytes;
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= attachments.length || used.has(index)) {
          throw new CodecError('bad attachment reference');
        }
        used.add(index);
        return attachments[index];
      }
      return v;
    });
  } catch (error) {
    if (error instanceof CodecError) throw error;
    throw new CodecError('header is not JSON');
  }
  if (used.size !== attachments.length) throw new CodecError('unreferenced attachment');
  return header;
}
