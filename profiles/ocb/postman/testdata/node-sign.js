// Runs rs256.js under node as Postman's sandbox would, with node's SHA-256 in place of CryptoJS's:
//   node node-sign.js RS256_JS KEY_PEM BODY_FILE   prints X-Signature for the body's exact bytes.
// A test helper of profiles/ocb/postman (postman_test.go).
const fs = require("fs");
const vm = require("vm");
const crypto = require("crypto");
const [rs256File, keyFile, bodyFile] = process.argv.slice(2);
const sandbox = {};
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(rs256File, "utf8") + "\nthis.rs256Sign = rs256Sign; this.base64url = base64url; this.utf8 = utf8;", sandbox);
const sha256 = (bytes) => Array.from(crypto.createHash("sha256").update(Buffer.from(bytes)).digest());
const body = fs.readFileSync(bodyFile, "utf8");
const input = sandbox.base64url(sandbox.utf8('{"alg":"RS256"}')) + "." + sandbox.base64url(sandbox.utf8(body));
process.stdout.write(sandbox.rs256Sign(fs.readFileSync(keyFile, "utf8"), input, sha256) + "\n");
