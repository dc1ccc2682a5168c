/**
 * What a participant signs with its new signing key when it asks for admission:
 * proof that it holds the private key behind the public key it wants certified,
 * bound to its id, both keys and the time (so the request cannot be replayed
 * later for another participant or other keys).
 */
export function admissionProofInput(participantId: string, signingSpkiDer: Uint8Array, keyAgreementSpkiDer: Uint8Array, requestedAtMs: number): Uint8Array {
  const at = Buffer.alloc(8);
  at.writeBigInt64BE(BigInt(requestedAtMs));
  const len = (b: Uint8Array): Buffer => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(b.length);
    return l;
  };
  const id = Buffer.from(participantId, 'utf8');
  return Buffer.concat([Buffer.from('datanet/admission/v1'), len(id), id, len(signingSpkiDer), signingSpkiDer, len(keyAgreementSpkiDer), keyAgreementSpkiDer, at]);
}

/** How far a request's timestamp may be from the hub's clock. */
export const ADMISSION_MAX_SKEW_MS = 5 * 60 * 1000;
