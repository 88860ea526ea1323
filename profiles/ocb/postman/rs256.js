// RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 8017 §8.2) in plain JavaScript, for Postman's sandbox:
// CryptoJS has no RSA and the sandbox offers no require("crypto"), so the key is read and the signature
// computed here with BigInt. sha256 is passed in (CryptoJS's in Postman): bytes in, 32 bytes out.
//   rs256Sign(pem, input, sha256)  base64url (no padding) signature of the string input, UTF-8 encoded;
//                                  pem is a PKCS#8 "PRIVATE KEY" or a PKCS#1 "RSA PRIVATE KEY".
//   base64url(bytes), utf8(string), base64Decode(text)  the encodings it needs.
// No constant-time arithmetic: fine for a test client, not for a server (see README).
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function utf8(s) {
  const out = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function base64url(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
    s += B64[n >> 18] + B64[(n >> 12) & 63];
    if (i + 1 < bytes.length) s += B64[(n >> 6) & 63];
    if (i + 2 < bytes.length) s += B64[n & 63];
  }
  return s.replace(/\+/g, "-").replace(/\//g, "_");
}

function base64Decode(text) {
  const clean = text.replace(/[\s=]/g, "");
  const out = [];
  let acc = 0, bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error("the key is not valid PEM (a character outside base64)");
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return out;
}

// derNode reads the DER element at pos: its tag and content range [start, end).
function derNode(der, pos) {
  const tag = der[pos];
  let len = der[pos + 1], start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i];
    start += n;
  }
  if (tag === undefined || start + len > der.length) throw new Error("the key's DER is truncated");
  return { tag, start, end: start + len };
}

// derChildren lists the elements inside a constructed element.
function derChildren(der, node) {
  const kids = [];
  for (let pos = node.start; pos < node.end; ) {
    const kid = derNode(der, pos);
    kids.push(kid);
    pos = kid.end;
  }
  return kids;
}

function derInteger(der, node) {
  if (node.tag !== 0x02) throw new Error("the key's DER holds no INTEGER where RSA wants one");
  let n = 0n;
  for (let i = node.start; i < node.end; i++) n = (n << 8n) | BigInt(der[i]);
  return n;
}

const RSA_ENCRYPTION_OID = "2a864886f70d010101"; // 1.2.840.113549.1.1.1

// rsaKey reads n, d and the CRT values from PEM: PKCS#8 wraps the PKCS#1 RSAPrivateKey in an OCTET STRING.
function rsaKey(pem) {
  const m = /-----BEGIN (RSA )?PRIVATE KEY-----([^-]+)-----END (RSA )?PRIVATE KEY-----/.exec(pem || "");
  if (!m) throw new Error("privateKey holds no unencrypted PEM \"PRIVATE KEY\" or \"RSA PRIVATE KEY\" block");
  let der = base64Decode(m[2]);
  if (!m[1]) {
    const [, alg, octets] = derChildren(der, derNode(der, 0));
    const oid = derNode(der, alg.start);
    const hex = der.slice(oid.start, oid.end).map((b) => b.toString(16).padStart(2, "0")).join("");
    if (hex !== RSA_ENCRYPTION_OID) throw new Error("privateKey is not an RSA key (RS256 needs RSA)");
    der = der.slice(octets.start, octets.end);
  }
  const f = derChildren(der, derNode(der, 0)).slice(1, 9).map((node) => derInteger(der, node));
  return { n: f[0], e: f[1], d: f[2], p: f[3], q: f[4], dp: f[5], dq: f[6], qinv: f[7] };
}

function modPow(base, exp, mod) {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

// DigestInfo prefix of SHA-256 (RFC 8017 §9.2, note 1).
const SHA256_DIGEST_INFO = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

function rs256Sign(pem, input, sha256) {
  const key = rsaKey(pem);
  const k = Math.ceil(key.n.toString(16).length / 2);
  const t = SHA256_DIGEST_INFO.concat(Array.from(sha256(utf8(input))));
  if (k < t.length + 11) throw new Error("the RSA key is too short for RS256");
  // EM = 0x00 || 0x01 || PS (0xff…) || 0x00 || T  (EMSA-PKCS1-v1_5, RFC 8017 §9.2)
  const em = [0, 1].concat(new Array(k - t.length - 3).fill(0xff), [0], t);
  let m = 0n;
  for (const b of em) m = (m << 8n) | BigInt(b);
  // s = m^d mod n, by the Chinese remainder theorem (RFC 8017 §5.1.2, 2.b).
  const s1 = modPow(m, key.dp, key.p), s2 = modPow(m, key.dq, key.q);
  const h = (((s1 - s2) % key.p + key.p) * key.qinv) % key.p;
  let s = s2 + key.q * h;
  const sig = new Array(k);
  for (let i = k - 1; i >= 0; i--) {
    sig[i] = Number(s & 255n);
    s >>= 8n;
  }
  return base64url(sig);
}
