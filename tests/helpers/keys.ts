// Tests that sign feeds: a fresh Ed25519 key pair, as the publisher's signing key and the text a
// reader would paste to trust it.
import { generateKeyPair, parsePrivateKey, type SigningKey } from '../../lib/feed/keys';

export async function newSigningKey(): Promise<{ key: SigningKey; publicKeyText: string }> {
  const pair = await generateKeyPair();
  const k = await parsePrivateKey(pair.privateKeyPem);
  if (!k.ok) throw new Error(k.message);
  return { key: k.key, publicKeyText: pair.publicKeyText };
}
