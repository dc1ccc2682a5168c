import { join } from 'node:path';

/**
 * Where key material lives in a node's PKI directory (DATANET_PKI_DIR). Private
 * keys are PKCS#8 PEM files with mode 0600; nothing here is ever sent anywhere.
 *
 *   ca.crt                  network CA certificate (trust anchor), every node
 *   node.key / node.crt     hub: its CA-issued certificate and key (issues participant certs)
 *   enrollment.key          hub: HMAC key for participants' enrollment tokens (hex)
 *   enrollment.token        participant: token from its hub operator
 *   signing.key/.crt        participant, settlement: ECDSA P-256 signing identity
 *   kex.key/.crt            participant, settlement: ECDH P-256 key-agreement identity
 *   issuer.crt              participant: its hub's certificate (chain element)
 *   db.password             password of the node's database/bus role (embedded network)
 */
export function pkiPaths(dir: string) {
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    nodeKey: join(dir, 'node.key'),
    nodeCert: join(dir, 'node.crt'),
    enrollmentKey: join(dir, 'enrollment.key'),
    enrollmentToken: join(dir, 'enrollment.token'),
    signingKey: join(dir, 'signing.key'),
    signingCert: join(dir, 'signing.crt'),
    kexKey: join(dir, 'kex.key'),
    kexCert: join(dir, 'kex.crt'),
    issuerCert: join(dir, 'issuer.crt'),
    dbPassword: join(dir, 'db.password'),
    /** Quote-signing key of the participant's (simulated) enclave platform, and its certificate (role enclave-platform). */
    enclavePlatformKey: join(dir, 'enclave-platform.key'),
    enclavePlatformCert: join(dir, 'enclave-platform.crt'),
  } as const;
}
export type PkiPaths = ReturnType<typeof pkiPaths>;
